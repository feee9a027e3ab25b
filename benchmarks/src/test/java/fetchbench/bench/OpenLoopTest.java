package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.workload.Arrivals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The open-loop generator on constructed operations: what it records, not how fast anything is. */
class OpenLoopTest {

    private static final long HALF_SECOND_MICROS = TimeUnit.MILLISECONDS.toMicros(500);

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Every window of a loop, and the rest once it stopped: nothing is lost between windows. */
    private static List<OpenLoop.Window> runFor(OpenLoop loop, int sentAtLeast, AtomicInteger sent) throws Exception {
        List<OpenLoop.Window> windows = new ArrayList<>();
        await(() -> {
            windows.add(loop.slice());
            return sent.get() >= sentAtLeast;
        }, sentAtLeast + " sent");
        loop.stop(OpenLoop.DRAIN_LIMIT);
        windows.add(loop.slice());
        return windows;
    }

    private static Histogram merged(List<OpenLoop.Window> windows, java.util.function.Function<OpenLoop.Window, Histogram> part) {
        Histogram sum = new Histogram(3);
        windows.forEach(w -> sum.add(part.apply(w)));
        return sum;
    }

    /**
     * A system that stalls for 1 s while 100 arrivals a second keep coming. Every arrival of that
     * second waits for the stall and is timed from when it was due: about 100 samples spread from
     * 1 s down to 10 ms, half of them 500 ms or more. A closed loop records the stall once.
     */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aStallCountsAgainstEveryArrivalItHeldUpNotJustOne() throws Exception {
        ReentrantLock system = new ReentrantLock();
        AtomicBoolean stalled = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        OpenLoop.Operation request = () -> {
            calls.incrementAndGet();
            system.lock();
            try {
                if (stalled.compareAndSet(false, true)) {
                    Thread.sleep(1000);
                }
            } finally {
                system.unlock();
            }
        };

        List<OpenLoop.Window> open = runFor(OpenLoop.start(100, Arrivals.uniform, 1, request), 150, calls);

        Histogram latencies = merged(open, OpenLoop.Window::corrected);
        long slow = latencies.getCountBetweenValues(HALF_SECOND_MICROS, Long.MAX_VALUE / 2);
        // About 51; a busy machine oversleeps the stall and drains its queue late, adding a few.
        // Counting each arrival once matters: twice would give about 100, once per stall 1.
        assertThat(slow).isBetween(45L, 80L);
        assertThat(latencies.getMaxValue()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMicros(990));

        // The same stall measured as a closed loop does it: one slow sample.
        stalled.set(false);
        Histogram closed = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            request.run();
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
     * A generator forced to fall behind: handing on the first arrival takes it 300 ms, and the 29
     * due meanwhile, 10 ms apart, go out late when it is free. Timed from their intended start,
     * those 29 took from 290 ms down to 10 ms; timed from the send, none of them took more than
     * the operation, which does nothing. A loop that timed from the send would report the stall
     * once, as the first arrival's, and one that slipped its schedule (each due a gap after the
     * last send) would send 29 fewer.
     */
    @Test
    void latencyIncludesTheGeneratorsLateness() throws Exception {
        AtomicBoolean heldUp = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        Executor behind = task -> {
            if (heldUp.compareAndSet(false, true)) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sent.incrementAndGet();
            task.run();
        };

        OpenLoop loop = OpenLoop.start(100, Arrivals.uniform, 1, () -> { }, behind);
        long started = loop.startNanos();
        List<OpenLoop.Window> windows = runFor(loop, 60, sent);
        // The last window before the stop: every arrival due by its end was sent by then, give or take the generator's own lateness.
        double seconds = (windows.get(windows.size() - 2).endNanos() - started) / 1e9;

        long over100ms = TimeUnit.MILLISECONDS.toMicros(100);
        // Due at 10 to 190 ms, sent at 300 ms or later: 19 more than 100 ms late, besides the first.
        assertThat(merged(windows, OpenLoop.Window::corrected).getCountBetweenValues(over100ms, Long.MAX_VALUE / 2))
                .isGreaterThanOrEqualTo(20);
        assertThat(merged(windows, OpenLoop.Window::lateness).getCountBetweenValues(over100ms, Long.MAX_VALUE / 2))
                .isGreaterThanOrEqualTo(19);
        // From the send only the first, whose hand-on held the stall, took that long.
        assertThat(merged(windows, OpenLoop.Window::uncorrected).getCountBetweenValues(over100ms, Long.MAX_VALUE / 2))
                .isLessThanOrEqualTo(1);
        // Every arrival due was sent: the schedule did not slip.
        assertThat(merged(windows, OpenLoop.Window::lateness).getTotalCount()).isGreaterThanOrEqualTo((long) (100 * seconds) - 3);
    }

