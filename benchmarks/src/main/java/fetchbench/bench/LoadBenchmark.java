package fetchbench.bench;

import fetchbench.result.Benchmarks;

import fetchbench.result.Metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Load: gathers of N URLs arrive at a fixed {@code rate} per second through one shared model, for
 * one {@link #WINDOW} per batch, whether or not the earlier ones have finished (an open loop, see
 * {@link OpenLoop}). Each gather is timed from its intended start and verified.
 *
 * <p>Measured, per window, as JMH secondary metrics: the latency percentiles p50 to p99.9 and the
 * maximum, the rate achieved, and how late the generator started arrivals (if it fell behind, the
 * client machine was saturated and those latencies are not the model's alone). The primary score
 * is the window's length with its drain, which the report does not read. Predicted: with the
 * model's limit L, utilisation ρ = rate·N·d / L; below ρ = 1 a gather takes about its unloaded time,
 * past it the queue grows for as long as the load lasts. An unbounded model is bounded by the CPU.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LoadBenchmark -p model=threadPool -p urls=10 -p delayMs=10 -p rate=40,160}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    /** The arrivals of one batch come over this long. */
    public static final Duration WINDOW = Benchmarks.LOAD_WINDOW;

    /** Gathers arriving per second. */
    @Param({})
    public int rate;

    @Benchmark
    public OpenLoop.Window load(FanOut run) {
        OpenLoop.Window window = OpenLoop.run(rate, WINDOW,
                () -> run.workload.verify(run.model.name(), run.fetcher.gather(run.workload.urls())));
        run.fanOuts = window.arrivals();
        for (Map.Entry<String, Double> percentile : Metrics.LATENCY_PERCENTILES.entrySet()) {
            run.metrics.record(percentile.getKey(), window.latencyMs(percentile.getValue()), "ms");
        }
        run.metrics.record(Metrics.ACHIEVED_RATE, window.achievedRate(), "per s");
        run.metrics.record(Metrics.LATE_P99, window.latenessMs(99), "ms");
        return window;
    }
}
