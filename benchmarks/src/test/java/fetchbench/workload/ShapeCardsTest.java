package fetchbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.workload.Shape.Planned;
import fetchbench.workload.Shape.RunSize;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts on each shape's card, without a server: plans, sizes, delays and names. */
class ShapeCardsTest {

    private static final Delays FIXED = Delays.of(DelayProfile.fixed);

    @Test
    void aRacePutsTheFailingReplicaFirstAndTheWinnerLast() {
        assertThat(Shape.race.plan(4, 100, FIXED, 1)).containsExactly(
                new Planned(Kind.SERVER_ERROR, 0), new Planned(Kind.OK, 300),
                new Planned(Kind.OK, 200), new Planned(Kind.OK, 100));
        assertThat(Shape.race.minimumUrls()).isEqualTo(2);
    }

    @Test
    void aDeadlineAlternatesFastUrlsWithinItAndSlowOnesFarBeyond() {
        assertThat(Shape.deadline.plan(4, 100, FIXED, 1)).containsExactly(
                new Planned(Kind.OK, 40), new Planned(Kind.OK, 400),
                new Planned(Kind.OK, 40), new Planned(Kind.OK, 400));
        assertThat(Shape.deadline.plan(1, 25, FIXED, 1)).containsExactly(new Planned(Kind.OK, 10));
        assertThat(Shape.deadline.minimumUrls()).isEqualTo(2);
    }

    @Test
    void theUptimeCheckRepeatsItsMixWithOneSlowHealthyUrlPerRound() {
        List<Planned> plan = Shape.failures.plan(14, 50, FIXED, 1);

        assertThat(plan.subList(0, 7)).containsExactly(
                new Planned(Kind.OK, 50), new Planned(Kind.REFUSED, 0), new Planned(Kind.RESET, 0),
                new Planned(Kind.EMPTY, 0), new Planned(Kind.SERVER_ERROR, 0), new Planned(Kind.OK, 150),
                new Planned(Kind.MALFORMED, 0));
        assertThat(plan.subList(7, 14)).isEqualTo(plan.subList(0, 7));
        assertThat(Shape.failures.minimumUrls()).isEqualTo(7);
    }

    @Test
    void cpuHeavyAsksForLargeBodiesAndTheOthersForSmallOnes() {
        assertThat(Shape.cpuHeavy.plan(3, 20, FIXED, 1)).containsExactly(
                new Planned(Kind.LARGE, 20), new Planned(Kind.LARGE, 20), new Planned(Kind.LARGE, 20));
        assertThat(Shape.gather.plan(2, 30, FIXED, 1)).containsExactly(
                new Planned(Kind.OK, 30), new Planned(Kind.OK, 30));
        assertThat(Shape.gather.minimumUrls()).isEqualTo(1);
    }

    @Test
    void eachShapeHasItsSizeForEachRun() {
        Map<Shape, List<Integer>> smokeStandardFull = Map.of(
                Shape.workers, List.of(8, 8, 20),
                Shape.asCompleted, List.of(8, 8, 20),
                Shape.race, List.of(3, 4, 4),
                Shape.deadline, List.of(8, 20, 20),
                Shape.failures, List.of(7, 7, 21),
                Shape.cpuHeavy, List.of(10, 20, 40));
        smokeStandardFull.forEach((shape, sizes) -> assertThat(
                List.of(shape.urls(RunSize.smoke), shape.urls(RunSize.standard), shape.urls(RunSize.full)))
                .as(shape.name()).isEqualTo(sizes));
        assertThatThrownBy(() -> Shape.gather.urls(RunSize.standard)).isInstanceOf(IllegalStateException.class);
        for (Shape shape : Shape.values()) {
            assertThat(shape.minimumUrls()).as(shape.name()).isLessThanOrEqualTo(
                    shape == Shape.gather ? 1 : shape.urls(RunSize.smoke));
        }
    }

    @Test
    void eachShapeTakesItsDelayFromTheRunsGatherDelay() {
        Map<Shape, List<Integer>> smokeStandardFull = Map.of(
                Shape.gather, List.of(20, 120, 120),
                Shape.workers, List.of(20, 60, 120),
                Shape.deadline, List.of(100, 120, 240),
                Shape.cpuHeavy, List.of(10, 20, 20));
        smokeStandardFull.forEach((shape, delays) -> assertThat(List.of(
                shape.delayMs(RunSize.smoke, 120), shape.delayMs(RunSize.standard, 120), shape.delayMs(RunSize.full, 120)))
                .as(shape.name()).isEqualTo(delays));
    }

    @Test
    void onlyTheShapesWhoseResultsComeInOrderHaveUnequalDelays() {
        for (Shape shape : Shape.values()) {
            boolean ordered = shape == Shape.workers || shape == Shape.asCompleted;
            assertThat(shape.delayProfile()).as(shape.name())
                    .isEqualTo(ordered ? DelayProfile.staggered : DelayProfile.fixed);
        }
    }

    @Test
    void onlyARaceAndADeadlineMayStopBeforeEveryUrlReachedTheServer() {
        for (Shape shape : Shape.values()) {
            assertThat(shape.cancelsTheRest()).as(shape.name())
                    .isEqualTo(shape == Shape.race || shape == Shape.deadline);
        }
    }

    @Test
    void aShapesOneNameIsItsBenchmarkMethodAndClass() {
        assertThat(Shape.asCompleted.benchmark()).isEqualTo("AsCompletedBenchmark");
        assertThat(Shape.deadline.benchmarkName()).isEqualTo("fetchbench.bench.DeadlineBenchmark.deadline");
        for (Shape shape : Shape.values()) {
            assertThat(Shape.ofBenchmark(shape.benchmarkName())).isEqualTo(shape);
            assertThat(shape.title()).isNotBlank();
            assertThat(shape.summary()).isNotBlank();
        }
        assertThat(Shape.cpuHeavy.title()).isEqualTo("CPU-heavy");
    }

    @Test
    void aRefusedUrlPointsAtThePortWhereNothingListens() {
        URI server = URI.create("http://127.0.0.1:8080");
        URI refusing = URI.create("http://127.0.0.1:9");

        assertThat(Shape.address(new Planned(Kind.REFUSED, 0), 3, server, refusing))
                .hasToString("http://127.0.0.1:9/fetchbench/refused/0?i=3");
        assertThat(Shape.address(new Planned(Kind.OK, 40), 0, server, refusing))
                .hasToString("http://127.0.0.1:8080/fetchbench/delay/40?i=0");
    }
}
