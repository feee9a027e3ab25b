package fetchbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Pareto front of time against cost: the settings no other is both faster and cheaper than. */
class CostChartsTest {

    @Test
    void theFrontKeepsOnlyTheSettingsNoOtherBeatsOnBoth() {
        CostCharts.Point cheapSlow = new CostCharts.Point(null, 100, 500);
        CostCharts.Point dearFast = new CostCharts.Point(null, 300, 250);
        CostCharts.Point beaten = new CostCharts.Point(null, 320, 400); // dearer and slower than dearFast
        CostCharts.Point middle = new CostCharts.Point(null, 200, 300);
        CostCharts.Point sameCostSlower = new CostCharts.Point(null, 100, 600);

        assertThat(CostCharts.front(List.of(beaten, dearFast, sameCostSlower, middle, cheapSlow)))
                .containsExactly(cheapSlow, middle, dearFast);
    }
}
