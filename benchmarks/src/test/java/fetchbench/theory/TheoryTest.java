package fetchbench.theory;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.model.Model;
import org.junit.jupiter.api.Test;

/** The band stated before the run, and Little's law, on constructed numbers. */
class TheoryTest {

    @Test
    void aMeasurementIsInsideTheBandWhenItsIntervalMeetsIdealToIdealPlusFloor() {
        // Ideal 100 ms, floor 20 ms: the band is 100–120.
        assertThat(Theory.placement(104, 110, 100, 20)).isEqualTo(Theory.Placement.inside);
        assertThat(Theory.placement(118, 125, 100, 20)).isEqualTo(Theory.Placement.inside); // meets the top
        assertThat(Theory.placement(121, 125, 100, 20)).isEqualTo(Theory.Placement.above);
        assertThat(Theory.placement(90, 99, 100, 20)).isEqualTo(Theory.Placement.below);
        // Without a floor the band is the ideal alone.
        assertThat(Theory.placement(101, 102, 100, Double.NaN)).isEqualTo(Theory.Placement.above);
    }

    @Test
    void littlesLawAndTheFloorRule() {
        assertThat(Theory.inFlight(100, 20, 50)).isEqualTo(40.0);
        assertThat(Theory.withFloor(100, 120)).isEqualTo(120);
        assertThat(Theory.withFloor(100, Double.NaN)).isEqualTo(100);
        assertThat(Theory.here().poolOf(new Limits(Model.threadPool, 20, 0))).hasValue(20);
        assertThat(Theory.here().poolOf(new Limits(Model.virtualThreads, 0, 0))).isEmpty();
    }
}
