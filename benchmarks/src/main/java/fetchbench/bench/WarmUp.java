package fetchbench.bench;

import fetchbench.model.ConcurrencyModel;
import fetchbench.model.InFlight;
import fetchbench.workload.Workload;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A model's warm-up before JMH's own warm-up and measured batches, counted in requests: first
 * undelayed requests through the whole client, enough for its JIT; then, for a gather, the real
 * batches until one opens no connection and adds no thread (the steady state), within a cap.
 */
public final class WarmUp {

    /**
     * Undelayed requests for the JIT of the client (the server JVM is warmed before the run); JMH's
     * warm-up batches and the steady-state batches below follow.
     */
    static final int JIT_REQUESTS = 600;
    static final Duration JIT_LIMIT = Duration.ofSeconds(3);
    /** Real batches at most, and time at most, until the steady state. */
    public static final int STEADY_BATCHES = 10;
    static final Duration STEADY_LIMIT = Duration.ofSeconds(10);

    /** What the warm-up did: requests sent, and real batches run. */
    record Done(long requests, int batches) {
    }

    private WarmUp() {
    }

    /** One undelayed batch of a client. */
    interface Batch {
        void run() throws Exception;
    }

    /** Undelayed batches of {@code size} requests until {@link #JIT_REQUESTS} or {@link #JIT_LIMIT}; returns the requests sent. */
    static long jit(int size, Batch batch) {
        long requests = 0;
        long end = System.nanoTime() + JIT_LIMIT.toNanos();
        while (requests < JIT_REQUESTS && System.nanoTime() < end) {
            try {
                batch.run();
            } catch (Exception e) {
                throw new IllegalStateException("warm-up batch failed: " + e, e);
            }
            requests += size;
        }
        return requests;
    }

    /** Warms {@code fetcher} up; a wrong answer in a real batch fails it, named after {@code model}. */
    static Done run(String model, ConcurrencyModel fetcher, InFlight inFlight, Workload undelayed, Workload real,
                    boolean untilSteady, LongSupplier connectionsSoFar) {
        long requests = jit(undelayed.urls().size(), () -> fetcher.gather(undelayed.urls()));
        if (!untilSteady) {
            return new Done(requests, 0);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long steadyEnd = System.nanoTime() + STEADY_LIMIT.toNanos();
        int batches = 0;
        boolean steady = false;
        while (!steady && batches < STEADY_BATCHES && System.nanoTime() < steadyEnd) {
            int threadsBefore = threads.getThreadCount();
            inFlight.resetPeak();
            long connectionsBefore = connectionsSoFar.getAsLong();
            real.verify(model, fetcher.gather(real.urls()));
            requests += real.urls().size();
            batches++;
            steady = connectionsSoFar.getAsLong() == connectionsBefore && threads.getThreadCount() <= threadsBefore;
        }
        return new Done(requests, batches);
    }
}
