package fetchbench.bench;

import fetchbench.result.Metrics;

import fetchbench.model.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * CPU-heavy: gather, but every response is a ~30 KB JSON body that the model's own threads
 * parse and hash (CpuWork, w ms of one core each; each fork measures w, reported as work.ms).
 *
 * <p>Measured: the batch, in ms. Predicted: max(greedy schedule of d + w on the model's slots,
 * N·w' / min(slots, cores)), w' the work's time when every core is busy: more concurrency helps
 * until the cores are busy, then nothing does.
 * Every batch is verified: each result is the expected SHA-256 hash of its body.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CpuHeavyBenchmark {

    @Benchmark
    public List<Outcome> cpuHeavy(FanOut run) {
        run.metrics.record(Metrics.WORK, run.workMs, "ms");
        run.metrics.record(Metrics.WORK_ALL_CORES, run.workAllCoresMs, "ms");
        return run.workload.verify(run.model.name(), run.fetcher.gather(run.workload.urls()));
    }
}
