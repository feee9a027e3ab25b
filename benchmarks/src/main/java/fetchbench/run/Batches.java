package fetchbench.run;

import fetchbench.workload.Shape;

/**
 * How many batches a step runs, against the run's warm-up and measured iterations: at least
 * {@code minimum} of each, at most {@code maxWarmup} and {@code maxMeasurement}; and in how many
 * forks ({@code forks}; 0: the profile's).
 */
public record Batches(int minimum, int maxWarmup, int maxMeasurement, int measurementFactor, int forks) {

    Batches(int minimum, int maxWarmup, int maxMeasurement, int measurementFactor) {
        this(minimum, maxWarmup, maxMeasurement, measurementFactor, 0);
    }

    /** The same batches in this many forks. */
    Batches withForks(int count) {
        return new Batches(minimum, maxWarmup, maxMeasurement, measurementFactor, count);
    }

    /** The forks of a step: its own, else the run's. */
    public int forks(int runForks) {
        return forks > 0 ? forks : runForks;
    }

    /** A batch predicted this slow is stable from the first: its step gets {@link #SLOW}. */
    static final double SLOW_BATCH_MS = 1_000;

    /** The run's own. */
    static final Batches RUN = new Batches(0, Integer.MAX_VALUE, Integer.MAX_VALUE, 1);
    /** The floor: twice the run's measured batches (8 in the default profile, 10 in the others), of a few ms each. */
    static final Batches FLOOR = new Batches(0, Integer.MAX_VALUE, Integer.MAX_VALUE, 2);
    /**
     * The unloaded gather a load predicts its rates from: 200 measured a fork, each a gather alone,
     * whose spread the prediction draws each simulated gather's own from: 600 of them put its p99
     * on six samples past it, not one (a few seconds a fork).
     */
    static final Batches LONE = new Batches(0, 1, 200, 200);
    /** Slow batches: 2 measured per fork; a batch of seconds varies by a few per cent. */
    static final Batches SLOW = new Batches(0, 1, 2, 1);

    /**
     * The budget of a batch predicted to take {@code ms}: the run's, or {@link #SLOW}. The interval
     * of a result comes from its forks, so more batches per fork narrow nothing that matters; a
     * crowded batch (hundreds in flight, CPU-bound) gets no more than any other.
     */
    static Batches forBatch(double ms) {
        return ms >= SLOW_BATCH_MS ? SLOW : RUN;
    }

    public int warmup(int runWarmup) {
        return Math.max(minimum, Math.min(runWarmup, maxWarmup));
    }

    public int measurement(int runMeasurement) {
        return Math.max(minimum, Math.min(runMeasurement * measurementFactor, maxMeasurement));
    }
}
