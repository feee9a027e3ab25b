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
 * intervals from a bootstrap that resamples forks, then runs of consecutive windows within each:
 * what is correlated within a fork (its JIT, its queue from one second to the next) stays together,
 * so the interval is as wide as the forks disagree.
 */
public record MergedLatency(List<List<LatencyLog.Window>> forks, List<LatencyLog.Window> windows,
                            Histogram corrected, Histogram uncorrected, Histogram lateness) {

    /** Below this many latencies, p99.9 is not shown: ten samples past it at least. */
    public static final long P999_SAMPLES = 10_000;
    /** Resamples of the bootstrap, its runs of consecutive windows, and its seed: the same logs always give the same interval. */
    public static final int RESAMPLES = 2000; // public: DocsMatchCodeTest checks what docs/ quotes
    public static final int BLOCK = 2; // public: DocsMatchCodeTest checks what docs/ quotes
    static final long BOOTSTRAP_SEED = 20261206L;

    /** An estimate in ms with its 95 % interval (NaN ends where nothing can be resampled). */
    public record Interval(double ms, double lowMs, double highMs) {
    }

    /** Each fork's windows in order. */
    public static MergedLatency of(List<List<LatencyLog.Window>> forks) {
        List<LatencyLog.Window> all = forks.stream().flatMap(List::stream).toList();
        return new MergedLatency(List.copyOf(forks), all, merged(all, LatencyLog.Window::corrected),
                merged(all, LatencyLog.Window::uncorrected), merged(all, LatencyLog.Window::lateness));
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

    /**
     * A corrected percentile with the 2.5th and 97.5th percentiles of the same over
     * {@link #RESAMPLES} resamples: forks drawn with replacement, and within each drawn fork runs
     * of {@link #BLOCK} consecutive windows (wrapping round) until it has as many windows as it had.
     */
    public Interval interval(double percentile) {
        double estimate = ms(percentile);
        if (windows.size() < 2) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        Counts counts = new Counts(windows);
        Random random = new Random(BOOTSTRAP_SEED);
        double[] resampled = new double[RESAMPLES];
        long[] sum = new long[counts.values.length];
        for (int b = 0; b < RESAMPLES; b++) {
            java.util.Arrays.fill(sum, 0);
            long total = 0;
            for (int f = 0; f < forks.size(); f++) {
                List<LatencyLog.Window> fork = forks.get(random.nextInt(forks.size()));
                for (int taken = 0; taken < fork.size(); ) {
                    int start = random.nextInt(fork.size());
                    for (int k = 0; k < BLOCK && taken < fork.size(); k++, taken++) {
                        total += counts.addTo(sum, fork.get((start + k) % fork.size()));
                    }
                }
            }
            resampled[b] = counts.percentileMs(sum, total, percentile);
        }
        Arrays.sort(resampled);
        return new Interval(estimate, resampled[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                resampled[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }

    /** The windows' corrected latencies as counts over their distinct values, for quick resampling. */
    private static final class Counts {
        final long[] values;
        final java.util.Map<LatencyLog.Window, int[][]> byWindow = new java.util.IdentityHashMap<>();

        Counts(List<LatencyLog.Window> windows) {
            java.util.TreeSet<Long> distinct = new java.util.TreeSet<>();
            for (LatencyLog.Window w : windows) {
                w.corrected().recordedValues().forEach(v -> distinct.add(
                        w.corrected().highestEquivalentValue(v.getValueIteratedTo())));
            }
            values = distinct.stream().mapToLong(Long::longValue).toArray();
            for (LatencyLog.Window w : windows) {
                List<int[]> entries = new java.util.ArrayList<>();
                w.corrected().recordedValues().forEach(v -> entries.add(new int[] {Arrays.binarySearch(values,
                        w.corrected().highestEquivalentValue(v.getValueIteratedTo())), (int) v.getCountAtValueIteratedTo()}));
                byWindow.put(w, entries.toArray(int[][]::new));
            }
        }

        long addTo(long[] sum, LatencyLog.Window w) {
            long added = 0;
            for (int[] entry : byWindow.get(w)) {
                sum[entry[0]] += entry[1];
                added += entry[1];
            }
            return added;
        }

        /** As HdrHistogram reads a percentile: the smallest value with at least that share of the count at or below it. */
        double percentileMs(long[] sum, long total, double percentile) {
            if (total == 0) {
                return Double.NaN;
            }
            long rank = Math.max(1, (long) (percentile / 100 * total + 0.5));
            if (percentile >= 100) {
                rank = total;
            }
            long seen = 0;
            for (int i = 0; i < sum.length; i++) {
                seen += sum[i];
                if (seen >= rank) {
                    return values[i] / 1000.0;
                }
            }
            return values[values.length - 1] / 1000.0;
        }
    }

    /** The windows that sent arrivals: the load itself, without the drain after it. */
    public List<LatencyLog.Window> loadWindows() {
        return windows.stream().filter(w -> w.lateness().getTotalCount() > 0).toList();
    }

    /**
     * The windows at each position of a fork (its first, second, … measured second), merged over
     * the forks; the drains left out.
     */
    public List<Histogram> byPosition() {
        List<Histogram> merged = new java.util.ArrayList<>();
        for (List<LatencyLog.Window> fork : forks) {
            List<LatencyLog.Window> load = fork.stream().filter(w -> w.lateness().getTotalCount() > 0).toList();
            for (int position = 0; position < load.size(); position++) {
                if (merged.size() <= position) {
                    merged.add(new Histogram(3));
                }
                merged.get(position).add(load.get(position).corrected());
            }
        }
        return merged;
    }

    /** Seconds the load ran in the windows, the drains left out. */
    public double seconds() {
        return loadWindows().stream().mapToDouble(LatencyLog.Window::seconds).sum();
    }

    /** Gathers added to the backlog per second of load: sent less ended in the windows that sent. */
    public double backlogGrowthPerSecond() {
        return loadWindows().stream().mapToLong(LatencyLog.Window::backlogGrowth).sum() / seconds();
    }

    /** Gathers sent per second of load. */
    public double sentPerSecond() {
        return lateness.getTotalCount() / seconds();
    }

    /** Seconds from a fork's first window to the start of its first whose p99 passed {@code boundMs}, the earliest over forks; empty if none did. */
    public Optional<Double> secondsToBound(double boundMs) {
        Optional<Double> earliest = Optional.empty();
        for (List<LatencyLog.Window> fork : forks) {
            if (fork.isEmpty()) {
                continue;
            }
            double first = fork.get(0).startSeconds();
            Optional<Double> passed = fork.stream().filter(w -> w.lateness().getTotalCount() > 0)
                    .filter(w -> ms(w.corrected(), 99) > boundMs).findFirst().map(w -> w.startSeconds() - first);
            if (passed.isPresent() && (earliest.isEmpty() || passed.get() < earliest.get())) {
                earliest = passed;
            }
        }
        return earliest;
    }
}
