package fetchbench.bench;

import fetchbench.model.Outcome;
import fetchbench.workload.CpuWork;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU-heavy mix: gather, but every response is a ~30 KB JSON body that the model's own threads
 * parse and hash (CpuWork, w ms of one core each; each fork measures w, reported as work.ms).
 *
 * <p>Measured: the batch, in ms. Predicted: max(greedy schedule of d + w on the model's slots,
 * N·w' / min(slots, cores)), w' the work's time when every core is busy: more concurrency helps
 * until the cores are busy, then nothing does.
 * Every batch is verified: each result is the expected digest of its body.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CpuHeavyBenchmark {

    @State(Scope.Benchmark)
    public static class CpuHeavy extends FanOut {
        double workMs;
        double workAllCoresMs;

        @Override
        protected Shape shape() {
            return Shape.CPU_HEAVY;
        }

        /** w for the prediction, in this fork: alone, and with every core doing it at once. */
        @Setup(Level.Trial)
        public void measureWork() {
            workMs = CpuWork.measureMillis(1);
            workAllCoresMs = CpuWork.measureMillis(Runtime.getRuntime().availableProcessors());
        }
    }

    @Benchmark
    public List<Outcome> fetchAndHash(CpuHeavy run) {
        ShapeMetrics.record(ShapeMetrics.WORK, run.workMs, "ms");
        ShapeMetrics.record(ShapeMetrics.WORK_ALL_CORES, run.workAllCoresMs, "ms");
        return run.workload.verify(run.model, run.fetcher.fetchAll(run.workload.urls()));
    }
}
