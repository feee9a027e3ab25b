package fetchbench.bench;

import fetchbench.result.ResultKeys;

import fetchbench.result.Metrics;

import fetchbench.model.BodyWork;
import fetchbench.model.ClientStack;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.InFlight;
import fetchbench.catalog.Limits;
import fetchbench.catalog.Model;
import fetchbench.model.ModelSettings;
import fetchbench.model.Outcome;
import fetchbench.model.Protocol;
import fetchbench.model.Transport;
import fetchbench.server.RequestCounter;
import fetchbench.server.Stubs;
import fetchbench.server.TargetServer;
import fetchbench.theory.Theory;
import fetchbench.workload.CpuWork;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import fetchbench.workload.Workload;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The parameters every shape shares, and what they build once per trial: the workload (URLs,
 * delays, stubs on the server) and the concurrency model (client, executors, connection pool).
 * Every benchmark class uses it; its method's name is the {@link Shape}'s. The parameters are
 * typed: JMH itself refuses a value that is not a constant or a number. The launcher
 * ({@code fetchbench.FetchBench}) always sets every value; its defaults live in
 * {@code fetchbench.run.Profile}, so the annotations list none.
 */
@State(Scope.Benchmark)
public class FanOut {

    /** The model under test. */
    @Param({})
    public Model model;

    /** N: URLs fetched by one operation (the replicas of a race). */
    @Param({})
    public int urls;

    /** Server delay per URL, ms (the mean or median for the random profiles; the deadline of the deadline shape). */
    @Param({})
    public int delayMs;

    /** The model's {@link fetchbench.catalog.Knob}: pool size, Dispatcher maxRequestsPerHost, …; 0 = the model's default. The workers of the workers shape. */
    @Param({})
    public int concurrency;

    /** The model's second limit: OkHttp's maxRequests, Apache's max total, Jetty's queue per destination; 0 = its default. */
    @Param({})
    public int maxRequests;

    /** How the delays spread around delayMs. */
    @Param({})
    public DelayProfile delayProfile;

    /** The spread of the uniform and lognormal profiles (see {@link Delays}); 0 = the profile's default. */
    @Param({})
    public double spread;

    /** OkHttp's connection pool: sized keeps N idle connections; okHttpDefault is OkHttp's own (5 idle). */
    @Param({})
    public ConnectionPoolSize connectionPool;

    /** Seed of the random delay profiles. */
    @Param({})
    public long seed;

    /** How the client talks to the server: HTTP/1.1 or HTTP/2, in cleartext or over TLS. */
    @Param({})
    public Protocol protocol;

    /** The methods of the benchmarks that run the gather under load: {@link CallersBenchmark}, {@link LoadBenchmark}. */
    static final Set<String> UNDER_LOAD = Set.of("callers", "load");

    public Workload workload;
    public ConcurrencyModel fetcher;
    /** What a batch measured besides its time, for the profiler. */
    BatchMetrics metrics;
    /** The CPU-heavy shape's work per response in this fork: alone, and with every core doing it. */
    public double workMs;
    public double workAllCoresMs;

    /**
     * Fan-outs of the workload one batch ran: one, but M for the callers benchmark and every arrival
     * of a window for the load benchmark, which set it. The server must have answered as many times N.
     */
    int fanOuts = 1;
    /**
     * Set by the load benchmark: its arrivals run across batches, so a batch's requests are not a
     * whole number of fan-outs; the load checks the server's count over the whole loop instead.
     */
    boolean continuous;

    /** A fork told another processor count runs on it, or not at all: its results would be the machine's. */
    static void toldProcessorsTookEffect() {
        String told = System.getProperty(ResultKeys.TOLD_PROCESSORS);
        int seen = Runtime.getRuntime().availableProcessors();
        if (told != null && Integer.parseInt(told) != seen) {
            throw new IllegalStateException("this fork was told it has " + told + " processors, but the JVM sees "
                    + seen + ": -XX:ActiveProcessorCount did not take effect");
        }
    }

