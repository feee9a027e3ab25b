package fetchbench.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Result B against result A as a ratio of their times, B ÷ A, tested on the forks: Welch's t on
 * the logarithms of the fork means, so that the interval of the ratio is the exponential of an
 * interval of a difference and is the same seen from either side. Two p-values feed the words
 * ({@link Judgement}): that the ratio is 1 (is it different?) and that it lies outside the margin
 * (two one-sided tests: is it equivalent?).
 *
 * @param estimate    B ÷ A, the ratio of the fork means' geometric means
 * @param low         the {@link ForkMeans#LEVEL} interval's low end
 * @param high        its high end
 * @param different   the p-value of "B ÷ A = 1", two-sided
 * @param equivalent  the p-value of "B ÷ A lies outside [1/(1 + margin), 1 + margin]", doubled so
 *                    that it is below α exactly when the two-sided 1 − α interval lies inside
 * @param score       the difference as a standard normal score through its own t distribution
 *                    (Φ⁻¹(F_ν(t))): under A = B it is N(0, 1) whatever the forks; NaN without an
 *                    interval or where neither result's forks differ at all
 * @param margin      the equivalence margin m
 */
public record Ratio(double estimate, double low, double high, double different, double equivalent, double score,
                    double margin) {

    /** The margin within which two results are the same unless the user sets another: 3 %. */
    public static final double DEFAULT_MARGIN = 0.03;

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** B ÷ A; NaN with p-values of 1 where either has fewer than 2 forks (nothing can be said). */
    public static Ratio of(ForkMeans a, ForkMeans b, double margin) {
        if (a.forks() < 2 || b.forks() < 2) {
            double estimate = b.mean() / a.mean();
            return new Ratio(estimate, Double.NaN, Double.NaN, 1, 1, Double.NaN, margin);
        }
        double difference = mean(b) - mean(a);
        double varianceA = ForkMeans.variance(a.logMeans()) / a.forks();
        double varianceB = ForkMeans.variance(b.logMeans()) / b.forks();
        double se = Math.sqrt(varianceA + varianceB);
        if (se == 0) {
            // Identical forks: no spread to test against; the data alone decide.
            boolean inside = Math.abs(difference) <= Math.log1p(margin);
            return new Ratio(Math.exp(difference), Math.exp(difference), Math.exp(difference),
                    difference == 0 ? 1 : 0, inside ? 0 : 1, Double.NaN, margin);
        }
        double df = Math.pow(se, 4) / (varianceA * varianceA / (a.forks() - 1) + varianceB * varianceB / (b.forks() - 1));
        TDistribution t = new TDistribution(df);
        double half = ForkMeans.tQuantile(df) * se;
        double different = 2 * (1 - t.cumulativeProbability(Math.abs(difference) / se));
        double bound = Math.log1p(margin);
        double aboveLower = 1 - t.cumulativeProbability((difference + bound) / se);
        double belowUpper = t.cumulativeProbability((difference - bound) / se);
        double equivalent = Math.min(1, 2 * Math.max(aboveLower, belowUpper));
        double score = NORMAL.inverseCumulativeProbability(clamp(t.cumulativeProbability(difference / se)));
        return new Ratio(Math.exp(difference), Math.exp(difference - half), Math.exp(difference + half), different,
                equivalent, score, margin);
    }

    private static double mean(ForkMeans forks) {
        return forks.logMeans().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Keeps Φ⁻¹ finite where F_ν rounds to 0 or 1. */
    private static double clamp(double p) {
        return Math.min(Math.max(p, 1e-15), 1 - 1e-15);
    }

    /** Whether the ratio has an interval (both results had 2 forks or more). */
    public boolean hasInterval() {
        return !Double.isNaN(low);
    }
}
