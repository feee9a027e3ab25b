package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
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
public class ApacheAsync extends AsyncClientModel {

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
        client = ApacheAsyncStack.configured(total(settings.maxRequests()), perRoute(settings.concurrency()), timeout,
                settings.transport(), "apacheAsync").addExecInterceptorLast("exchange", new OnTheWire()).build();
        client.start();
    }

    /** Connections per route at this concurrency setting: the pool's default at 0. */
    public static int perRoute(int concurrency) {
        return concurrency > 0 ? concurrency : DEFAULT_PER_ROUTE;
    }

    /** Connections in all at this maxRequests setting: the pool's default at 0. */
    public static int total(int maxRequests) {
        return maxRequests > 0 ? maxRequests : DEFAULT_TOTAL;
    }

    /**
     * One request's exchange, from the call to its answer: the gauge counts it in flight from the
     * moment it has its connection (the last link of the exec chain, after the pool's lease) until
     * its response's head or its end, as OkHttp's interceptor does, so requests waiting for a lease
     * are not on the wire. Cancelling it closes its connection: the future's own cancel can miss an
     * exchange that took its connection at that moment.
     */
    private static final class Exchange {
        static final String KEY = "fetchbench.exchange";

        private final InFlight inFlight;
        private final AtomicBoolean onTheWire = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile boolean answered;
        private volatile AsyncExecRuntime runtime;

        Exchange(InFlight inFlight) {
            this.inFlight = inFlight;
        }

        /** Whether it may go on the wire: false once cancelled. */
        boolean start(AsyncExecRuntime connection) {
            runtime = connection;
            if (cancelled) {
                return false;
            }
            onTheWire.set(true);
            inFlight.enter();
            if (cancelled) { // cancelled as it started: it fails before it is sent
                end();
                return false;
            }
            return true;
        }

        /** Its answer or failure is in: a cancel from now on must not close its connection, which goes back to the pool. */
        void answered() {
            answered = true;
            end();
        }

        void end() {
            if (onTheWire.compareAndSet(true, false)) {
                inFlight.exit();
            }
        }

        void cancel() {
            cancelled = true;
            AsyncExecRuntime connection = runtime;
            if (connection != null && !answered) {
                connection.discardEndpoint();
            }
        }
    }

    /** The last link of the exec chain: the exchange starts on its connection, or fails if cancelled before. */
    private static final class OnTheWire implements AsyncExecChainHandler {

        @Override
        public void execute(HttpRequest request, AsyncEntityProducer entity, AsyncExecChain.Scope scope,
                            AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
            Exchange exchange = (Exchange) scope.clientContext.getAttribute(Exchange.KEY);
            if (!exchange.start(scope.execRuntime)) {
                callback.failed(new CancellationException("cancelled before it had a connection"));
                return;
            }
            try {
                chain.proceed(request, entity, scope, new AsyncExecCallback() {
                    @Override
                    public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails details)
                            throws HttpException, IOException {
                        exchange.end();
                        return callback.handleResponse(response, details);
                    }

                    @Override
                    public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
                        callback.handleInformationResponse(response);
                    }

                    @Override
                    public void completed() {
                        exchange.end();
                        callback.completed();
                    }

                    @Override
                    public void failed(Exception cause) {
                        exchange.end();
                        callback.failed(cause);
                    }
                });
            } catch (HttpException | IOException | RuntimeException e) {
                exchange.end();
                throw e;
            }
        }
    }

    @Override
    Fetch send(URI url) {
        long start = System.nanoTime();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Exchange exchange = new Exchange(inFlight);
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(Exchange.KEY, exchange);
        Future<SimpleHttpResponse> sent = client.execute(SimpleRequestBuilder.get(url).build(), context,
                new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        exchange.answered();
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
                        exchange.answered();
                        outcome.complete(Outcome.failed(url, error, start));
                    }

                    @Override
                    public void cancelled() {
                        exchange.answered();
                        outcome.complete(Outcome.failed(url, new CancellationException(), start));
                    }
                });
        return new Fetch(() -> {
            exchange.cancel();
            sent.cancel(true);
        }, outcome);
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE); // what a shape left running ends now
    }
}