    /** The shape is the benchmark method's, which JMH tells the set-up; the benchmarks under load gather. */
    @Setup(Level.Trial)
    public void start(BenchmarkParams benchmark) {
        String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
        Shape shape = UNDER_LOAD.contains(method) ? Shape.gather : Shape.ofBenchmark(benchmark.getBenchmark());
        toldProcessorsTookEffect();
        server = TargetServer.fromForkProperty();
        fetchedFrom = TargetServer.fromForkProperty(protocol);
        cost = new BatchCost(server);
        workload = Workload.create(shape, fetchedFrom, urls, Delays.of(delayProfile, spread), delayMs, seed);
        Stubs.register(server, workload);
        BodyWork bodyWork = BodyWork.NONE;
        if (shape.ending() == Shape.Ending.cpuBound) {
            bodyWork = new CpuWork();
            workMs = CpuWork.measureMillis(1);
            workAllCoresMs = CpuWork.measureMillis(Runtime.getRuntime().availableProcessors());
        }
        InFlight inFlight = new InFlight();
        metrics = BatchMetrics.open(inFlight);
        int connections = model.clientStack().poolConnections(connectionPool, pooledUnderLoad(benchmark, method));
        fetcher = model.create(new ModelSettings(concurrency, maxRequests, connections,
                workload.longestDelay(), inFlight, bodyWork, Transport.forFork(protocol)));
        Workload undelayed = Workload.create(fetchedFrom, urls, DelayProfile.fixed, 0, seed);
        Stubs.register(server, undelayed);
        WarmUp.Batch real = operation(shape);
        int width = Theory.here().slots(new Limits(model, concurrency, maxRequests), urls);
        Workload widest = Workload.create(fetchedFrom, width, DelayProfile.fixed, WarmUp.Widest.delayMs(width), seed);
        Stubs.register(server, widest);
        WarmUp.Widest widestBatch = new WarmUp.Widest(width, () -> {
            inFlight.resetPeak();
            List<Outcome> outcomes = fetcher.gather(widest.urls());
            if (shape == Shape.gather) {
                widest.verify(model.name(), outcomes);
            }
            metrics.recordForTrial(Metrics.WARMUP_WIDEST_IN_FLIGHT, inFlight.peak(), "requests");
            return OptionalInt.of(inFlight.peak());
        });
        WarmUp.Done warmUp = WarmUp.run(urls, () -> fetcher.gather(undelayed.urls()), widestBatch, urls, real,
                shape == Shape.gather ? pools(inFlight) : WarmUp.Pools.UNWATCHED);
        warmUp.recordTo(metrics);
        if (model.card().onVirtualThreads()) {
            // Its first recording stream takes a third of a second to start: here, not in a batch.
            watch = Optional.of(new VirtualThreadWatch());
            watch.get().start();
            watch.get().finish(metrics);
        }
        ResourceProfiler.startBatch();
    }

    /**
     * The connections to keep idle: N for one gather; under load min(M·N, the model's limit), M the
     * callers, or the gathers in flight at a rate when each takes up to {@link #LOAD_REACH_DELAYS}
     * delays, with {@link #BURST} more for random arrivals' bursts.
     */
    private int pooledUnderLoad(BenchmarkParams benchmark, String method) {
        if (!UNDER_LOAD.contains(method)) {
            return urls;
        }
        String callers = benchmark.getParam("callers");
        String rate = benchmark.getParam("rate");
        int m = callers != null ? Integer.parseInt(callers) : rate == null ? 1
                : (int) Math.ceil(Integer.parseInt(rate) * LOAD_REACH_DELAYS * Math.max(1, delayMs) / 1000.0) + BURST;
        return Math.max(urls, Theory.here().sharedSlots(new Limits(model, concurrency, maxRequests), m, urls));
    }

    /** A gather under load is pooled for as long as its p99 bound lets it take: five delays. */
    static final int LOAD_REACH_DELAYS = 5;
    static final int BURST = 3;

    /** Requests the server has answered so far from this fork's port, where it counts them. */
    Optional<Long> requestsSoFar() {
        return RequestCounter.counts(server).map(RequestCounter.Counts::requests);
    }

