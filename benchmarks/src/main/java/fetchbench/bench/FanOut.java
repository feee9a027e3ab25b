package fetchbench.bench;

import fetchbench.model.BodyWork;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.InFlight;
import fetchbench.model.Model;
import fetchbench.model.ModelSettings;
import fetchbench.server.Stubs;
import fetchbench.server.TargetServer;
import fetchbench.workload.CpuWork;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import fetchbench.workload.Workload;
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
 * Every benchmark class uses it; its method's name says which {@link Shape}. The launcher
 * ({@code fetchbench.FetchBench}) always sets every value; its defaults live in
 * {@code fetchbench.run.Profile}, so the annotations list none.
 */
@State(Scope.Benchmark)
public class FanOut {

    /** One of {@link Model}'s names: sequential, threadPool, completableFuture, … */
    @Param({})
    public String model;

    /** N: URLs fetched by one operation (the replicas of a race). */
    @Param({})
    public int urls;

    /** Server delay per URL, ms (the mean or median for the random profiles; the deadline of the deadline shape). */
    @Param({})
    public int delayMs;

    /** Pool size, or Dispatcher maxRequestsPerHost for okHttpAsync; 0 = the model's default. The workers of the workers shape. */
    @Param({})
    public int concurrency;

    /** OkHttp Dispatcher maxRequests (okHttpAsync only). */
    @Param({})
    public int maxRequests;

    /** fixed, staggered, uniform or lognormal. */
    @Param({})
    public String delayProfile;

    /** OkHttp's connection pool: "sized" keeps N idle connections; "okhttp-default" is OkHttp's own (5 idle). */
    @Param({})
    public String connectionPool;

    /** Seed of the random delay profiles. */
    @Param({})
    public long seed;

    public Workload workload;
    public ConcurrencyModel fetcher;
    /** The CPU-heavy shape's work per response in this fork: alone, and with every core doing it. */
    public double workMs;
    public double workAllCoresMs;

    /** The shape is the benchmark method's (see {@link Shape#method()}), which JMH tells the set-up. */
    @Setup(Level.Trial)
    public void start(BenchmarkParams benchmark) {
        String name = benchmark.getBenchmark();
        Shape shape = Shape.byMethod(name.substring(name.lastIndexOf('.') + 1));
        var server = TargetServer.fromForkProperty();
        workload = Workload.create(shape, server, urls, Delays.parse(delayProfile), delayMs, seed);
        Stubs.register(server, workload);
        BodyWork bodyWork = BodyWork.NONE;
        if (shape == Shape.CPU_HEAVY) {
            bodyWork = new CpuWork();
            workMs = CpuWork.measureMillis(1);
            workAllCoresMs = CpuWork.measureMillis(Runtime.getRuntime().availableProcessors());
        }
        int connections = ConnectionPoolSize.byName(connectionPool).connections(urls);
        fetcher = Model.byName(model).create(new ModelSettings(
                concurrency, maxRequests, connections, workload.longestDelay(), new InFlight(), bodyWork));
    }

    @TearDown(Level.Trial)
    public void stop() {
        fetcher.close();
    }
}
