package fetchbench.bench;

import fetchbench.model.InFlight;

import fetchbench.result.Metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * What a model costs besides time, per batch, as JMH secondary metrics (so they land in jmh.json
 * and the report charts them): the peak of requests in flight, the peak of live platform threads
 * (virtual threads are not counted by the JVM's thread bean), the process's resident memory, and
 * what the shape recorded ({@link BatchMetrics}).
 * Runs inside the benchmark fork; the launcher adds it to every run.
 */
public final class ResourceProfiler implements InternalProfiler {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public String getDescription() {
        return "fetchbench: peak requests in flight, peak live platform threads, peak resident memory";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startBatch();
    }

    /**
     * Starts a batch's numbers afresh: before every iteration, and again at the end of a fork's
     * warm-up, which JMH runs inside the first iteration (the trial's set-up), so that neither its
     * widest batch's peaks nor what its real batches recorded count as the first measured batch's.
     */
    static void startBatch() {
        BatchMetrics.ofThisFork().ifPresent(batch -> {
            batch.takeAll();
            batch.inFlight().ifPresent(InFlight::resetPeak);
        });
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        resetPeakRss();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        List<Result> metrics = new ArrayList<>();
        // Only the suite's models count requests in flight; the bare client's channel has no gauge.
        BatchMetrics.ofThisFork().ifPresent(batch -> {
            batch.inFlight().ifPresent(inFlight -> metrics.add(new ScalarResult(Metrics.IN_FLIGHT, inFlight.peak(),
                    "requests", AggregationPolicy.MAX)));
            batch.takeAll().forEach(metric -> metrics.add(
                    new ScalarResult(metric.name(), metric.value(), metric.unit(), AggregationPolicy.AVG)));
        });
        metrics.add(new ScalarResult(Metrics.THREADS, threads.getPeakThreadCount(), "threads", AggregationPolicy.MAX));
        long rssKb = statusKb("VmHWM:");
        if (rssKb > 0) {
            metrics.add(new ScalarResult(Metrics.RSS, rssKb / 1024.0, "MB", AggregationPolicy.MAX));
        }
        return metrics;
    }

    /** Linux resets the resident-memory high-water mark when "5" is written to clear_refs. */
    private static void resetPeakRss() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux, or not allowed: the peak then covers the whole fork so far.
        }
    }

    /** A "Name:   123 kB" line of /proc/self/status, in kB; 0 where there is none. */
    static long statusKb(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: no resident-memory metric.
        }
        return 0;
    }
}
