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
}
