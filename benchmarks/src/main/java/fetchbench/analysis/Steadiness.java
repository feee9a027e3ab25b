package fetchbench.analysis;

import fetchbench.result.JmhRun;
import fetchbench.result.Metrics;
import fetchbench.result.PoolGrowth;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import fetchbench.stats.SignTest;
import fetchbench.stats.Trend;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Whether a result's measured batches were in steady state, read off its per-fork, per-batch metrics. */
public final class Steadiness {


    /** The level at which a result's measured batches are tested for trend, corrected across the run. */
    public static final double DRIFT_ALPHA = 0.01;

    private Steadiness() {
    }

    /** A metric fork by fork, in ms. */
    public static ForkMeans forkMeansMs(JmhRun.Metric metric) {
        return ForkMeans.of(metric.raw().stream().map(fork -> fork.stream()
                .map(value -> Row.toMillis(value, metric.unit())).toList()).toList());
    }

    /**
     * The results whose measured batches still trend: the Mann–Kendall test over each result's
     * forks together, with Holm's correction across the run at {@value #DRIFT_ALPHA}.
     */
    public static Set<JmhRun.Result> drifting(List<JmhRun.Result> results) {
        List<Double> pValues = results.stream().map(r -> Trend.combined(r.primary().raw()).pValue()).toList();
        List<Double> adjusted = Judgement.holm(pValues);
        Set<JmhRun.Result> drifting = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            if (adjusted.get(i) < DRIFT_ALPHA) {
                drifting.add(results.get(i));
            }
        }
        return drifting;
    }

    /**
     * Whether the forks of the whole run, taken together, still got faster (or slower) over their
     * measured batches: each result's test can miss a small drift that every fork shares, so the
     * direction of each fork's series (Mann–Kendall's S) is counted across the run and a sign test at
     * {@value #DRIFT_ALPHA} says whether so many pointing one way is chance. A run that fails it
     * ended its forks' warm-ups too early; the report says so.
     */
    public static SignTest acrossTheRun(List<JmhRun.Result> results) {
        int down = 0;
        int up = 0;
        for (JmhRun.Result result : results) {
            for (List<Double> fork : result.primary().raw()) {
                long s = Trend.of(fork).s();
                down += s < 0 ? 1 : 0;
                up += s > 0 ? 1 : 0;
            }
        }
        return new SignTest(down, up);
    }

    /** The run-wide drift in words, a warning where the sign test fails. */
    public static String acrossTheRunInWords(SignTest forks) {
        String counts = String.format(Locale.ROOT, "%d of %d forks' measured batches got faster, %d slower "
                + "(sign test p = %.2g)", forks.down(), forks.total(), forks.up(), forks.pValue());
        return forks.pValue() < DRIFT_ALPHA
                ? "Across the run " + counts + ": more than chance, so the forks' warm-ups ended before the "
                        + "batches were steady and the results lean slow (or fast, where most got slower)"
                : "Across the run " + counts + ": no more than chance";
    }

    /** The share of its mean a result's interval may reach on each side and still count as precise. */
    public static final double PRECISE_PERCENT = 10;

    /**
     * How many results have a {@value ForkMeans#LEVEL} interval of ±{@value #PRECISE_PERCENT} % or
     * better, in words: the floors (the bare client's calibration, a few ms at small N) counted apart
     * from the results the tables judge.
     */
    public static String precision(List<JmhRun.Result> results) {
        List<JmhRun.Result> floors = results.stream().filter(Calibration::isBare).toList();
        List<JmhRun.Result> judged = results.stream().filter(r -> !Calibration.isBare(r)).toList();
        String line = String.format(Locale.ROOT, "Intervals of ±%.0f %% or better: %s of the results",
                PRECISE_PERCENT, preciseOf(judged));
        return floors.isEmpty() ? line : line + ", " + preciseOf(floors) + " of the floors";
    }

    private static String preciseOf(List<JmhRun.Result> results) {
        long precise = results.stream().filter(r -> forkMeansMs(r.primary()).relativeHalfWidth() * 100
                <= PRECISE_PERCENT).count();
        return precise + " of " + results.size();
    }

    /** Whether a fork's warm-up ran out of time before its batches were steady, in words. */
    public static Optional<String> warmUpCapped(JmhRun.Result result) {
        JmhRun.Metric steady = result.secondary().get(Metrics.WARMUP_STEADY);
        if (steady == null) {
            return Optional.empty();
        }
        long capped = steady.raw().stream().filter(fork -> fork.stream().anyMatch(v -> v < 1)).count();
        return capped == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "the warm-up of %d of %d forks ran out of time before its batches were steady", capped,
                steady.raw().size()));
    }

    /**
     * Whether the measured batches of N requests opened more connections than now and then, in
     * words: the JDK's client and Reactor Netty may complete a response just before its connection
     * is back in the pool, and a loaded machine delays a return; past 1 % of the requests, the pool
     * is not keeping them.
     */
    public static Optional<String> reconnected(JmhRun.Result result, int urls) {
        JmhRun.Metric connects = result.secondary().get(Metrics.CONNECTIONS);
        if (connects != null) {
            double opened = connects.batches().stream().mapToDouble(Double::doubleValue).sum();
            if (PoolGrowth.tooManyConnections(opened, (double) connects.batches().size() * urls)) {
                return Optional.of(String.format(Locale.ROOT, "its measured batches opened %.0f connections", opened));
            }
        }
        return Optional.empty();
    }

    /** Whether a fork's platform threads kept growing over its measured batches of {@code requestsPerBatch}, in words. */
    public static Optional<String> threadsGrew(JmhRun.Result result, double requestsPerBatch) {
        JmhRun.Metric threads = result.secondary().get(Metrics.THREADS);
        if (threads != null) {
            for (List<Double> fork : threads.raw()) {
                if (fork.size() > 1 && PoolGrowth.threadsGrew(fork.get(0), fork.get(fork.size() - 1),
                        requestsPerBatch * fork.size())) {
                    return Optional.of(String.format(Locale.ROOT, "its platform threads grew from %.0f to %.0f",
                            fork.get(0), fork.get(fork.size() - 1)));
                }
            }
        }
        return Optional.empty();
    }
}
