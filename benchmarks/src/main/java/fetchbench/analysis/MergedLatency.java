package fetchbench.analysis;

import fetchbench.result.LatencyLog;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * One result of the load benchmark as its latency logs hold it: the windows of every fork, their
 * histograms merged by {@link Histogram#add} (never an average of the windows' percentiles), and
 * intervals from a bootstrap that resamples whole windows, which keeps what is correlated within a
 * window (a queue, a pause) together.
 */
public record MergedLatency(List<LatencyLog.Window> windows, Histogram corrected, Histogram uncorrected,
                            Histogram lateness) {

    /** Below this many latencies, p99.9 is not shown: ten samples past it at least. */
    public static final long P999_SAMPLES = 10_000;
    /** Resamples of the bootstrap, and its seed: the same logs always give the same interval. */
    static final int RESAMPLES = 400;
    static final long BOOTSTRAP_SEED = 20261206L;

    /** An estimate in ms with its 95 % interval. */
    public record Interval(double ms, double lowMs, double highMs) {
    }

    public static MergedLatency of(List<LatencyLog.Window> windows) {
        return new MergedLatency(List.copyOf(windows), merged(windows, LatencyLog.Window::corrected),
                merged(windows, LatencyLog.Window::uncorrected), merged(windows, LatencyLog.Window::lateness));
    }

    private static Histogram merged(List<LatencyLog.Window> windows, Function<LatencyLog.Window, Histogram> part) {
        Histogram sum = new Histogram(3);
        windows.forEach(w -> sum.add(part.apply(w)));
        return sum;
    }

    /** Gathers that ended in the windows: the samples behind every percentile. */
    public long count() {
        return corrected.getTotalCount();
    }

    /** A percentile of latency from the intended start, in ms (100: the true maximum). */
    public double ms(double percentile) {
        return ms(corrected, percentile);
    }

    /** The same from the send: what a generator blind to its own lateness would report. */
    public double uncorrectedMs(double percentile) {
        return ms(uncorrected, percentile);
    }

    /** A percentile of how late the generator sent, in ms (100: the latest). */
    public double latenessMs(double percentile) {
        return ms(lateness, percentile);
    }

    /** p99.9, where at least {@link #P999_SAMPLES} latencies back it. */
    public Optional<Double> p999() {
        return count() >= P999_SAMPLES ? Optional.of(ms(99.9)) : Optional.empty();
    }

    static double ms(Histogram histogram, double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        long micros = percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
        return histogram.highestEquivalentValue(micros) / 1000.0;
    }

    /** A corrected percentile with the 2.5th and 97.5th percentiles of the same over resampled windows. */
    public Interval interval(double percentile) {
        double estimate = ms(percentile);
        if (windows.size() < 2) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        Random random = new Random(BOOTSTRAP_SEED);
        double[] resampled = new double[RESAMPLES];
        Histogram sum = new Histogram(3);
        for (int b = 0; b < RESAMPLES; b++) {
            sum.reset();
            for (int i = 0; i < windows.size(); i++) {
                sum.add(windows.get(random.nextInt(windows.size())).corrected());
            }
            resampled[b] = ms(sum, percentile);
        }
        Arrays.sort(resampled);
        return new Interval(estimate, resampled[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                resampled[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }

    /**
     * The windows at each position of a fork (its first, second, … measured second), merged over
     * the forks. A fork's windows follow one another in the list; a new fork starts where a window
     * starts no later than the one before it.
     */
    public List<Histogram> byPosition() {
        List<Histogram> merged = new java.util.ArrayList<>();
        int position = 0;
        double previousStart = Double.NEGATIVE_INFINITY;
        for (LatencyLog.Window w : windows) {
            position = w.startSeconds() <= previousStart ? 0 : position;
            previousStart = w.startSeconds();
            if (merged.size() <= position) {
                merged.add(new Histogram(3));
            }
            merged.get(position).add(w.corrected());
            position++;
        }
        return merged;
    }

    /** Seconds the windows cover. */
    public double seconds() {
        return windows.stream().mapToDouble(LatencyLog.Window::seconds).sum();
    }

    /** Gathers added to the backlog per second over the windows: sent less ended, over their time. */
    public double backlogGrowthPerSecond() {
        return windows.stream().mapToLong(LatencyLog.Window::backlogGrowth).sum() / seconds();
    }

    /** Gathers sent per second over the windows. */
    public double sentPerSecond() {
        return lateness.getTotalCount() / seconds();
    }

    /** Seconds from the first window's start to the start of the first window whose p99 passed {@code boundMs}; empty if none did. */
    public Optional<Double> secondsToBound(double boundMs) {
        double first = windows.isEmpty() ? 0 : windows.get(0).startSeconds();
        return windows.stream().filter(w -> ms(w.corrected(), 99) > boundMs).findFirst()
                .map(w -> w.startSeconds() - first);
    }
}
