package fetchbench.bench;


import fetchbench.model.BareClient;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import fetchbench.model.Transport;
import fetchbench.server.Stubs;
import fetchbench.server.TargetServer;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
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
 * In the cost profile (a 1 ms delay at every N) each setting's time less it is what the setting
 * adds to its client stack, the suite's own scaffolding included.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BareClientBenchmark -p urls=1000 -p delayMs=1 -p client=jdkHttpClient}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BareClientBenchmark {

    /** N: URLs fetched by one operation. */
    @Param({})
    public int urls;

    /** Server delay per URL, ms; 1 for the floor. */
    @Param({})
    public int delayMs;

    /** The client stack fetched with. */
    @Param({"okHttp"})
    public ClientStack client;

    /** The protocol it speaks; results without it spoke HTTP/1.1 in cleartext. */
    @Param({"http1"})
    public Protocol protocol;

    /**
     * A new client for every batch, so every request opens a connection (over TLS, a handshake):
     * against the same client kept, what a new connection costs this stack.
     */
    @Param({"false"})
    public boolean newClientPerBatch;

    private List<URI> targets;
    private BareClient bare;
    private Duration longest;
    /** One TLS context for every client of the trial, as a model keeps one: TLS 1.3 may resume its sessions. */
    private Transport transport;
    private BatchMetrics metrics;
    private BatchCost cost;

    @Setup(Level.Trial)
    public void start() {
        URI server = TargetServer.fromForkProperty();
        cost = new BatchCost(server);
        URI fetchedFrom = TargetServer.fromForkProperty(protocol);
        Workload workload = Workload.create(fetchedFrom, urls, DelayProfile.fixed, delayMs, 0);
        Stubs.register(server, workload);
        targets = workload.urls();
        longest = workload.longestDelay();
        transport = Transport.forFork(protocol);
        bare = newClient();
        // The same warm-up as the models', so the floor and the models compare like with like. With a
        // new client per batch, its real batches are that too (a new client, then the gather), so that
        // the handshakes' code is warm; reusing one client left it cold, and those forks' measured
        // batches all got faster (1190 ms to 785 ms over https1).
        Workload undelayed = Workload.create(fetchedFrom, urls, DelayProfile.fixed, 0, 0);
        Stubs.register(server, undelayed);
        metrics = BatchMetrics.openWithoutInFlight();
        Workload widest = Workload.create(fetchedFrom, urls, DelayProfile.fixed, WarmUp.Widest.delayMs(urls), 0);
        Stubs.register(server, widest);
        WarmUp.Done warmUp = WarmUp.run(urls, () -> bare.gather(undelayed.urls()),
                newClientPerBatch ? WarmUp.Widest.NONE : new WarmUp.Widest(urls, () -> {
                    bare.gather(widest.urls());
                    return OptionalInt.empty();
                }), urls,
                () -> {
                    freshClient();
                    bare.gather(targets);
                }, WarmUp.Pools.UNWATCHED);
        warmUp.recordTo(metrics);
        ResourceProfiler.startBatch();
    }

    private BareClient newClient() {
        return new BareClient(client, urls, longest, transport);
    }

    /** Before every batch: a new client where asked for (not counted in the batch's CPU), then the cost's first reading. */
    @Setup(Level.Iteration)
    public void startBatch() {
        freshClient();
        cost.start();
    }

    private void freshClient() {
        if (newClientPerBatch) {
            bare.close();
            bare = newClient();
        }
    }

    @TearDown(Level.Iteration)
    public void finishBatch() {
        cost.finish(metrics);
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