    /**
     * The shape's operation as its benchmark method runs it, verified the same way: the warm-up's
     * real batches. Gathering the other shapes' URLs instead left their own code (a race's
     * cancelling, a deadline's timer, the workers' queue) cold until the first measured batch: the
     * median fork's last batch was 3 to 14 % faster than its first.
     */
    private WarmUp.Batch operation(Shape shape) {
        return switch (shape) {
            case gather -> () -> new GatherBenchmark().gather(this);
            case workers -> () -> new WorkersBenchmark().workers(this);
            case asCompleted -> () -> new AsCompletedBenchmark().asCompleted(this);
            case race -> () -> new RaceBenchmark().race(this);
            case deadline -> () -> new DeadlineBenchmark().deadline(this);
            case failures -> () -> new FailuresBenchmark().failures(this);
            case cpuHeavy -> () -> new CpuHeavyBenchmark().cpuHeavy(this);
        };
    }

    /** The client's pools as the warm-up watches them: the connections the server counted (else the client), its platform threads. */
    private WarmUp.Pools pools(InFlight inFlight) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return new WarmUp.Pools() {
            @Override
            public long connectionsSoFar() {
                return FanOut.this.connectionsSoFar().orElseGet(() -> (long) inFlight.connects().orElse(0));
            }

            @Override
            public long threads() {
                return threads.getThreadCount();
            }
        };
    }

    /** The admin API's URL (cleartext), and the one the protocol fetches from. */
    private URI server;
    private URI fetchedFrom;
    /** The server's counts before this batch; empty where the server does not count. */
    private Optional<RequestCounter.Counts> countedBefore = Optional.empty();
    private BatchCost cost;
    /** For the models on virtual threads: pinning and carriers, per batch. */
    private Optional<VirtualThreadWatch> watch = Optional.empty();

    /** Connections clients have opened so far to the port fetched from, where the server counts them. */
    private Optional<Long> connectionsSoFar() {
        return RequestCounter.counts(server).map(counts -> counts.connections(fetchedFrom));
    }

    @Setup(Level.Iteration)
    public void countRequestsBefore() {
        fanOuts = 1;
        watch.ifPresent(VirtualThreadWatch::start);
        countedBefore = cost.start();
    }

    /**
     * Every batch: the server must have answered exactly the requests the shape needs (see
     * Workload); the connections it saw opened are the batch's, and over TLS each one a handshake.
     */
    @TearDown(Level.Iteration)
    public void verifyRequests() {
        Optional<RequestCounter.Counts> countedAfter = cost.finish(metrics);
        watch.ifPresent(w -> w.finish(metrics));
        if (countedByAServerThatCounts(Boolean.getBoolean(TargetServer.COUNTS_PROPERTY), countedBefore, countedAfter)) {
            RequestCounter.Counts before = countedBefore.get();
            RequestCounter.Counts after = countedAfter.get();
            if (!continuous) {
                workload.verifyRequests(model.name(), after.requests() - before.requests(), fanOuts,
                        model.clientStack().resendsOnClosedConnection());
            }
            long opened = after.connections(fetchedFrom) - before.connections(fetchedFrom);
            metrics.record(Metrics.CONNECTIONS, opened, "connections");
            if (protocol.tls()) {
                metrics.record(Metrics.HANDSHAKES, opened, "handshakes");
            }
        }
    }

    /**
     * Whether a batch's counts are there to check. A server that never counted (another WireMock)
     * is skipped, as the run said at its start; one that counted then and gives no count now fails
     * the batch, rather than let it pass unchecked.
     */
    static boolean countedByAServerThatCounts(boolean serverCounts, Optional<?> before, Optional<?> after) {
        if (serverCounts && (before.isEmpty() || after.isEmpty())) {
            throw new IllegalStateException("the server counted requests when the run started and gave no count "
                    + (before.isEmpty() ? "before" : "after") + " this batch: its requests cannot be checked");
        }
        return before.isPresent() && after.isPresent();
    }

    @TearDown(Level.Trial)
    public void stop() {
        watch.ifPresent(VirtualThreadWatch::close);
        fetcher.close();
    }
}
