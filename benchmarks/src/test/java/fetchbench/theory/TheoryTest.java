package fetchbench.theory;

import fetchbench.catalog.Limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fetchbench.catalog.Model;
import org.junit.jupiter.api.Test;

/** The band stated before the run, and Little's law, on constructed numbers. */
class TheoryTest {

    @Test
    void aMeasurementIsInsideTheBandOnlyWhenItsWholeIntervalIs() {
        // Ideal 100 ms, floor 20 ms: the band is 100–120.
        assertThat(Theory.placement(104, 110, 100, 20)).isEqualTo(Theory.Placement.inside);
        assertThat(Theory.placement(118, 125, 100, 20)).isEqualTo(Theory.Placement.straddles); // across the top
        assertThat(Theory.placement(95, 105, 100, 20)).isEqualTo(Theory.Placement.straddles); // across the ideal
        assertThat(Theory.placement(121, 125, 100, 20)).isEqualTo(Theory.Placement.above);
        assertThat(Theory.placement(90, 99, 100, 20)).isEqualTo(Theory.Placement.below);
        // However wide, an interval wholly above the band is above it, never unknown.
        assertThat(Theory.placement(136.8, 150.4, 20, 11)).isEqualTo(Theory.Placement.above);
        assertThat(Theory.placement(50, 500, 100, 20)).isEqualTo(Theory.Placement.straddles);
        assertThat(Theory.placement(Double.NaN, Double.NaN, 100, 20)).as("one fork: no interval")
                .isEqualTo(Theory.Placement.unknown);
        // Without a floor the band is the ideal alone.
        assertThat(Theory.placement(101, 102, 100, Double.NaN)).isEqualTo(Theory.Placement.above);
    }

    @Test
    void aBandOverHalfItsIdealWideIsTooWideToJudge() {
        assertThat(Theory.tooWide(100, 150)).isFalse();
        assertThat(Theory.tooWide(100, 234)).isTrue();
    }

    @Test
    void littlesLawAndTheFloorRule() {
        assertThat(Theory.inFlight(100, 20, 50)).isEqualTo(40.0);
        assertThat(Theory.withFloor(100, 120)).isEqualTo(120);
        assertThat(Theory.withFloor(100, Double.NaN)).isEqualTo(100);
        assertThat(Theory.here().poolOf(new Limits(Model.threadPool, 20, 0))).hasValue(20);
        assertThat(Theory.here().poolOf(new Limits(Model.virtualThreads, 0, 0))).isEmpty();
    }

    /** The pool arithmetic of new connections per steady batch. */
    @Test
    void newConnectionsAreThoseNeededAtOnceLessThoseThePoolKept() {
        Theory theory = new Theory(1);
        Limits dispatcher20 = new Limits(Model.okHttpAsync, 20, 20);
        // OkHttp's 5 idle connections, 20 in flight over HTTP/1.1: 15 reconnect every batch.
        assertThat(theory.newConnections(dispatcher20, 20, false, 128, 5)).isEqualTo(15);
        // A pool sized to N keeps them all.
        assertThat(theory.newConnections(dispatcher20, 20, false, 128, 20)).isZero();
        // Over HTTP/2, 20 streams fit on one connection, which the pool of 5 keeps.
        assertThat(theory.newConnections(dispatcher20, 20, true, 128, 5)).isZero();
        // 300 in flight past a limit of 128 streams need 3 connections; a pool of 1 reopens 2.
        assertThat(theory.newConnections(new Limits(Model.virtualThreads, 0, 0), 300, true, 128, 1)).isEqualTo(2);
        // Only what the model has in flight counts: OkHttp's default Dispatcher sends 5 at once.
        assertThat(theory.newConnections(new Limits(Model.okHttpAsync, 0, 64), 100, false, 128, 5)).isZero();
        // Reactor's flatMap of 256 by default.
        assertThat(theory.newConnections(new Limits(Model.reactor, 0, 0), 1000, false, 128, 0)).isEqualTo(256);
    }

    /** M callers of N through one model: a shared limit is shared, a loop's and flatMap's are each caller's. */
    @Test
    void callersShareTheModelsLimit() {
        Theory theory = new Theory(1);
        assertThat(theory.sharedSlots(new Limits(Model.threadPool, 20, 0), 4, 10)).isEqualTo(20);
        assertThat(theory.sharedSlots(new Limits(Model.threadPool, 20, 0), 1, 10)).isEqualTo(10);
        assertThat(theory.sharedSlots(new Limits(Model.virtualThreads, 0, 0), 4, 10)).isEqualTo(40);
        assertThat(theory.sharedSlots(new Limits(Model.okHttpAsync, 5, 64), 4, 10)).isEqualTo(5);
        assertThat(theory.sharedSlots(new Limits(Model.sequential, 1, 0), 4, 10)).isEqualTo(4);
        assertThat(theory.sharedSlots(new Limits(Model.completableFuture, 0, 0), 4, 10)).isEqualTo(1);
        // Reactor: each caller's flatMap, but one pool of N connections for all of them.
        assertThat(theory.sharedSlots(new Limits(Model.reactor, 0, 0), 4, 10)).isEqualTo(10);
        // 100 requests on a pool of 20: 5 waves of 10 ms.
        assertThat(theory.callersMillis(new Limits(Model.threadPool, 20, 0), 10, 10, 10)).isEqualTo(50);
        assertThat(theory.callersMillis(new Limits(Model.virtualThreads, 0, 0), 10, 10, 10)).isEqualTo(10);
    }

    /** ρ = rate·N·d / L against the model's limit, or the machine's share where that is larger. */
    @Test
    void utilisationAndTheKneeItPredicts() {
        Theory theory = new Theory(1);
        Limits pool = new Limits(Model.threadPool, 20, 0);
        assertThat(theory.utilisation(pool, 10, 10, 160, Double.NaN)).isCloseTo(0.8, within(1e-9));
        assertThat(theory.capacityPerSecond(pool, 10, 10, Double.NaN)).isCloseTo(200, within(1e-9));
        assertThat(theory.capacityPerSecond(new Limits(Model.okHttpAsync, 5, 64), 10, 10, Double.NaN))
                .isCloseTo(50, within(1e-9));
        // Unbounded: only the machine bounds it, 0.1 ms of it per request: 1000 gathers of 10 a second.
        Limits unbounded = new Limits(Model.virtualThreads, 0, 0);
        assertThat(theory.utilisation(unbounded, 10, 10, 500, 0.1)).isCloseTo(0.5, within(1e-9));
        assertThat(theory.capacityPerSecond(unbounded, 10, 10, 0.1)).isCloseTo(1000, within(1e-9));
        assertThat(theory.capacityPerSecond(unbounded, 10, 10, Double.NaN)).isInfinite();
        // The larger of the two: a pool of 20 on a slow machine.
        assertThat(theory.utilisation(pool, 10, 10, 160, 1.0)).isCloseTo(1.6, within(1e-9));
    }
}
