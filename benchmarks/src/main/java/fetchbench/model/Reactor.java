package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.util.concurrent.Queues;

/**
 * Project Reactor on Reactor Netty's HttpClient (what Spring's WebClient runs on): each fetch a
 * {@code Mono}, the fan-out a {@code Flux.flatMap} whose concurrency (k; 0: Reactor's default of
 * {@link #DEFAULT_FLAT_MAP_CONCURRENCY}) bounds the requests in flight, so N URLs take
 * ⌈N/k⌉·delay. The I/O and the handling of each response run on a few event-loop threads;
 * the calling thread only waits for the end. Cancelling a subscription closes the request's
 * connection (HTTP/1.1) or resets its stream (HTTP/2).
 */
public final class Reactor implements ConcurrencyModel {

    /** flatMap's concurrency when none is given ({@code Queues.SMALL_BUFFER_SIZE}). */
    public static final int DEFAULT_FLAT_MAP_CONCURRENCY = Queues.SMALL_BUFFER_SIZE;
    /** Reactor Netty's own event-loop count: the cores, at least 4. */
    public static final int EVENT_LOOP_THREADS = LoopResources.DEFAULT_IO_WORKER_COUNT;

    /**
     * Reactor Netty logs each connection it sees fail (a reset, a cancelled exchange) as a warning;
     * here each one is an outcome the shape checks already, so only its errors are logged.
     */
    private static final java.util.logging.Logger NETTY_LOG = quiet("reactor.netty");

