package fetchbench.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a comparison of two results may say, decided in this order: the same within the margin,
 * else different, else nothing. The tests of one family (the comparisons made at one N) are
 * corrected together by Holm's step-down method, so that the family's chance of one false claim
 * stays at α however many comparisons it makes.
 */
public enum Judgement {
    /** The ratio's interval lies inside [1/(1 + m), 1 + m]. */
    equivalent,
    /** Not equivalent, and the interval excludes 1. */
    different,
    /** Neither: the data cannot tell. */
    inconclusive;

    /** The family-wise error rate of every family of comparisons. */
    public static final double ALPHA = 0.05;

    /** One word per ratio of a family, in the family's order. */
    public static List<Judgement> of(List<Ratio> family) {
        List<Double> equivalent = holm(family.stream().map(Ratio::equivalent).toList());
        List<Double> different = holm(family.stream().map(Ratio::different).toList());
        return IntStream.range(0, family.size()).mapToObj(i -> equivalent.get(i) < ALPHA ? Judgement.equivalent
                : different.get(i) < ALPHA ? Judgement.different : Judgement.inconclusive).toList();
    }

    /** The word for a single comparison (a family of one). */
    public static Judgement of(Ratio ratio) {
        return of(List.of(ratio)).get(0);
    }

    /**
     * Holm's adjusted p-values, in the given order: the i-th smallest p times (m − i + 1), never
     * below the one before it, at most 1.
     */
    public static List<Double> holm(List<Double> pValues) {
        int m = pValues.size();
        List<Integer> order = IntStream.range(0, m).boxed()
                .sorted(Comparator.comparingDouble(pValues::get)).toList();
        List<Double> adjusted = new ArrayList<>(pValues);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order.get(rank);
            running = Math.max(running, Math.min(1, (m - rank) * pValues.get(index)));
            adjusted.set(index, running);
        }
        return adjusted;
    }
}
