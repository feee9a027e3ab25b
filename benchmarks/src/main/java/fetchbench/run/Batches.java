package fetchbench.run;

/**
 * How many batches a step runs, against the run's warm-up and measured iterations: at least
 * {@code minimum} of each, at most {@code maxWarmup} and {@code maxMeasurement}.
 */
public record Batches(int minimum, int maxWarmup, int maxMeasurement) {
    /** A batch predicted this slow is stable from the first: its step gets {@link #SLOW}. */
    static final double SLOW_BATCH_MS = 2_000;

    /** The run's own. */
    static final Batches RUN = new Batches(0, Integer.MAX_VALUE, Integer.MAX_VALUE);
    /** The floor: its batches of a few ms settle slowly in a fresh fork. */
    static final Batches FLOOR = new Batches(10, Integer.MAX_VALUE, Integer.MAX_VALUE);
    /** Slow batches: 2 measured per fork (4 with 2 forks); a batch of seconds varies by a few per cent. */
    static final Batches SLOW = new Batches(0, 1, 2);

    public int warmup(int runWarmup) {
        return Math.max(minimum, Math.min(runWarmup, maxWarmup));
    }

    public int measurement(int runMeasurement) {
        return Math.max(minimum, Math.min(runMeasurement, maxMeasurement));
    }
}