    static java.util.logging.Logger quiet(String name) {
        reactor.util.Loggers.useJdkLoggers();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** flatMap's concurrency for a concurrency setting: Reactor's default for 0. */
    public static int flatMapConcurrency(int concurrency) {
        return concurrency == 0 ? DEFAULT_FLAT_MAP_CONCURRENCY : concurrency;
    }

    private final LoopResources eventLoops;
    private final ConnectionProvider pool;
    private final HttpClient client;
    private final int concurrency;
    private final InFlight inFlight;
    private final BodyWork bodyWork;
    private final Protocol protocol;

    public Reactor(ModelSettings settings) {
        this.concurrency = flatMapConcurrency(settings.concurrency());
        this.inFlight = settings.inFlight();
        this.bodyWork = settings.bodyWork();
        this.protocol = settings.transport().protocol();
        Duration timeout = Http.timeout(settings);
        eventLoops = LoopResources.create(Pools.THREAD_PREFIX + "reactor", EVENT_LOOP_THREADS, true);
        pool = pool(settings.connections(), timeout);
        client = configured(HttpClient.create(pool).runOn(eventLoops), timeout, settings.transport());
    }

    /**
     * Up to {@code connections} connections (N when the pool is sized), and no limit on the fetches
     * that wait for one: Reactor Netty's own default of twice the connections fails the rest.
     */
    static ConnectionProvider pool(int connections, Duration timeout) {
        return ConnectionProvider.builder(Pools.THREAD_PREFIX + "reactor")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(timeout)
                .build();
    }

    /**
     * What every Reactor Netty client of the suite shares, the bare client's too: protocol, trust,
     * timeouts, and no silent retry of a request whose connection closed.
     */
    static HttpClient configured(HttpClient client, Duration timeout, Transport transport) {
        HttpClient configured = client.responseTimeout(timeout).followRedirect(false).disableRetry(true);
        return switch (transport.protocol()) {
            case http1 -> configured.protocol(HttpProtocol.HTTP11);
            case h2c -> configured.protocol(HttpProtocol.H2C);
            case https1 -> configured.protocol(HttpProtocol.HTTP11).secure(spec -> spec.sslContext(
                    Http11SslContextSpec.forClient().configure(builder -> builder
                            .trustManager(transport.requireTls().trustManager()).protocols(Protocol.TLS_VERSION))));
            case h2 -> configured.protocol(HttpProtocol.H2).secure(spec -> spec.sslContext(
                    Http2SslContextSpec.forClient().configure(builder -> builder
                            .trustManager(transport.requireTls().trustManager()).protocols(Protocol.TLS_VERSION))));
        };
    }

    /** The HTTP version Reactor Netty says a response came back in. */
    static Protocol.HttpVersion version(HttpClientResponse response) {
        return response.version().majorVersion() == 2 ? Protocol.HttpVersion.HTTP_2 : Protocol.HttpVersion.HTTP_1_1;
    }

    /**
     * One fetch as a Mono that never fails: an error becomes a failed outcome (failures isolated).
     * It leaves the in-flight count before its outcome goes downstream, where flatMap starts the next.
     */
    private Mono<Outcome> fetch(URI url) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            AtomicBoolean counted = new AtomicBoolean();
            Runnable leave = () -> {
                if (counted.compareAndSet(true, false)) {
                    inFlight.exit();
                }
            };
            return client.get().uri(url)
                    .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                            .map(text -> outcome(url, response, text, start)))
                    .onErrorResume(error -> Mono.just(Outcome.failed(url, error, start)))
                    .doOnSubscribe(subscription -> {
                        counted.set(true);
                        inFlight.enter();
                    })
                    .doOnSuccess(outcome -> leave.run())
                    .doOnCancel(leave);
        });
    }

    private Outcome outcome(URI url, HttpClientResponse response, String body, long start) {
        String mismatch = protocol.mismatch(version(response));
        if (mismatch != null) {
            return Outcome.failed(url, new Protocol.WrongProtocolException(mismatch), start);
        }
        try {
            return Outcome.response(url, response.status().code(), bodyWork.apply(body), start);
        } catch (RuntimeException e) {
            return Outcome.failed(url, e, start);
        }
    }

    /** Each URL's outcome tagged with its place, {@code concurrency} fetches at a time, in arrival order. */
    private Flux<Map.Entry<Integer, Outcome>> fetchAll(List<URI> urls, int atOnce) {
        return Flux.range(0, urls.size())
                .flatMap(i -> fetch(urls.get(i)).map(outcome -> Map.entry(i, outcome)), atOnce);
    }

    private static List<Outcome> inPlace(int size, List<Map.Entry<Integer, Outcome>> arrived) {
        Outcome[] placed = new Outcome[size];
        arrived.forEach(entry -> placed[entry.getKey()] = entry.getValue());
        return Arrays.stream(placed).filter(java.util.Objects::nonNull).toList();
    }

    /** flatMap with the model's concurrency; the outcomes put back in the order given. */
    @Override
    public List<Outcome> gather(List<URI> urls) {
        return inPlace(urls.size(), fetchAll(urls, concurrency).collectList().block());
    }

    /** flatMap with a concurrency of k: each of k slots takes the next URL as soon as it is free. */
    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        return inPlace(urls.size(), fetchAll(urls, workers).collectList().block());
    }

    /** The outcomes in arrival order, taken one by one on the calling thread. */
    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        // A buffer for every outcome, so fetching never waits for the handler.
        fetchAll(urls, concurrency).map(Map.Entry::getValue).toIterable(urls.size()).forEach(handler);
    }

    /** {@code Mono.firstWithValue}: the first 200 wins and the other subscriptions are cancelled. */
    @Override
    public Outcome race(List<URI> replicas) {
        List<Mono<Outcome>> fetches = replicas.stream().map(url -> fetch(url).filter(Outcome::isOk)).toList();
        try {
            return Mono.firstWithValue(fetches).block();
        } catch (NoSuchElementException e) {
            throw new NoReplicaAnsweredException(replicas);
        }
    }

    /** {@code take(Duration)}: what arrived within the deadline, the rest cancelled. */
    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        return inPlace(urls.size(), fetchAll(urls, concurrency).take(deadline).collectList().block());
    }

    @Override
    public void close() {
        pool.disposeLater().block(Http.TIMEOUT_MARGIN);
        eventLoops.disposeLater(Duration.ZERO, Http.TIMEOUT_MARGIN).block(Http.TIMEOUT_MARGIN);
    }
}
