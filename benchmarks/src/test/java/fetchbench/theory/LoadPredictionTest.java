package fetchbench.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fetchbench.workload.Arrivals;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The prediction before a load runs: saturation by arithmetic, the SLO rate by simulating the seeded arrivals. */
class LoadPredictionTest {

    /** A pool of 20, gathers of 10 taking 10 ms alone, CPU not measured. */
    private static LoadPrediction pool(Arrivals arrivals, double boundMs) {
        return new LoadPrediction(10, 10, OptionalInt.of(20), Double.NaN, Double.NaN, 2, boundMs, arrivals, 42);
    }

    @Test
    void saturationIsTheLimitOverTheTimeARequestHoldsIt() {
        LoadPrediction p = pool(Arrivals.poisson, 40);
        assertThat(p.serviceMs()).isEqualTo(10);
        assertThat(p.modelSaturation()).isEqualTo(200);
        assertThat(p.saturation()).isEqualTo(200);
        assertThat(p.saturates()).isEqualTo(LoadPrediction.Saturates.model);
        assertThat(p.overload()).hasValue(240);
        // Five slots for ten URLs: two waves, so a request holds its slot half the gather.
        LoadPrediction five = new LoadPrediction(10, 21, OptionalInt.of(5), Double.NaN, Double.NaN, 2, 40, Arrivals.poisson, 42);
        assertThat(five.serviceMs()).isEqualTo(10.5);
        assertThat(five.saturation()).isCloseTo(1000 * 5 / 105.0, within(1e-9));
    }

    /** Without a limit the machine saturates: its cores over the CPU a request takes, the larger share named. */
    @Test
    void withoutALimitTheMachineSaturatesFirst() {
        LoadPrediction p = new LoadPrediction(10, 10.4, OptionalInt.empty(), 100, 150, 2, 40, Arrivals.poisson, 42);
        assertThat(p.modelSaturation()).isInfinite();
        assertThat(p.machineSaturation()).isEqualTo(800);
        assertThat(p.saturates()).isEqualTo(LoadPrediction.Saturates.server);
        LoadPrediction client = new LoadPrediction(10, 10.4, OptionalInt.empty(), 150, 100, 2, 40, Arrivals.poisson, 42);
        assertThat(client.saturates()).isEqualTo(LoadPrediction.Saturates.client);
    }

    /** Evenly spaced arrivals below saturation never queue: every gather takes its 10 ms; random ones at the same rate do. */
    @Test
    void randomArrivalsQueueWhereEvenOnesDoNot() {
        assertThat(pool(Arrivals.uniform, 40).p99Ms(150)).isEqualTo(10);
        assertThat(pool(Arrivals.poisson, 40).p99Ms(150)).isGreaterThan(15);
        assertThat(pool(Arrivals.poisson, 40).p99Ms(50)).isLessThan(pool(Arrivals.poisson, 40).p99Ms(150));
    }

    /** The SLO rate is where the simulated p99 meets the bound: within just below it, past it just above. */
    @Test
    void theSloRateIsWhereTheSimulatedP99MeetsTheBound() {
        LoadPrediction p = pool(Arrivals.poisson, 40);
        double slo = p.sloRate();
        assertThat(slo).isBetween(50.0, 200.0);
        assertThat(p.p99Ms(slo)).isLessThanOrEqualTo(40);
        assertThat(p.p99Ms(slo * 1.03)).isGreaterThan(40);
        assertThat(p.grid()).hasSize(5).containsExactly((int) Math.round(0.5 * slo), (int) Math.round(0.7 * slo),
                (int) Math.round(0.85 * slo), (int) Math.round(slo), (int) Math.round(1.1 * slo));
        // A bound below the unloaded gather leaves no rate.
        assertThat(pool(Arrivals.poisson, 9).sloRate()).isZero();
        assertThat(pool(Arrivals.poisson, 9).grid()).isEmpty();
    }

    @Test
    void aPredictionReadsBackAsItWasWritten() {
        LoadPrediction p = new LoadPrediction(10, 10.4321, OptionalInt.of(20), 101.5, Double.NaN, 2, 40, Arrivals.uniform, 7);
        assertThat(LoadPrediction.decode(p.encode())).isEqualTo(p);
        LoadPrediction none = new LoadPrediction(10, 10.4321, OptionalInt.empty(), 101.5, 99.25, 2, 40, Arrivals.poisson, 7);
        assertThat(LoadPrediction.decode(none.encode())).isEqualTo(none);
    }
}
