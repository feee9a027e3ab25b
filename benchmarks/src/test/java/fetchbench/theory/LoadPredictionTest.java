package fetchbench.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fetchbench.workload.Arrivals;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The prediction before a load runs: saturation by arithmetic, the SLO rate by simulating the seeded arrivals. */
class LoadPredictionTest {

    /**
     * A pool of 20, gathers of 10 URLs of 10 ms taking 15 ms alone on 2 cores: the 5 ms over the
     * delay is 10 requests' share of the cores, 5 ms × 2 / 10 = 1 ms each.
     */
    private static LoadPrediction pool(Arrivals arrivals, double boundMs) {
        return new LoadPrediction(10, 10, 15, OptionalInt.of(20), 300, 200, 2, boundMs, arrivals, 42, java.util.List.of());
    }

    @Test
    void saturationIsTheLowerOfTheLimitsAndTheCores() {
        LoadPrediction p = pool(Arrivals.poisson, 50);
        assertThat(p.coreMs()).isCloseTo(1, within(1e-9));
        assertThat(p.serviceMs()).isCloseTo(11, within(1e-9));
        // 20 slots held 11 ms each by 10 requests a gather; 2 cores taken 1 ms by each request.
        assertThat(p.modelSaturation()).isCloseTo(20 * 1000 / 110.0, within(1e-9));
        assertThat(p.machineSaturation()).isCloseTo(200, within(1e-9));
        assertThat(p.saturation()).isEqualTo(p.modelSaturation());
        assertThat(p.saturates()).isEqualTo(LoadPrediction.Saturates.model);
        assertThat(p.overload()).hasValue((int) Math.round(1.2 * 20 * 1000 / 110.0));
        // Five slots for ten URLs: two waves of 10 ms, the second wave's cores overlapping the first's
        // delay, so c is what makes one gather simulated alone take the 25 ms measured: over 1 ms.
        LoadPrediction five = new LoadPrediction(10, 10, 25, OptionalInt.of(5), 300, 200, 2, 50, Arrivals.poisson, 42, java.util.List.of());
        assertThat(five.loneGatherMs(1)).isCloseTo(24, within(1e-9));
        assertThat(five.loneGatherMs(five.coreMs())).isCloseTo(25, within(1e-6));
        assertThat(five.coreMs()).isGreaterThan(1);
        assertThat(five.saturation()).isCloseTo(5 * 1000 / (10 * (10 + five.coreMs())), within(1e-9));
        // A gather no slower than its delays took nothing measurable of the cores.
        assertThat(new LoadPrediction(10, 10, 9.5, OptionalInt.of(20), 300, 200, 2, 50, Arrivals.poisson, 42, java.util.List.of()).coreMs())
                .isZero();
    }

    /** Without a limit the machine saturates first: the cores over what a request takes, the larger share named. */
    @Test
    void withoutALimitTheMachineSaturatesFirst() {
        LoadPrediction server = new LoadPrediction(10, 10, 14, OptionalInt.empty(), 100, 150, 2, 50, Arrivals.poisson, 42, java.util.List.of());
        assertThat(server.modelSaturation()).isInfinite();
        assertThat(server.machineSaturation()).isCloseTo(2 * 1000 / (0.8 * 10), within(1e-9));
        assertThat(server.saturates()).isEqualTo(LoadPrediction.Saturates.server);
        LoadPrediction client = new LoadPrediction(10, 10, 14, OptionalInt.empty(), 150, 100, 2, 50, Arrivals.poisson, 42, java.util.List.of());
        assertThat(client.saturates()).isEqualTo(LoadPrediction.Saturates.client);
    }

    /** Alone, a gather takes what was measured; random arrivals queue where evenly spaced ones at the same rate do not. */
    @Test
    void randomArrivalsQueueWhereEvenOnesDoNot() {
        // 10 ms apart: one gather at a time, 10 requests through 2 cores at 1 ms each, then 10 ms.
        assertThat(pool(Arrivals.uniform, 50).p99Ms(40)).isCloseTo(15, within(1e-9));
        assertThat(pool(Arrivals.poisson, 50).p99Ms(40)).isGreaterThan(17);
        assertThat(pool(Arrivals.poisson, 50).p99Ms(20)).isLessThan(pool(Arrivals.poisson, 50).p99Ms(120));
    }

    /**
     * The unloaded gathers' own spread goes into each simulated gather: with one in twenty of them
     * 30 ms slower, even a trickle of arrivals has a p99 that much over the mean.
     */
    @Test
    void theUnloadedGathersSpreadIsEachGathersOwn() {
        java.util.List<Double> lone = new java.util.ArrayList<>(java.util.Collections.nCopies(95, 15.0));
        lone.addAll(java.util.Collections.nCopies(5, 45.0));
        LoadPrediction spread = new LoadPrediction(10, 10, 16.5, OptionalInt.of(20), 300, 200, 2, 40, Arrivals.poisson,
                42, lone);
        assertThat(pool(Arrivals.poisson, 40).p99Ms(1)).isCloseTo(15, within(0.5));
        assertThat(spread.p99Ms(1)).isGreaterThan(40);
        assertThat(spread.sloRate()).isZero();
    }

    /** The SLO rate is where the simulated p99 meets the bound: within just below it, past it just above. */
    @Test
    void theSloRateIsWhereTheSimulatedP99MeetsTheBound() {
        LoadPrediction p = pool(Arrivals.poisson, 50);
        double slo = p.sloRate();
        assertThat(slo).isBetween(20.0, p.saturation());
        assertThat(p.p99Ms(slo)).isLessThanOrEqualTo(50);
        assertThat(p.p99Ms(slo * 1.03)).isGreaterThan(50);
        assertThat(p.grid()).containsExactly((int) Math.round(0.5 * slo), (int) Math.round(0.7 * slo),
                (int) Math.round(0.85 * slo), (int) Math.round(slo), (int) Math.round(1.1 * slo));
        // A bound below the unloaded gather leaves no rate: the lowest whole one runs, to show it.
        assertThat(pool(Arrivals.poisson, 14).sloRate()).isZero();
        assertThat(pool(Arrivals.poisson, 14).grid()).containsExactly(1);
    }

    @Test
    void aPredictionReadsBackAsItWasWritten() {
        LoadPrediction p = new LoadPrediction(10, 10, 10.4321, OptionalInt.of(20), 101.5, Double.NaN, 2, 50,
                Arrivals.uniform, 7, java.util.List.of(12.5, 13.25));
        assertThat(LoadPrediction.decode(p.encode())).isEqualTo(p);
        LoadPrediction none = new LoadPrediction(10, 20, 10.4321, OptionalInt.empty(), 101.5, 99.25, 2, 50,
                Arrivals.poisson, 7, java.util.List.of());
        assertThat(LoadPrediction.decode(none.encode())).isEqualTo(none);
    }
}
