package fetchbench.bench;

import fetchbench.result.Metrics;
import fetchbench.stats.SteadyWindow;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A fork's own warm-up before JMH's warm-up and measured batches, counted in requests, not time:
 * first {@value #JIT_REQUESTS} undelayed requests through the same client (the same count at
 * every N), then real batches until the last {@value #WINDOW} blocks of them (or
 * {@value #SHORT_WINDOW} that take {@link #WINDOW_SPAN}) are steady: no trend
 * (Mann–Kendall finds none at {@value #TREND_ALPHA}) and, where the caller checks it, no new
 * connection or thread in any of their batches. The JIT's compile time during that window is recorded,
 * not required to be small: on 2 cores HotSpot goes on compiling about 100 methods a second for 15 s
 * and more (a virtualThreads fork at N = 100 printed 1162 compilations in its first second and 50 to
 * 300 a second from its sixth to its eighteenth), so a rule of under 1 % of the window's time would
 * end every fork at the limit. Whether that compiling moved the numbers is what the measured
 * batches' own trend test (a drifting result) tells. A block is one batch, or as many as take {@link #BLOCK} (a floor's
 * batches take a few ms). Capped at {@link #LIMIT}: a fork that reaches it is not steady, and its
 * result says so.
 */
public final class WarmUp {

    /** Undelayed requests for the JIT of the client (the server JVM is warmed before the run). */
    static final int JIT_REQUESTS = 5_000;
    /** The whole warm-up of a fork at most. */
    public static final Duration LIMIT = Duration.ofSeconds(15);
    /** Blocks of batches the steadiness tests look back over … */
    public static final int WINDOW = 8;
    /** … or at least this many, where they take {@link #WINDOW_SPAN} already (batches of 0.2 s and more). */
    public static final int SHORT_WINDOW = 5;
    public static final Duration WINDOW_SPAN = Duration.ofSeconds(2);
    /** A block's batches take at least this long together. */
    public static final Duration BLOCK = Duration.ofMillis(100);
    /** A window is trending when Mann–Kendall's p is below this: stricter than the measured batches' test. */
    static final double TREND_ALPHA = 0.1;

    /**
     * What the warm-up did.
     *
     * @param requests  requests sent, undelayed and real
     * @param batches   real batches run
     * @param steady    whether the last window passed every test before the limit
     * @param compileMs the JIT's compile time during the last window (NaN before a full window)
     */
    record Done(long requests, int batches, boolean steady, double compileMs) {

        /** Recorded with every measured batch of the fork, for the report. */
        void recordTo(BatchMetrics metrics) {
            metrics.recordForTrial(Metrics.WARMUP_REQUESTS, requests, "requests");
            metrics.recordForTrial(Metrics.WARMUP_BATCHES, batches, "batches");
            metrics.recordForTrial(Metrics.WARMUP_STEADY, steady ? 1 : 0, "steady");
            metrics.recordForTrial(Metrics.WARMUP_COMPILE_MS, compileMs, "ms");
        }
    }

    private WarmUp() {
    }

    /** One batch of a client. */
    interface Batch {
        void run() throws Exception;
    }

    /**
     * Warms a client up: {@code undelayed} batches of {@code undelayedSize} requests, then
     * {@code real} batches of {@code realSize} until steady; {@code settled} says whether the last
     * real batch added no connection and no thread (always true where that is not checked). Every
     * batch of the window must have settled, not only the last: a pool that still grows now and
     * then (OkHttp's dispatcher threads at N = 1000, the JDK client's executor) has not reached its
     * size.
     */
    static Done run(int undelayedSize, Batch undelayed, int realSize, Batch real, BooleanSupplier settled) {
        long end = System.nanoTime() + LIMIT.toNanos();
        long requests = 0;
        while (requests < JIT_REQUESTS && System.nanoTime() < end) {
            runChecked(undelayed);
            requests += undelayedSize;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compiled = jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit::getTotalCompilationTime : () -> 0;
        SteadyWindow window = new SteadyWindow(WINDOW, TREND_ALPHA);
        // The JIT's total compile time at the start of each block in the window.
        Deque<Long> compiledBefore = new ArrayDeque<>();
        int batches = 0;
        double compileMs = Double.NaN;
        long blockStart = System.nanoTime();
        long blockCompiled = compiled.getAsLong();
        int blockBatches = 0;
        boolean blockSettled = true;
        while (System.nanoTime() < end) {
            runChecked(real);
            requests += realSize;
            batches++;
            blockBatches++;
            blockSettled &= settled.getAsBoolean();
            long now = System.nanoTime();
            if (now - blockStart < BLOCK.toNanos()) {
                continue;
            }
            window.add(new SteadyWindow.Block(blockStart, (now - blockStart) / 1e6 / blockBatches, blockSettled));
            compiledBefore.addLast(blockCompiled);
            if (compiledBefore.size() > WINDOW) {
                compiledBefore.removeFirst();
            }
            long compiledNow = compiled.getAsLong();
            boolean full = window.full() || window.blocks() >= SHORT_WINDOW
                    && now - window.firstStartNanos() >= WINDOW_SPAN.toNanos();
            if (full) {
                compileMs = compiledNow - compiledBefore.getFirst();
                if (window.steady()) {
                    return new Done(requests, batches, true, compileMs);
                }
            }
            blockStart = System.nanoTime();
            blockCompiled = compiledNow;
            blockBatches = 0;
            blockSettled = true;
        }
        return new Done(requests, batches, false, compileMs);
    }

    private static void runChecked(Batch batch) {
        try {
            batch.run();
        } catch (Exception e) {
            throw new IllegalStateException("warm-up batch failed: " + e, e);
        }
    }
}
