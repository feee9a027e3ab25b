package fetchbench.run;

import fetchbench.workload.Shape;

/**
 * How many batches a step runs, against the run's warm-up and measured iterations: at least
 * {@code minimum} of each, at most {@code maxWarmup} and {@code maxMeasurement}.
 */
public record Batches(int minimum, int maxWarmup, int maxMeasurement, int measurementFactor) {
    /** A batch predicted this slow is stable from the first: its step gets {@link #SLOW}. */
    static final double SLOW_BATCH_MS = 2_000;
    static final double SHORT_BATCH_MS = 1_000;

    /** The run's own. */
    static final Batches RUN = new Batches(0, Integer.MAX_VALUE, Integer.MAX_VALUE, 1);
    /**
     * A gather batch predicted under {@link #SHORT_BATCH_MS}: twice the run's measured batches,
     * cheap, and needed where a CPU-bound batch of many URLs varies most.
     */
    static final Batches SHORT_GATHER = new Batches(0, Integer.MAX_VALUE, Integer.MAX_VALUE, 2);
    /**
     * A short gather batch with at least {@link #CROWDED_IN_FLIGHT} requests in flight at once: its
     * time is the CPU of both client and server, shared, and an occasional batch takes far longer,
     * so 6× the run's measured batches.
     */
    static final Batches CROWDED_GATHER = new Batches(0, Integer.MAX_VALUE, Integer.MAX_VALUE, 6);
    static final int CROWDED_IN_FLIGHT = 500;
    /** The floor: its batches of a few ms settle slowly in a fresh fork. */
    static final Batches FLOOR = new Batches(10, Integer.MAX_VALUE, Integer.MAX_VALUE, 1);
    /** Slow batches: 2 measured per fork (4 with 2 forks); a batch of seconds varies by a few per cent. */
    static final Batches SLOW = new Batches(0, 1, 2, 1);

    /** The budget of a batch of this shape predicted to take {@code ms} with this many requests in flight. */
    static Batches forBatch(Shape shape, double ms, int inFlight) {
        if (ms >= SLOW_BATCH_MS) {
            return SLOW;
        }
        if (shape != Shape.gather || ms >= SHORT_BATCH_MS) {
            return RUN;
        }
        return inFlight >= CROWDED_IN_FLIGHT ? CROWDED_GATHER : SHORT_GATHER;
    }

    public int warmup(int runWarmup) {
        return Math.max(minimum, Math.min(runWarmup, maxWarmup));
    }

    public int measurement(int runMeasurement) {
        return Math.max(minimum, Math.min(runMeasurement * measurementFactor, maxMeasurement));
    }
}
