package fetchbench.bench;

import fetchbench.workload.Arrivals;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open loop: operations arrive at a mean rate (Poisson or evenly spaced, from a seed) for as
 * long as it runs, each started on a virtual thread of its own however slowly the ones before
 * finish. Nothing drains between windows: {@link #slice} only cuts the record.
 *
 * <p>Each operation is timed twice. Corrected: from when it was due, so a stall of the generator
 * counts against every arrival it held up (the correction for coordinated omission that wrk2
 * makes). Uncorrected: from when it was actually sent, which is what a closed loop would report.
 * Their difference, the lateness, is the generator's (the client machine's) delay, not the model's.
 */
public final class OpenLoop {

    /** What the last operations may take to finish once the loop stops. */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    /** Latencies up to an hour, to three significant digits, in microseconds. */
    static final long LONGEST_MICROS = TimeUnit.HOURS.toMicros(1);

    /** One operation: what arrives. Throwing fails the loop (a wrong answer is never a latency). */
    @FunctionalInterface
    public interface Operation {
        void run() throws Exception;
    }

    /**
     * One slice of the record, in µs: latencies from the intended start ({@code corrected}) and
     * from the send ({@code uncorrected}) of the operations that ended in it, and how late the
     * generator sent the ones sent in it. {@code backlog}: operations sent and not yet done at its end.
     */
    public record Window(Histogram corrected, Histogram uncorrected, Histogram lateness, long backlog,
                         long startNanos, long endNanos) {

        public double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        /** Operations sent in this window, per second. */
        public double sentPerSecond() {
            return lateness.getTotalCount() / seconds();
        }
    }

    private final double ratePerSecond;
    private final Arrivals arrivals;
    private final Random random;
    private final Operation operation;
    private final Executor starter;
    private final Recorder corrected = new Recorder(LONGEST_MICROS, 3);
    private final Recorder uncorrected = new Recorder(LONGEST_MICROS, 3);
    private final Recorder lateness = new Recorder(LONGEST_MICROS, 3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread generator;
    private final long startNanos;
    private volatile boolean stopping;
    private long sliceStart;

    private OpenLoop(double ratePerSecond, Arrivals arrivals, long seed, Operation operation, Executor starter) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0, got " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.arrivals = arrivals;
        this.random = new Random(seed);
        this.operation = operation;
        this.starter = starter;
        this.startNanos = System.nanoTime();
        this.sliceStart = startNanos;
        this.generator = Thread.ofPlatform().daemon().name("fetchbench-arrivals").unstarted(this::generate);
        generator.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts arrivals at {@code ratePerSecond}, spaced as {@code arrivals} from {@code seed}, each on its own virtual thread. */
    public static OpenLoop start(double ratePerSecond, Arrivals arrivals, long seed, Operation operation) {
        return start(ratePerSecond, arrivals, seed, operation, task -> Thread.ofVirtual().name("fetchbench-arrival").start(task));
    }

    /** The same, each arrival started by {@code starter}: a seam for a generator that falls behind. */
    static OpenLoop start(double ratePerSecond, Arrivals arrivals, long seed, Operation operation, Executor starter) {
        OpenLoop loop = new OpenLoop(ratePerSecond, arrivals, seed, operation, starter);
        loop.generator.start();
        return loop;
    }

    public long startNanos() {
        return startNanos;
    }

    private void generate() {
        long due = startNanos;
        while (!stopping) {
            for (long wait = due - System.nanoTime(); wait > 0 && !stopping; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (stopping) {
                return;
            }
            long intended = due;
            // Sent when the generator hands it on: its own lateness is the generator's, and what the
            // operation then waits for (a carrier thread, a core) is the system's, in both latencies.
            long sentAt = System.nanoTime();
            lateness.recordValue(micros(sentAt - intended));
            sent.incrementAndGet();
            // Behind schedule, the generator sends what is due at once: the offered load stays.
            starter.execute(() -> {
                try {
                    operation.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    long end = System.nanoTime();
                    corrected.recordValue(micros(end - intended));
                    uncorrected.recordValue(micros(end - sentAt));
                    done.incrementAndGet();
                }
            });
            due += arrivals.gapNanos(ratePerSecond, random);
        }
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos / 1000);
    }

    /** The record since the last slice (or the start); fails if an operation failed. */
    public synchronized Window slice() {
        failIfFailed();
        long end = System.nanoTime();
        // Sent before done: an operation counted done here is counted sent too, so the backlog is never negative.
        long sentSoFar = sent.get();
        long backlog = Math.max(0, sentSoFar - done.get());
        Window window = new Window(corrected.getIntervalHistogram(), uncorrected.getIntervalHistogram(),
                lateness.getIntervalHistogram(), backlog, sliceStart, end);
        sliceStart = end;
        return window;
    }

    /** Stops the arrivals and waits up to {@code drainLimit} for those sent to finish; the operations it ran. */
    public long stop(Duration drainLimit) {
        stopArrivals(drainLimit);
        return drain(drainLimit);
    }

    /** Stops the arrivals: once this returns, the generator sends nothing more. */
    public void stopArrivals(Duration limit) {
        stopping = true;
        LockSupport.unpark(generator);
        try {
            generator.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the arrivals stopped", e);
        }
    }

    /** Waits up to {@code drainLimit} for the operations sent to finish; the operations the loop ran. */
    public long drain(Duration drainLimit) {
        try {
            long deadline = System.nanoTime() + drainLimit.toNanos();
            while (done.get() < sent.get()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException((sent.get() - done.get()) + " of " + sent.get()
                            + " operations still running " + drainLimit.toSeconds() + " s after the load stopped at "
                            + ratePerSecond + "/s: far past what the model can take");
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load drained", e);
        }
        failIfFailed();
        return done.get();
    }

    private void failIfFailed() {
        if (failure.get() != null) {
            throw new IllegalStateException("an operation under load failed: " + failure.get(), failure.get());
        }
    }
}