    /** Windows only slice the record: every operation the loop ran is in exactly one window, sent and ended. */
    @Test
    void windowsTileTheRecord() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        OpenLoop loop = OpenLoop.start(400, Arrivals.poisson, 7, () -> {
            calls.incrementAndGet();
            Thread.sleep(2);
        });
        List<OpenLoop.Window> windows = new ArrayList<>();
        await(() -> {
            windows.add(loop.slice());
            return calls.get() >= 300;
        }, "300 calls");
        long ran = loop.stop(OpenLoop.DRAIN_LIMIT);
        windows.add(loop.slice());

        assertThat(windows.size()).isGreaterThan(2);
        assertThat(merged(windows, OpenLoop.Window::corrected).getTotalCount()).isEqualTo(ran).isEqualTo(calls.get());
        assertThat(merged(windows, OpenLoop.Window::lateness).getTotalCount()).isEqualTo(ran);
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).startNanos()).isEqualTo(windows.get(i - 1).endNanos());
        }
        assertThat(windows.get(windows.size() - 1).backlog()).isZero();
    }

    /** Seeded arrivals: the same seed gives the same times; Poisson gaps vary as much as their mean, even ones not at all. */
    @Test
    void arrivalsAreSeededAndSpacedAsAsked() {
        long[] poisson = Arrivals.poisson.times(100, 100, 42);
        assertThat(Arrivals.poisson.times(100, 100, 42)).containsExactly(poisson);
        assertThat(poisson.length).isBetween(9_500, 10_500);
        double[] gaps = new double[poisson.length - 1];
        for (int i = 1; i < poisson.length; i++) {
            gaps[i - 1] = (poisson[i] - poisson[i - 1]) / 1e6;
        }
        double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / (gaps.length - 1));
        assertThat(mean).isCloseTo(10, org.assertj.core.data.Offset.offset(0.5));
        assertThat(sd / mean).isCloseTo(1, org.assertj.core.data.Offset.offset(0.05));

        long[] uniform = Arrivals.uniform.times(100, 1, 42);
        assertThat(uniform).hasSize(100);
        assertThat(uniform[1] - uniform[0]).isEqualTo(10_000_000);
        assertThat(uniform[99] - uniform[98]).isEqualTo(10_000_000);
    }

    @Test
    void aFailedOperationFailsTheLoop() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        OpenLoop loop = OpenLoop.start(50, Arrivals.poisson, 1, () -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("HTTP 500 instead of 200");
            }
        });
        await(() -> calls.get() >= 3, "3 calls");
        assertThatThrownBy(() -> loop.stop(OpenLoop.DRAIN_LIMIT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 500 instead of 200");
        assertThatThrownBy(loop::slice).hasMessageContaining("HTTP 500 instead of 200");
    }

    /** Operations that outlast the drain limit stop the loop, which says so, instead of waiting on. */
    @Test
    void theDrainIsBounded() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        OpenLoop loop = OpenLoop.start(20, Arrivals.uniform, 1, () -> {
            started.incrementAndGet();
            Thread.sleep(5000);
            finished.incrementAndGet();
        });
        await(() -> started.get() >= 2, "2 started");
        assertThatThrownBy(() -> loop.stop(Duration.ofMillis(100))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operations still running");
        assertThat(finished).hasValue(0);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> OpenLoop.start(0, Arrivals.poisson, 1, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate must be > 0");
    }
}
