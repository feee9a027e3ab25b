package fetchbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules of the statistics, on constructed data whose answer is known. */
class StatisticsTest {

    /** Five forks of ten batches around {@code mean}, each fork shifted by up to ±{@code forkSpread}. */
    private static List<List<Double>> forks(double mean, double forkSpread, double batchSpread, long seed) {
        Random random = new Random(seed);
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            double forkMean = mean * (1 + forkSpread * (2 * random.nextDouble() - 1));
            forks.add(IntStream.range(0, 10).mapToObj(b -> forkMean * (1 + batchSpread * random.nextGaussian())).toList());
        }
        return forks;
    }

    @Test
    void theIntervalIsStudentsTOnTheForkMeans() {
        ForkMeans forks = ForkMeans.of(List.of(List.of(99.0, 101.0), List.of(104.0), List.of(96.0, 96.0, 96.0)));
        assertThat(forks.means()).containsExactly(100.0, 104.0, 96.0);
        assertThat(forks.batches()).isEqualTo(6);
        assertThat(forks.mean()).isEqualTo(100.0);
        // s = 4, t(0.975, 2) = 4.303: 4.303 × 4 / √3
        assertThat(forks.halfWidth()).isCloseTo(4.3027 * 4 / Math.sqrt(3), within(1e-3));
        assertThat(ForkMeans.of(List.of(List.of(100.0, 120.0))).halfWidth()).as("one fork: no interval").isNaN();
    }

    @Test
    void aDriftingSeriesIsFoundAndAFlatOneIsNot() {
        List<Double> falling = IntStream.range(0, 10).mapToObj(i -> 200.0 - 3 * i + (i % 2)).toList();
        assertThat(Trend.of(falling).pValue()).isLessThan(0.01);
        assertThat(Trend.of(falling).tau()).isNegative();
        List<Double> flat = List.of(100.0, 102.0, 99.0, 101.0, 100.0, 98.0, 102.0, 99.0, 101.0, 100.0);
        assertThat(Trend.of(flat).pValue()).isGreaterThan(0.2);
        // Five forks each falling a little: none alone is sure, together they are.
        List<List<Double>> gently = IntStream.range(0, 5).mapToObj(f -> List.of(105.0, 103.0, 104.0, 101.0, 102.0,
                100.0)).toList();
        assertThat(Trend.of(gently.get(0)).pValue()).isGreaterThan(0.01);
        assertThat(Trend.combined(gently).pValue()).isLessThan(0.001);
        assertThat(Trend.of(List.of(5.0, 5.0, 5.0)).pValue()).as("all tied").isEqualTo(1.0);
    }

    @Test
    void theTrendsVarianceIsCorrectedForTies() {
        // n = 4: 4·3·13/18 = 8.667; a pair of ties removes 2·1·9/18 = 1.
        assertThat(Trend.of(List.of(1.0, 2.0, 3.0, 4.0)).variance()).isCloseTo(8.667, within(1e-3));
        assertThat(Trend.of(List.of(1.0, 2.0, 2.0, 4.0)).variance()).isCloseTo(7.667, within(1e-3));
        assertThat(Trend.of(List.of(1.0, 2.0, 2.0, 4.0)).s()).isEqualTo(5);
    }

    @Test
    void twoEqualResultsAreEquivalent() {
        Ratio ratio = Ratio.of(ForkMeans.of(forks(100, 0.01, 0.02, 1)), ForkMeans.of(forks(100, 0.01, 0.02, 2)), 0.03);
        assertThat(ratio.low()).isGreaterThan(1 / 1.03);
        assertThat(ratio.high()).isLessThan(1.03);
        assertThat(Judgement.of(ratio)).isEqualTo(Judgement.equivalent);
    }

    @Test
    void aTenPerCentDifferenceIsDifferent() {
        Ratio ratio = Ratio.of(ForkMeans.of(forks(100, 0.01, 0.02, 3)), ForkMeans.of(forks(110, 0.01, 0.02, 4)), 0.03);
        assertThat(ratio.estimate()).isCloseTo(1.10, within(0.02));
        assertThat(ratio.low()).isGreaterThan(1.03);
        assertThat(Judgement.of(ratio)).isEqualTo(Judgement.different);
    }

    @Test
    void aWideIntervalIsInconclusive() {
        Ratio ratio = Ratio.of(ForkMeans.of(forks(100, 0.3, 0.02, 5)), ForkMeans.of(forks(104, 0.3, 0.02, 6)), 0.03);
        assertThat(ratio.low()).isLessThan(1);
        assertThat(ratio.high()).isGreaterThan(1.03);
        assertThat(Judgement.of(ratio)).isEqualTo(Judgement.inconclusive);
        ForkMeans oneFork = ForkMeans.of(List.of(List.of(100.0, 101.0)));
        assertThat(Judgement.of(Ratio.of(oneFork, ForkMeans.of(forks(200, 0.01, 0.01, 7)), 0.03)))
                .as("without an interval nothing is claimed").isEqualTo(Judgement.inconclusive);
    }

    @Test
    void theRatioIsTheSameSeenFromEitherSide() {
        ForkMeans a = ForkMeans.of(forks(100, 0.05, 0.02, 8));
        ForkMeans b = ForkMeans.of(forks(130, 0.05, 0.02, 9));
        Ratio ab = Ratio.of(a, b, 0.03);
        Ratio ba = Ratio.of(b, a, 0.03);
        assertThat(ab.estimate()).isCloseTo(1 / ba.estimate(), within(1e-12));
        assertThat(ab.low()).isCloseTo(1 / ba.high(), within(1e-12));
        assertThat(ab.different()).isCloseTo(ba.different(), within(1e-12));
        assertThat(ab.score()).isCloseTo(-ba.score(), within(1e-9));
    }

    @Test
    void holmMultipliesTheSmallestByTheFamilySizeAndKeepsTheOrder() {
        assertAdjusted(List.of(0.01, 0.04, 0.03), 0.03, 0.06, 0.06);
        assertAdjusted(List.of(0.5, 0.001), 0.5, 0.002);
        assertAdjusted(List.of(0.9, 0.8), 1.0, 1.0); // 2 × 0.8 is capped at 1, and 0.9 may not fall below it
    }

    private static void assertAdjusted(List<Double> pValues, double... expected) {
        List<Double> adjusted = Judgement.holm(pValues);
        assertThat(adjusted).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(adjusted.get(i)).as("p[%d]", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void aDifferenceThatPassesAloneFailsInALargeFamily() {
        // p ≈ 0.02 alone: different; among ten such comparisons Holm raises it past 0.05.
        Ratio alone = new Ratio(1.05, 1.01, 1.09, 0.02, 1, 2.3, 0.03);
        assertThat(Judgement.of(alone)).isEqualTo(Judgement.different);
        List<Ratio> family = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            family.add(alone);
        }
        assertThat(Judgement.of(family)).containsOnly(Judgement.inconclusive);
    }

    @Test
    void theScoresOfTheSameResultMeasuredTwiceAreStandardNormal() {
        Random random = new Random(11);
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            scores.add(Ratio.of(ForkMeans.of(forks(100, 0.03, 0.02, random.nextLong())),
                    ForkMeans.of(forks(100, 0.03, 0.02, random.nextLong())), 0.03).score());
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isCloseTo(0, within(0.1));
        assertThat(ForkMeans.variance(scores)).isCloseTo(1, within(0.15));
    }

    @Test
    void aMarginIsAShareOrAPercentageAndAnythingElseIsRefusedNamingTheOption() {
        assertThat(Margin.parse("0.05")).isEqualTo(0.05);
        assertThat(Margin.parse("3%")).isCloseTo(0.03, within(1e-12));
        assertThatThrownBy(() -> Margin.parse("80%")).hasMessage("-Dfetchbench.margin=80% is not a margin; allowed: "
                + "a share from 0.001 to 0.5, e.g. 0.03 or 3%");
        assertThatThrownBy(() -> Margin.parse("wide")).hasMessageStartingWith("-Dfetchbench.margin=wide is not a margin");
    }

    @Test
    void theSignTestIsExactAndTwoSided() {
        assertThat(new SignTest(10, 0).pValue()).isCloseTo(2.0 / 1024, within(1e-12));
        assertThat(new SignTest(0, 10).pValue()).isCloseTo(2.0 / 1024, within(1e-12));
        // 22 of 27 one way: P(X ≤ 5) for Binomial(27, ½) is 0.00076, doubled
        assertThat(new SignTest(22, 5).pValue()).isCloseTo(0.0015, within(1e-4));
        assertThat(new SignTest(5, 5).pValue()).isEqualTo(1.0);
        assertThat(new SignTest(0, 0).pValue()).isEqualTo(1.0);
    }
}
