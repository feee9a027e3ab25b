package fetchbench.bench;

import fetchbench.result.Benchmarks;
import fetchbench.result.LatencyLog;
import fetchbench.result.Metrics;
import fetchbench.workload.Arrivals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Load: gathers of N URLs arrive at a mean {@code rate} per second through one shared model, from
 * the fork's first batch to its last, whether or not the earlier ones have finished (an open loop,
 * see {@link OpenLoop}). Each gather is verified. A JMH batch is one {@link #WINDOW} of the loop:
 * the loop runs on between batches, so nothing drains; the warm-up batches let its queue settle.
 *
 * <p>Each measured window's histograms (latency from the intended start and from the send, and
 * the generator's lateness) go to the fork's HdrHistogram log ({@link LatencyLog}), which the report
 * merges across windows and forks. The window's own p99 and rate are JMH secondary metrics, for
 * the steadiness checks only. The primary score, a window's length, is not a result.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LoadBenchmark -p model=threadPool -p urls=10 -p delayMs=10 -p rate=40,160}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    /** A batch: one window of the loop. */
    public static final Duration WINDOW = Benchmarks.LOAD_WINDOW;

    /** Gathers arriving per second, on average. */
    @Param({})
    public int rate;

    /** How the arrivals are spaced: Poisson (the default) or evenly. */
    @Param({"poisson"})
    public Arrivals arrivals;

    private OpenLoop loop;
    private long windowEnd;
    private boolean measured;
    private int measuredLeft;
    private Map<String, String> params;
    private Optional<LatencyLog.Writer> log = Optional.empty();
    private Optional<Long> requestsBefore = Optional.empty();

    @Setup(Level.Trial)
    public void readParams(BenchmarkParams benchmark) {
        params = new TreeMap<>();
        benchmark.getParamsKeys().forEach(key -> params.put(key, benchmark.getParam(key)));
        measuredLeft = benchmark.getMeasurement().getCount();
    }

    @Setup(Level.Iteration)
    public void nextWindow(IterationParams iteration) {
        measured = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public OpenLoop.Window load(FanOut run) {
        if (loop == null) {
            run.continuous = true;
            requestsBefore = run.requestsSoFar();
            loop = OpenLoop.start(rate, arrivals, run.seed + forkIndex(),
                    () -> run.workload.verify(run.model.name(), run.fetcher.gather(run.workload.urls())));
            windowEnd = loop.startNanos();
        }
        windowEnd += WINDOW.toNanos();
        for (long wait = windowEnd - System.nanoTime(); wait > 0; wait = windowEnd - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        boolean last = measured && measuredLeft == 1;
        if (last) {
            // The last window ends its arrivals with it, so the drain after it is a window that sent nothing.
            loop.stopArrivals(OpenLoop.DRAIN_LIMIT);
        }
        OpenLoop.Window window = loop.slice();
        run.metrics.record(Metrics.WINDOW_P99, window.corrected().getValueAtPercentile(99) / 1000.0, "ms");
        run.metrics.record(Metrics.ACHIEVED_RATE, window.sentPerSecond(), "per s");
        if (measured) {
            logWindow(window);
            if (--measuredLeft == 0) {
                stop(run);
            }
        }
        return window;
    }

    /**
     * Which of this result's forks this is, from the logs its earlier forks wrote (JMH runs them
     * one after another): each fork draws its own arrivals, from the seed plus this.
     */
    private long forkIndex() {
        return latencyFolder().map(folder -> {
            try (var files = java.nio.file.Files.list(folder)) {
                String prefix = LatencyLog.fileName("load", params, 0).replaceAll("-0\\.hlog$", "-");
                return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
            } catch (java.io.IOException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    private static Optional<Path> latencyFolder() {
        return Optional.ofNullable(System.getProperty(LatencyLog.FOLDER_PROPERTY)).map(Path::of)
                .filter(java.nio.file.Files::isDirectory);
    }

    private void logWindow(OpenLoop.Window window) {
        if (log.isEmpty()) {
            log = Optional.ofNullable(System.getProperty(LatencyLog.FOLDER_PROPERTY))
                    .map(folder -> new LatencyLog.Writer(Path.of(folder), "load", params));
        }
        log.ifPresent(writer -> writer.write(window.corrected(), window.uncorrected(), window.lateness(),
                millisFromStart(window.startNanos()), millisFromStart(window.endNanos())));
    }

    private long millisFromStart(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - loop.startNanos());
    }

    /**
     * After the last measured window: the arrivals stop and the rest drain, logged as a window of
     * their own that sent nothing (so the slowest are kept, and the backlog's growth is read off the
     * windows that sent); the server must have answered every gather the loop ran.
     */
    private void stop(FanOut run) {
        long gathers = loop.drain(OpenLoop.DRAIN_LIMIT);
        OpenLoop.Window drain = loop.slice();
        if (drain.corrected().getTotalCount() > 0) {
            logWindow(drain);
        }
        log.ifPresent(LatencyLog.Writer::close);
        Optional<Long> requestsAfter = run.requestsSoFar();
        if (requestsBefore.isPresent() && requestsAfter.isPresent()) {
            run.workload.verifyRequests(run.model.name(), requestsAfter.get() - requestsBefore.get(),
                    Math.toIntExact(gathers), run.model.clientStack().resendsOnClosedConnection());
        }
    }
}
