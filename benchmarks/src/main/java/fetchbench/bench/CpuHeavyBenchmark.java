package fetchbench.bench;

import fetchbench.model.Outcome;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * CPU-heavy mix: gather, but every response is a ~100 KB JSON body that the model's own threads
 * parse and hash (CpuWork, w ms of one core each; the launcher measures w).
 *
 * <p>Measured: the batch, in ms. Predicted: max(greedy schedule of d + w on the model's slots,
 * N·w / min(slots, cores)): more concurrency helps until the cores are busy, then nothing does.
 * Every batch is verified: each result is the expected digest of its body.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CpuHeavyBenchmark {

    @State(Scope.Benchmark)
    public static class CpuHeavy extends FanOut {
        @Override
        protected Shape shape() {
            return Shape.CPU_HEAVY;
        }
    }

    @Benchmark
    public List<Outcome> fetchAndHash(CpuHeavy run) {
        return run.workload.verify(run.model, run.fetcher.fetchAll(run.workload.urls()));
    }
}
