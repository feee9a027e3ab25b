package fetchbench.workload;

import java.util.Random;

/** How an open loop spaces its arrivals at a mean rate: the {@code arrivals} parameter. */
public enum Arrivals {
    /** Exponential gaps from a seeded stream: independent arrivals, as from many users (the default). */
    poisson,
    /** Evenly spaced: a deterministic queue, which hides the queueing that random arrivals cause. */
    uniform;

    /** The gap before the next arrival, in ns, at {@code ratePerSecond} on average. */
    public long gapNanos(double ratePerSecond, Random random) {
        double mean = 1e9 / ratePerSecond;
        return Math.round(this == uniform ? mean : -Math.log(1 - random.nextDouble()) * mean);
    }

    /** The arrival times of {@code seconds} at {@code ratePerSecond} from {@code seed}, in ns from 0: what the loop draws. */
    public long[] times(double ratePerSecond, double seconds, long seed) {
        Random random = new Random(seed);
        long end = Math.round(seconds * 1e9);
        long[] times = new long[(int) Math.min(Integer.MAX_VALUE - 8, Math.ceil(ratePerSecond * seconds * 2) + 16)];
        int count = 0;
        for (long at = 0; at < end && count < times.length; at += gapNanos(ratePerSecond, random)) {
            times[count++] = at;
        }
        return java.util.Arrays.copyOf(times, count);
    }
}
