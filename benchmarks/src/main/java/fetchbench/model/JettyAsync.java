package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
public class JettyAsync extends AsyncClientModel {

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
        client = JettyStack.configured(connections(settings.concurrency()), queued(settings.maxRequests()), timeout,
                settings.transport(),
                "jettyAsync");
    }

    /** Connections per destination at this concurrency setting: Jetty's default at 0. */
    public static int connections(int concurrency) {
        return concurrency > 0 ? concurrency : DEFAULT_CONNECTIONS;
    }

    /** Requests queued per destination at this maxRequests setting: Jetty's default at 0. */
    public static int queued(int maxRequests) {
        return maxRequests > 0 ? maxRequests : DEFAULT_QUEUED;
    }

    @Override
    Fetch send(URI url) {
        long start = System.nanoTime();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        // On the wire from the request line to the response's head, as OkHttp's interceptor counts:
        // queued requests are not; one that fails before its answer leaves at its end.
        AtomicBoolean onTheWire = new AtomicBoolean();
        Runnable exit = () -> {
            if (onTheWire.compareAndSet(true, false)) {
                inFlight.exit();
            }
        };
        // Jetty's request timeout counts its queue too; a stalled exchange fails on the connection's idle timeout.
        Request request = client.newRequest(url).timeout(timeout.plus(Http.QUEUE_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)
                .onRequestBegin(r -> {
                    onTheWire.set(true);
                    inFlight.enter();
                })
                .onResponseBegin(r -> exit.run());
        request.send(new BufferingResponseListener() {
            @Override
            public void onComplete(Result result) {
                exit.run();
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
