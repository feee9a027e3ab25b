package fetchbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.result.Fixtures;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** tune.sh's rule over generated sweeps: what it recommends is the best, or a smaller setting shown equivalent to it. */
class RecommendationProperties {

    /**
     * Settings 1, 2, 4, … each measured in five forks around a generated time with a generated
     * spread: the recommendation is never a setting that is different from the best or not shown
     * equivalent to it, never larger than the best, and never missing.
     */
    @Property
    void neverRecommendsASettingThatIsNotTheBestOrShownEquivalent(
            @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = 50, max = 500) Double> times,
            @ForAll @Size(min = 8, max = 8) List<@DoubleRange(min = 0.1, max = 20) Double> halfWidths) {
        List<Tuning.Point> points = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            List<Double> means = Fixtures.forkMeans(times.get(i), halfWidths.get(i));
            points.add(new Tuning.Point(1 << i, new ForkMeans(means, 2 * means.size()), times.get(i), null, null));
        }
        Tuning.Point best = Tuning.best(points).orElseThrow();
        Tuning.Point chosen = Tuning.recommend(points).orElseThrow();

        assertThat(chosen.setting()).isLessThanOrEqualTo(best.setting());
        if (chosen != best) {
            assertThat(Tuning.against(best, points)).filteredOn(a -> a.point() == chosen).singleElement()
                    .extracting(Tuning.Against::judgement).isEqualTo(Judgement.equivalent);
        }
    }
}
