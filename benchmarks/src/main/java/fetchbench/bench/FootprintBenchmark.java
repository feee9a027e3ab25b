package fetchbench.bench;

import fetchbench.catalog.Limits;
import fetchbench.catalog.Model;
import fetchbench.model.BodyWork;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.InFlight;
import fetchbench.model.ModelSettings;
import fetchbench.model.Protocol;
import fetchbench.model.Transport;
import fetchbench.result.Metrics;
import fetchbench.server.Stubs;
import fetchbench.server.TargetServer;
import fetchbench.theory.Theory;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a model holds per request in flight, outside any timed batch, in a fork of its own started
 * with Native Memory Tracking. The fork first warms the JIT with another instance of the model;
 * then each iteration makes a new instance, reads the fork's footprint with nothing in flight,
 * holds one wave of requests open with a long server delay (the model's slots: N, or its cap),
 * and reads it again. The difference over the requests in flight is the heap, thread and other
 * native bytes, and the platform threads, that each request in flight costs, its connection and
 * its thread (where it has one) included.
 *
 * <p>Its time is only how long the hold took, and is not a result: the report reads its metrics.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FootprintBenchmark {

    /**
     * The server holds each request long enough for a new instance to reach all of them in flight
     * (opening N connections and, for some, N threads: about a second for 1,000 on 2 cores) and for
     * the footprint to be read.
     */
    public static int holdMs(int requests) {
        return 600 + requests;
    }

    /** How long the footprint reading takes at most, after the requests are all in flight. */
    static final int READING_MS = 300;
    /** Undelayed gathers that warm the JIT before any footprint is read. */
    static final int WARM_GATHERS = 3;

    @Param({})
    public Model model;

    @Param({})
    public int urls;

    @Param({})
    public int concurrency;

    @Param({})
    public int maxRequests;

    private final InFlight inFlight = new InFlight();
    private Workload held;
    private BatchMetrics metrics;
    private final ExecutorService caller = Executors.newSingleThreadExecutor(task -> new Thread(task, "footprint-caller"));

    @Setup(Level.Trial)
    public void start() throws Exception {
        URI server = TargetServer.fromForkProperty();
        int slots = Theory.here().slots(new Limits(model, concurrency, maxRequests), urls);
        held = Workload.create(server, slots, DelayProfile.fixed, holdMs(slots), 0);
        Workload undelayed = Workload.create(server, urls, DelayProfile.fixed, 0, 0);
        Stubs.register(server, held);
        Stubs.register(server, undelayed);
        metrics = BatchMetrics.open(inFlight);
        try (ConcurrencyModel warm = newModel()) {
            for (int i = 0; i < WARM_GATHERS; i++) {
                undelayed.verify(model.name(), caller.submit(() -> warm.gather(undelayed.urls())).get());
            }
        }
        ResourceProfiler.startBatch();
    }

    private ConcurrencyModel newModel() {
        return model.create(new ModelSettings(concurrency, maxRequests,
                model.clientStack().poolConnections(ConnectionPoolSize.sized, urls), held.longestDelay(), inFlight,
                BodyWork.NONE, Transport.forFork(Protocol.http1)));
    }

    @Benchmark
    public int footprint() throws Exception {
        int slots = held.urls().size();
        try (ConcurrencyModel fetcher = newModel()) {
            Footprint.Held held = Footprint.whileHeld(fetcher, this.held, inFlight, caller, holdMs(slots) - READING_MS);
            metrics.record(Metrics.FOOTPRINT_IN_FLIGHT, held.requests(), "requests");
            metrics.record(Metrics.HEAP_PER_REQUEST, held.perRequest().heapBytes(), "bytes");
            metrics.record(Metrics.THREAD_MEMORY_PER_REQUEST, held.perRequest().threadBytes(), "bytes");
            metrics.record(Metrics.NATIVE_PER_REQUEST, held.perRequest().otherNativeBytes(), "bytes");
            metrics.record(Metrics.THREADS_PER_REQUEST, held.perRequest().platformThreads(), "threads");
            return held.requests();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        caller.shutdownNow();
    }
}
