package fetchbench.bench;

import fetchbench.server.Stubs;
import fetchbench.server.TargetServer;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
 * The bare client: N blocking OkHttp calls on N virtual threads, with none of the suite's
 * scaffolding (no outcomes, no in-flight gauge, no per-URL verification; only a count).
 *
 * <p>With {@code delayMs=0} it measures the floor of this machine: what server plus cheapest
 * client need for N requests, which no model can beat; predictions become max(theory, floor).
 * With the run's delay it is the baseline of the {@code virtualThreads} model, so the report can
 * show the suite's own overhead (model ÷ bare − 1).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BareClientBenchmark -p urls=1000 -p delayMs=0}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BareClientBenchmark {

    /** N: URLs fetched by one operation. */
    @Param({})
    public int urls;

    /** Server delay per URL, ms; 0 for the floor. */
    @Param({})
    public int delayMs;

    private List<URI> targets;
    private OkHttpClient client;
    private ExecutorService executor;

    @Setup(Level.Trial)
    public void start() {
        URI server = TargetServer.fromForkProperty();
        Workload workload = Workload.create(server, urls, DelayProfile.FIXED, delayMs, 0);
        Stubs.register(server, workload);
        targets = workload.urls();
        client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(urls, 5, TimeUnit.MINUTES))
                .readTimeout(Duration.ofMillis(delayMs).plusSeconds(30))
                .retryOnConnectionFailure(false)
                .build();
        executor = Executors.newVirtualThreadPerTaskExecutor();
    }

    @Benchmark
    public int fetchAll() throws Exception {
        List<Future<Integer>> bodies = new ArrayList<>(targets.size());
        for (URI url : targets) {
            bodies.add(executor.submit(() -> {
                try (Response response = client.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
                    return response.code() == 200 ? response.body().string().length() : -1;
                }
            }));
        }
        int answered = 0;
        for (Future<Integer> body : bodies) {
            answered += body.get() > 0 ? 1 : 0;
        }
        if (answered != targets.size()) {
            throw new IOException("bare client: " + answered + " of " + targets.size() + " URLs answered 200");
        }
        return answered;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(1, TimeUnit.MINUTES);
        client.connectionPool().evictAll();
    }
}
