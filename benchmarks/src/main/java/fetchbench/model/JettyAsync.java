package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;

/**
 * Jetty's HttpClient 12: one {@code send} per URL, each answer buffered and handed to a listener
 * on Jetty's own pool. {@code concurrency} sets its connections per destination (default 64);
 * {@code maxRequests} the requests it queues per destination beyond them (default 1024), past
 * which it refuses a request at once.
 */
public final class JettyAsync extends AsyncClientModel {

    /** Jetty's defaults: connections, and requests queued, per destination. */
    public static final int DEFAULT_CONNECTIONS = 64;
    public static final int DEFAULT_QUEUED = 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final InFlight inFlight;
    private final BodyWork bodyWork;
    private final Protocol protocol;

    public JettyAsync(ModelSettings settings) {
        this.timeout = Http.timeout(settings);
        this.inFlight = settings.inFlight();
        this.bodyWork = settings.bodyWork();
        this.protocol = settings.transport().protocol();
        client = JettyStack.configured(settings.concurrency() > 0 ? settings.concurrency() : DEFAULT_CONNECTIONS,
                settings.maxRequests() > 0 ? settings.maxRequests() : DEFAULT_QUEUED, timeout, settings.transport(),
                "jettyAsync");
    }

    @Override
    Fetch send(URI url) {
        long start = System.nanoTime();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Request request = client.newRequest(url).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        inFlight.enter();
        request.send(new BufferingResponseListener() {
            @Override
            public void onComplete(Result result) {
                inFlight.exit();
                if (result.isFailed()) {
                    outcome.complete(Outcome.failed(url, result.getFailure(), start));
                    return;
                }
                String mismatch = protocol.mismatch(JettyStack.version(result.getResponse().getVersion()));
                try {
                    outcome.complete(mismatch != null
                            ? Outcome.failed(url, new Protocol.WrongProtocolException(mismatch), start)
                            : Outcome.response(url, result.getResponse().getStatus(), bodyWork.apply(getContentAsString()),
                                    start));
                } catch (RuntimeException e) {
                    outcome.complete(Outcome.failed(url, e, start));
                }
            }
        });
        return new Fetch(() -> request.abort(new CancellationException("the shape no longer needs it")), outcome);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty's HttpClient did not stop", e);
        }
    }
}
