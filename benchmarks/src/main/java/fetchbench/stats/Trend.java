package fetchbench.stats;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann–Kendall test for a monotone trend in a series of batch times: S counts the pairs
 * (earlier, later) that rise minus those that fall; under no trend S is near 0 with a known
 * variance (corrected for ties). Series of several forks are independent, so their S and
 * variances add: one test per result.
 *
 * @param s        the sum of sign(later − earlier) over all pairs of each series
 * @param variance S's variance under no trend
 * @param pairs    the pairs compared, so that S / pairs (Kendall's τ) is in [−1, 1]
 */
public record Trend(long s, double variance, long pairs) {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** One series, in the order it was measured. */
    public static Trend of(List<Double> series) {
        int n = series.size();
        long s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(series.get(j), series.get(i));
            }
        }
        return new Trend(s, variance(series), (long) n * (n - 1) / 2);
    }

    /** Several independent series (the forks of one result), tested together. */
    public static Trend combined(List<List<Double>> series) {
        long s = 0;
        double variance = 0;
        long pairs = 0;
        for (List<Double> one : series) {
            Trend trend = of(one);
            s += trend.s;
            variance += trend.variance;
            pairs += trend.pairs;
        }
        return new Trend(s, variance, pairs);
    }

    /** n(n−1)(2n+5)/18, less each group of t equal values' t(t−1)(2t+5)/18. */
    private static double variance(List<Double> series) {
        int n = series.size();
        double variance = n * (n - 1.0) * (2 * n + 5) / 18;
        double[] sorted = series.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            int t = j - i;
            variance -= t * (t - 1.0) * (2 * t + 5) / 18;
            i = j;
        }
        return variance;
    }

    /** Kendall's τ: −1 every later batch faster, +1 every later batch slower. */
    public double tau() {
        return pairs == 0 ? 0 : (double) s / pairs;
    }

    /** The two-sided p-value of "no trend", by the normal approximation with continuity correction; 1 without pairs. */
    public double pValue() {
        if (variance <= 0) {
            return 1;
        }
        double z = (Math.abs(s) - 1) / Math.sqrt(variance);
        return z <= 0 ? 1 : 2 * (1 - NORMAL.cumulativeProbability(z));
    }
}
