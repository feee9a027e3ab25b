package fetchbench.stats;

/**
 * B − A in the units of both, with Welch's interval from the two results' fork means: what a
 * model adds to its bare client, say. NaN bounds where either has fewer than 2 forks.
 */
public record Difference(double estimate, double low, double high) {

    public static Difference of(ForkMeans a, ForkMeans b) {
        double estimate = b.mean() - a.mean();
        if (a.forks() < 2 || b.forks() < 2) {
            return new Difference(estimate, Double.NaN, Double.NaN);
        }
        double varianceA = a.variance() / a.forks();
        double varianceB = b.variance() / b.forks();
        double se = Math.sqrt(varianceA + varianceB);
        if (se == 0) {
            return new Difference(estimate, estimate, estimate);
        }
        double df = Math.pow(se, 4) / (varianceA * varianceA / (a.forks() - 1) + varianceB * varianceB / (b.forks() - 1));
        double half = ForkMeans.tQuantile(df) * se;
        return new Difference(estimate, estimate - half, estimate + half);
    }

    /** Whether its interval lies wholly above 0. */
    public boolean above() {
        return low > 0;
    }
}
