package fetchbench.bench;

import fetchbench.result.Metrics;
import fetchbench.result.PoolGrowth;
import fetchbench.stats.SteadyWindow;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * A fork's own warm-up before JMH's warm-up and measured batches, counted in requests, not time:
 * first {@value #JIT_REQUESTS} undelayed requests through the same client (the same count at
 * every N), then the widest batch ({@link Widest}: the pools grow to a batch's width), then real
 * batches until the last {@value #WINDOW} blocks of them (or
 * {@value #SHORT_WINDOW} that take {@link #WINDOW_SPAN}) are steady: no trend
 * (Mann–Kendall finds none at {@value #TREND_ALPHA}) and, where the caller watches them, no new
 * connection or thread in the last block. The JIT's compile time during that window is recorded,
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
    public static final int JIT_REQUESTS = 5_000; // public: DocsMatchCodeTest checks what docs/ quotes
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

    /** Delay per request of the widest batch: long enough that a warm client sends them all before the first answer. */
    static final double WIDEST_DELAY_MS_PER_REQUEST = 0.5;
    /** Widest batches at most: a cold client may not reach the width at the first, as it opens every connection. */
    public static final int WIDEST_TRIES = 3; // public: DocsMatchCodeTest checks what docs/ quotes

    /** A batch that tells its peak of requests in flight, where the client counts it. */
    interface CountedBatch {
        OptionalInt run() throws Exception;
    }

    /**
     * Batches of as many requests as the model has in flight at once (one wave), each delayed
     * {@link #delayMs(int)} so they are all in flight together, until one reaches that width: a
     * client's connections and threads grow to the width of a batch before the window starts, not a
     * few at a time over the measured batches as the real batches' peak concurrency creeps up.
     * Once where the client does not count its requests in flight; {@link #NONE} where the client is
     * new every batch.
     */
    record Widest(int requests, CountedBatch batch) {
        static final Widest NONE = new Widest(0, OptionalInt::empty);

        /** The widest batch's delay for {@code requests} requests. */
        static int delayMs(int requests) {
            return (int) Math.ceil(requests * WIDEST_DELAY_MS_PER_REQUEST);
        }

        /** Runs it until its peak reaches its width, at most {@value #WIDEST_TRIES} times; the requests sent. */
        long run() {
            long sent = 0;
            for (int tries = 0; tries < WIDEST_TRIES; tries++) {
                OptionalInt peak;
                try {
                    peak = batch.run();
                } catch (Exception e) {
                    throw new IllegalStateException("widest warm-up batch failed: " + e, e);
                }
                sent += requests;
                if (peak.isEmpty() || peak.getAsInt() >= requests) {
                    break;
                }
            }
            return sent;
        }
    }

    /**
     * What the warm-up watches of a client's pools: the connections it has opened so far and its
     * platform threads now. {@link #UNWATCHED} where that is not checked (floors, the other shapes).
     */
    interface Pools {
        Pools UNWATCHED = new Pools() {
            @Override
            public long connectionsSoFar() {
                return 0;
            }

            @Override
            public long threads() {
                return 0;
            }
        };

        long connectionsSoFar();

        long threads();
    }

    /** Readings at the start of a block: the JIT's total compile time and the pools. */
    private record Marks(long compiledMs, long connections, long threads) {
    }

    /**
     * Warms a client up: {@code undelayed} batches of {@code undelayedSize} requests, the
     * {@code widest} batch, then {@code real} batches of {@code realSize} until the window is steady:
     * no trend in its batch times, and its last block opened no connection and added no platform
     * thread. Without the widest batch, cached pools (OkHttp's dispatcher, its connection pool, the
     * JDK client's executor) follow the real batches' peak concurrency, which creeps up for as long
     * as they run: at N = 1000 they went on opening connections and threads in the measured batches
     * ({@link PoolGrowth}), and asking the whole window to stay still instead ran forks to the cap.
     */
    static Done run(int undelayedSize, Batch undelayed, Widest widest, int realSize, Batch real, Pools pools) {
        long end = System.nanoTime() + LIMIT.toNanos();
        long requests = 0;
        while (requests < JIT_REQUESTS && System.nanoTime() < end) {
            runChecked(undelayed);
            requests += undelayedSize;
        }
        requests += widest.run();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compiled = jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit::getTotalCompilationTime : () -> 0;
        SteadyWindow window = new SteadyWindow(WINDOW, TREND_ALPHA);
        Deque<Marks> marks = new ArrayDeque<>();
        int batches = 0;
        double compileMs = Double.NaN;
        long blockStart = System.nanoTime();
        Marks blockMarks = new Marks(compiled.getAsLong(), pools.connectionsSoFar(), pools.threads());
        int blockBatches = 0;
        while (System.nanoTime() < end) {
            runChecked(real);
            requests += realSize;
            batches++;
            blockBatches++;
            long now = System.nanoTime();
            if (now - blockStart < BLOCK.toNanos()) {
                continue;
            }
            window.add(new SteadyWindow.Block(blockStart, (now - blockStart) / 1e6 / blockBatches));
            marks.addLast(blockMarks);
            if (marks.size() > WINDOW) {
                marks.removeFirst();
            }
            Marks nowMarks = new Marks(compiled.getAsLong(), pools.connectionsSoFar(), pools.threads());
            boolean full = window.full() || window.blocks() >= SHORT_WINDOW
                    && now - window.firstStartNanos() >= WINDOW_SPAN.toNanos();
            if (full) {
                compileMs = nowMarks.compiledMs() - marks.getFirst().compiledMs();
                if (window.steady() && settled(blockMarks, nowMarks)) {
                    return new Done(requests, batches, true, compileMs);
                }
            }
            blockStart = System.nanoTime();
            blockMarks = nowMarks;
            blockBatches = 0;
        }
        return new Done(requests, batches, false, compileMs);
    }

    /** Whether a block opened no connection and added no platform thread. */
    static boolean settled(long connectionsBefore, long connectionsAfter, long threadsBefore, long threadsAfter) {
        return connectionsAfter == connectionsBefore && threadsAfter <= threadsBefore;
    }

    private static boolean settled(Marks before, Marks after) {
        return settled(before.connections(), after.connections(), before.threads(), after.threads());
    }

    private static void runChecked(Batch batch) {
        try {
            batch.run();
        } catch (Exception e) {
            throw new IllegalStateException("warm-up batch failed: " + e, e);
        }
    }
}
