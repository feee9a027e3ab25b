package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;

/**
 * Apache HttpClient 5's async client: one {@code execute} per URL on its I/O reactor, each answer
 * handed to a callback. Its pool bounds the requests on the wire: {@code concurrency} connections
 * per route (its default 5) and {@code maxRequests} in all (its default 25); the rest wait in
 * the pool's queue, so N URLs to one server take ⌈N/5⌉ delays by default.
 */
public final class ApacheAsync extends AsyncClientModel {

    /** The pool's defaults: connections per route and in all. */
    public static final int DEFAULT_PER_ROUTE = 5;
    public static final int DEFAULT_TOTAL = 25;

    private final CloseableHttpAsyncClient client;
    private final InFlight inFlight;
    private final BodyWork bodyWork;
    private final Protocol protocol;

    public ApacheAsync(ModelSettings settings) {
        Duration timeout = Http.timeout(settings);
        this.inFlight = settings.inFlight();
        this.bodyWork = settings.bodyWork();
        this.protocol = settings.transport().protocol();
        int perRoute = settings.concurrency() > 0 ? settings.concurrency() : DEFAULT_PER_ROUTE;
        int total = settings.maxRequests() > 0 ? settings.maxRequests() : DEFAULT_TOTAL;
        client = ApacheAsyncStack.configured(total, perRoute, timeout, settings.transport());
        client.start();
    }

    /** Counted in flight from the call until its callback: the pool's queue included, as for OkHttp's Dispatcher. */
    @Override
    Fetch send(URI url) {
        long start = System.nanoTime();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        inFlight.enter();
        Future<SimpleHttpResponse> sent = client.execute(SimpleRequestBuilder.get(url).build(),
                new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        inFlight.exit();
                        String mismatch = protocol.mismatch(ApacheAsyncStack.version(response.getVersion()));
                        try {
                            outcome.complete(mismatch != null
                                    ? Outcome.failed(url, new Protocol.WrongProtocolException(mismatch), start)
                                    : Outcome.response(url, response.getCode(), bodyWork.apply(
                                            response.getBodyText() == null ? "" : response.getBodyText()), start));
                        } catch (RuntimeException e) {
                            outcome.complete(Outcome.failed(url, e, start));
                        }
                    }

                    @Override
                    public void failed(Exception error) {
                        inFlight.exit();
                        outcome.complete(Outcome.failed(url, error, start));
                    }

                    @Override
                    public void cancelled() {
                        inFlight.exit();
                        outcome.complete(Outcome.failed(url, new java.util.concurrent.CancellationException(), start));
                    }
                });
        return new Fetch(() -> sent.cancel(true), outcome);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
