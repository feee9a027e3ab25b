package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The open-loop generator on constructed operations: what it records, not how fast anything is. */
class OpenLoopTest {

    private static final long HALF_SECOND_MICROS = TimeUnit.MILLISECONDS.toMicros(500);

    /**
     * A system that stalls for 1 s while 100 arrivals a second keep coming. Every arrival of that
     * second waits for the stall and is timed from when it was due: 100 samples spread from 1 s down
     * to 10 ms, half of them 500 ms or more. A closed loop, which sends the next request only when
     * the last has answered, records the stall once.
     */
    @Test
    void aStallCountsAgainstEveryArrivalItHeldUpNotJustOne() {
        ReentrantLock system = new ReentrantLock();
        AtomicBoolean stalled = new AtomicBoolean();
        OpenLoop.Operation request = () -> {
            system.lock();
            try {
                if (stalled.compareAndSet(false, true)) {
                    Thread.sleep(1000);
                }
            } finally {
                system.unlock();
            }
        };

        OpenLoop.Window open = OpenLoop.run(100, Duration.ofSeconds(1), request);

        assertThat(open.arrivals()).isEqualTo(100);
        assertThat(open.latencies().getTotalCount()).isEqualTo(100);
        long slow = open.latencies().getCountBetweenValues(HALF_SECOND_MICROS, Long.MAX_VALUE / 2);
        assertThat(slow).isBetween(45L, 55L);
        assertThat(open.latencyMs(100)).isGreaterThanOrEqualTo(990);
        assertThat(open.latencyMs(50)).isGreaterThanOrEqualTo(400);

        // The same stall measured as a closed loop does it: one slow sample.
        stalled.set(false);
        Histogram closed = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                request.run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            closed.recordValue((System.nanoTime() - start) / 1000);
            long next = start + TimeUnit.MILLISECONDS.toNanos(10);
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
        }
        assertThat(closed.getTotalCount()).isGreaterThan(50);
        assertThat(closed.getCountBetweenValues(HALF_SECOND_MICROS, Long.MAX_VALUE / 2)).isEqualTo(1);
    }

    /**
     * Every arrival of the window is offered, none early; the achieved rate is the offered one
     * slowed only by the generator's own lateness, which the window records (on 2 busy cores the
     * generator's thread may start late, and the rate says so instead of a fixed 5 %).
     */
    @Test
    void theAchievedRateIsTheOfferedOneSlowedOnlyByTheRecordedLateness() {
        OpenLoop.Window window = OpenLoop.run(200, Duration.ofSeconds(1), () -> Thread.sleep(1));

        assertThat(window.arrivals()).isEqualTo(200);
        assertThat(window.latencies().getTotalCount()).isEqualTo(200);
        assertThat(window.lateness().getTotalCount()).isEqualTo(200);
        assertThat(window.offeredRate()).isEqualTo(200);
        // No arrival starts before it is due, so the rate never exceeds the offered one; the last
        // one starts at most its lateness after its due time.
        double lateSeconds = window.lateness().getMaxValue() / 1e6;
        assertThat(window.achievedRate()).isLessThanOrEqualTo(200.0)
                .isGreaterThanOrEqualTo(200 / (1 + lateSeconds) - 0.5);
    }

    @Test
    void aFailedOperationFailsTheWindow() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> OpenLoop.run(50, Duration.ofMillis(200), () -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("HTTP 500 instead of 200");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 500 instead of 200");
    }

    /** Operations that outlast the drain limit stop the window, which says so, instead of waiting on. */
    @Test
    void theDrainIsBounded() {
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> OpenLoop.run(20, Duration.ofMillis(100), Duration.ofMillis(100), () -> {
            Thread.sleep(3000);
            finished.incrementAndGet();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 of 2 operations still running");
        assertThat(finished).hasValue(0);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> OpenLoop.run(0, Duration.ofSeconds(1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate must be > 0");
    }
}
