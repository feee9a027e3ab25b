package fetchbench.bench;

import fetchbench.model.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Gather: fetch all N URLs and wait for every one of them.
 *
 * <p>Measured: the time of one batch (all N fetches), one batch per iteration, in ms.
 * Assumed: the server answers each URL after its delay, however many arrive at once (the launcher
 * provisions it so, see {@code ServerSettings}). Predicted: sequential N·d, a pool of k ⌈N/k⌉·d,
 * unbounded models ≈ d. Every batch is verified: N outcomes, all 200 with the expected body.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GatherBenchmark -p model=virtualThreads -p urls=100}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GatherBenchmark {

    @Benchmark
    public List<Outcome> gather(FanOut run) {
        return run.workload.verify(run.model.name(), run.fetcher.gather(run.workload.urls()));
    }
}
