package fetchbench.model;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's {@code HttpClient.sendAsync}: non-blocking I/O on the client's selector thread, each
 * response a CompletableFuture. The executor (concurrency k: a pool of k; 0: the JDK's defaults)
 * runs the client's own work and, in this model, the handling of each response; it does not bound the
 * requests in flight, so N URLs take about one delay. The JDK client completes the futures it
 * hands out on CompletableFuture's default async executor, so a stage added without an executor
 * runs there (from JDK 25 the common pool, cores − 1 threads); with k > 0 the handling is sent to the pool.
 * Cancelling a {@code sendAsync} future aborts its exchange.
 */
public final class HttpClientAsync extends AsyncClientModel {

    private final HttpClient client;
    private final ExecutorService ownPool;
    private final Executor responseExecutor;
    private final Duration timeout;
    private final InFlight inFlight;
    private final BodyWork bodyWork;
    private final Protocol protocol;

    public HttpClientAsync(ModelSettings settings) {
        this.timeout = Http.timeout(settings);
        this.inFlight = settings.inFlight();
        this.bodyWork = settings.bodyWork();
        this.protocol = settings.transport().protocol();
        this.ownPool = settings.concurrency() == 0 ? null
                : Executors.newFixedThreadPool(settings.concurrency(), Pools.platformThreads("httpClientAsync"));
        HttpClient.Builder builder = configured(timeout, settings.transport());
        client = (ownPool == null ? builder : builder.executor(ownPool)).build();
        responseExecutor = ownPool == null ? CompletableFutures.defaultAsyncExecutor() : ownPool;
    }

    /**
     * What every JDK client of the suite shares, the bare client's too: the protocol's HTTP version
     * (over TLS: only the run's truststore, TLS 1.3 only), timeouts, no redirects.
     */
    static HttpClient.Builder configured(Duration timeout, Transport transport) {
        Protocol protocol = transport.protocol();
        protocol.unsupportedBy(ClientStack.jdkHttpClient).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(protocol.version() == Protocol.HttpVersion.HTTP_2 ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        transport.tls().ifPresent(tls -> builder.sslContext(tls.context()).sslParameters(tls.parameters()));
        return builder;
    }

    /** The HTTP version the JDK client says a response came back in. */
    static Protocol.HttpVersion version(HttpResponse<?> response) {
        return response.version() == HttpClient.Version.HTTP_2 ? Protocol.HttpVersion.HTTP_2
                : Protocol.HttpVersion.HTTP_1_1;
    }

    /**
     * The JDK client has no interceptors, so requests are counted in flight from sending until
     * the response (or failure) arrives. Cancelling the sendAsync future aborts the exchange.
     */
    @Override
    Fetch send(URI url) {
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        inFlight.enter();
        CompletableFuture<HttpResponse<String>> sent = client.sendAsync(request, BodyHandlers.ofString());
        // Counted out before the response is handed on, so the next request of a worker is not counted first.
        CompletableFuture<Outcome> outcome = sent.whenComplete((response, error) -> inFlight.exit())
                .handleAsync((response, error) -> {
            if (error != null) {
                return Outcome.failed(url, error instanceof CompletionException
                        && error.getCause() != null ? error.getCause() : error, start);
            }
            String mismatch = protocol.mismatch(version(response));
            if (mismatch != null) {
                return Outcome.failed(url, new Protocol.WrongProtocolException(mismatch), start);
            }
            try {
                return Outcome.response(url, response.statusCode(), bodyWork.apply(response.body()), start);
            } catch (RuntimeException e) {
                return Outcome.failed(url, e, start);
            }
        }, responseExecutor);
        return new Fetch(() -> sent.cancel(true), outcome);
    }

    @Override
    public void close() {
        client.shutdownNow();
        try {
            client.awaitTermination(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownPool != null) {
            Pools.shutdown(ownPool);
        }
    }
}
