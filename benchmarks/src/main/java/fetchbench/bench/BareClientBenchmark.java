package fetchbench.bench;

import fetchbench.model.BareClient;
import fetchbench.model.ClientStack;
import fetchbench.server.Stubs;
import fetchbench.server.TargetServer;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.util.List;
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
 * The bare client: N blocking calls of one client stack on N virtual threads, with none of the
 * suite's scaffolding (no outcomes, no in-flight gauge, no per-URL verification; only a count).
 *
 * <p>With a 1 ms delay it measures a stack's floor on this machine: what server plus that client
 * need for N requests, which no model of the stack does much better than (it is a mean of noisy
 * batches); predictions become max(theory, floor).
 * With the run's delay and OkHttp it is the baseline of the {@code virtualThreads} model, so the
 * report can show the suite's own overhead (model ÷ bare − 1).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BareClientBenchmark -p urls=1000 -p delayMs=1 -p client=jdkHttpClient}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BareClientBenchmark {

    /** The benchmark's name, as jmh.json records it: the bare client gathers. */
    public static final String NAME = BareClientBenchmark.class.getName() + ".gather";
    /** The name of the client-stack parameter; results without it used OkHttp. */
    public static final String CLIENT = "client";

    /** N: URLs fetched by one operation. */
    @Param({})
    public int urls;

    /** Server delay per URL, ms; 1 for the floor. */
    @Param({})
    public int delayMs;

    /** The client stack fetched with. */
    @Param({"okHttp"})
    public ClientStack client;

    private List<URI> targets;
    private BareClient bare;

    @Setup(Level.Trial)
    public void start() {
        URI server = TargetServer.fromForkProperty();
        Workload workload = Workload.create(server, urls, DelayProfile.fixed, delayMs, 0);
        Stubs.register(server, workload);
        targets = workload.urls();
        bare = new BareClient(client, urls, workload.longestDelay());
        // The same JIT warm-up as the models', so the floor and the baseline compare like with like.
        Workload undelayed = Workload.create(server, urls, DelayProfile.fixed, 0, 0);
        Stubs.register(server, undelayed);
        WarmUp.jit(urls, () -> bare.gather(undelayed.urls()));
    }

    @Benchmark
    public int gather() throws IOException {
        return bare.gather(targets);
    }

    @TearDown(Level.Trial)
    public void stop() {
        bare.close();
    }
}
