package fetchbench.stats;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A result as its forks measured it: the mean of each fork's batches. Forks differ more than the
 * batches within one (each JVM compiles, lays out and schedules its own way), so the fork, not the
 * batch, is the unit of replication: the interval is Student's t on the fork means with forks − 1
 * degrees of freedom.
 *
 * @param means   each fork's mean batch time
 * @param batches the measured batches behind them, all forks together
 */
public record ForkMeans(List<Double> means, int batches) {

    /** The level of every interval the report shows. */
    public static final double LEVEL = 0.95;

    public ForkMeans {
        means = List.copyOf(means);
    }

    /** From JMH's raw data: every measured batch, fork by fork (forks without a batch are left out). */
    public static ForkMeans of(List<List<Double>> raw) {
        List<List<Double>> forks = raw.stream().filter(f -> !f.isEmpty()).toList();
        return new ForkMeans(forks.stream().map(f -> f.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .toList(), forks.stream().mapToInt(List::size).sum());
    }

    public int forks() {
        return means.size();
    }

    /** The mean of the fork means; NaN without a fork. */
    public double mean() {
        return means.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The fork means' sample variance; NaN with fewer than 2 forks. */
    public double variance() {
        return variance(means);
    }

    /** Half the {@link #LEVEL} interval of the mean; NaN with fewer than 2 forks. */
    public double halfWidth() {
        return forks() < 2 ? Double.NaN : tQuantile(forks() - 1) * Math.sqrt(variance() / forks());
    }

    /** The half-width as a share of the mean: 0.1 is ±10 %. */
    public double relativeHalfWidth() {
        return halfWidth() / mean();
    }

    /** The fork means' logarithms: a ratio of two results is a difference of these. */
    List<Double> logMeans() {
        return means.stream().map(Math::log).toList();
    }

    static double variance(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
    }

    /** The two-sided {@link #LEVEL} quantile of Student's t. */
    static double tQuantile(double degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }
}
