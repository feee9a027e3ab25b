package fetchbench.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load: operations arrive at a fixed rate for a fixed time, each on a virtual thread
 * of its own, however slowly the ones before finish. Each is timed from when it was due (its
 * intended start), not from when it started, so a stall counts against every arrival it held up:
 * the correction for coordinated omission that wrk2 makes. Latencies go into HdrHistogram.
 *
 * <p>Bounded: {@code rate × window} arrivals, then at most {@link #DRAIN_LIMIT} for the last to
 * finish; past that the window fails rather than leave work running into the next one.
 */
public final class OpenLoop {

    /** How long the operations still running after the last arrival may take to finish. */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    /** Latencies up to an hour, to three significant digits, in microseconds. */
    private static final long LONGEST_MICROS = TimeUnit.HOURS.toMicros(1);

    /** One operation: what arrives. Throwing fails the window (a wrong answer is never a latency). */
    @FunctionalInterface
    public interface Operation {
        void run() throws Exception;
    }

    /**
     * What one window measured. {@code lateness}: how late the generator started each arrival
     * after it was due, which is the generator's (the client machine's) delay, not the model's.
     */
    public record Window(Histogram latencies, Histogram lateness, int arrivals, double offeredRate,
                         double achievedRate) {

        /** A latency percentile, in ms (100 is the maximum). */
        public double latencyMs(double percentile) {
            return micros(percentile >= 100 ? latencies.getMaxValue() : latencies.getValueAtPercentile(percentile));
        }

        /** A percentile of how late the arrivals started, in ms. */
        public double latenessMs(double percentile) {
            return micros(lateness.getValueAtPercentile(percentile));
        }

        private static double micros(long value) {
            return value / 1000.0;
        }
    }

    private OpenLoop() {
    }

    /** Runs {@code operation} at {@code ratePerSecond} for {@code window}; see the class comment. */
    public static Window run(double ratePerSecond, Duration window, Operation operation) {
        return run(ratePerSecond, window, DRAIN_LIMIT, operation);
    }

    static Window run(double ratePerSecond, Duration window, Duration drainLimit, Operation operation) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0, got " + ratePerSecond);
        }
        int arrivals = (int) Math.max(1, Math.round(ratePerSecond * window.toNanos() / 1e9));
        long interval = Math.round(1e9 / ratePerSecond);
        Recorder latencies = new Recorder(LONGEST_MICROS, 3);
        Histogram lateness = new Histogram(LONGEST_MICROS, 3);
        CountDownLatch finished = new CountDownLatch(arrivals);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long lastStart = start;
        for (int i = 0; i < arrivals; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            lastStart = System.nanoTime();
            lateness.recordValue(Math.max(0, (lastStart - due) / 1000));
            // Behind schedule, the generator starts what is due at once: the offered count stays.
            Thread.ofVirtual().name("fetchbench-arrival-" + i).start(() -> {
                try {
                    operation.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    finished.countDown();
                }
            });
        }
        try {
            if (!finished.await(drainLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(finished.getCount() + " of " + arrivals + " operations still running "
                        + drainLimit.toSeconds() + " s after the last arrival at " + ratePerSecond
                        + "/s: far past what the model can take");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load drained", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an operation under load failed: " + failure.get(), failure.get());
        }
        // The arrivals over the time they took to start, one interval counted for the last.
        double seconds = (lastStart - start + interval) / 1e9;
        return new Window(latencies.getIntervalHistogram(), lateness, arrivals, ratePerSecond, arrivals / seconds);
    }
}
