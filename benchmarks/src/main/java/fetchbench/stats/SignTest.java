package fetchbench.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The sign test: of n independent series with a direction (ties left out), how many went down, and
 * how likely so lopsided a count is when up and down are equally likely (exact, two-sided).
 *
 * @param down series that went down
 * @param up   series that went up
 */
public record SignTest(int down, int up) {

    public int total() {
        return down + up;
    }

    /** Two-sided: twice the smaller tail of Binomial(n, ½), at most 1; 1 without series. */
    public double pValue() {
        int n = total();
        if (n == 0) {
            return 1;
        }
        BinomialDistribution fair = new BinomialDistribution(null, n, 0.5);
        int fewer = Math.min(down, up);
        return Math.min(1, 2 * fair.cumulativeProbability(fewer));
    }
}
