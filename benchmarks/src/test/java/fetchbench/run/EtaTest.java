package fetchbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time left holds: on runs shaped like the default one (floors, then measurements and
 * footprints shuffled, each kind of step off its prediction by its own factor, every step noisy),
 * every estimate after the first minute is within max(25 % of the time then left, 30 s) of the
 * real end, with or without the last run's step times.
 */
class EtaTest {

    /** A step of a simulated run: its kind, its predicted seconds, and how much longer its kind really takes. */
    private record Simulated(String kind, double predicted, double factor) {
    }

    /**
     * 2 floors, 16 measurements of 20–60 s, 9 footprints of 9 s, in a shuffled order after the
     * floors, each kind taking {@code floor}, {@code measure} and {@code footprint} times its prediction.
     */
    private static List<Simulated> defaultLikeRun(Random random, double floor, double measure, double footprint) {
        List<Simulated> rest = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            rest.add(new Simulated("measure gather", 20 + 40 * random.nextDouble(), measure));
        }
        for (int i = 0; i < 9; i++) {
            rest.add(new Simulated("footprint", 9, footprint));
        }
        Collections.shuffle(rest, random);
        List<Simulated> run = new ArrayList<>(List.of(new Simulated("floor", 20, floor), new Simulated("floor", 25, floor)));
        run.addAll(rest);
        return run;
    }

    /** The largest miss, as a share of the allowance, over every estimate after the first minute. */
    private static double worstMiss(List<Simulated> run, Map<String, Double> learned, Random noise) {
        List<Double> actual = run.stream().map(s -> s.predicted() * s.factor() * (0.8 + 0.4 * noise.nextDouble()))
                .toList();
        double end = actual.stream().mapToDouble(Double::doubleValue).sum();
        Eta eta = new Eta(run.stream().map(Simulated::predicted).toList(), run.stream().map(Simulated::kind).toList(),
                learned);
        double elapsed = 0;
        double worst = 0;
        for (int i = 0; i < run.size(); i++) {
            double left = end - elapsed;
            if (elapsed >= 60) {
                double allowance = Math.max(0.25 * left, 30);
                worst = Math.max(worst, Math.abs(eta.remaining(i) - left) / allowance);
            }
            elapsed += actual.get(i);
            eta.finished(i, actual.get(i));
        }
        return worst;
    }

    /** Without a last run, the plan's own constants must be close: each kind within 15–60 % of it. */
    @Test
    void everyEstimateAfterTheFirstMinuteHoldsWithoutTheLastRunsTimes() {
        for (int seed = 0; seed < 50; seed++) {
            Random random = new Random(seed);
            double miss = worstMiss(defaultLikeRun(random, 1.6, 1.15, 1.3), Map.of(), random);
            assertThat(miss).as("seed %d: %.2f", seed, miss).isLessThanOrEqualTo(1);
        }
    }

    /** With the last run's step times, each kind may be far off the plan's constants. */
    @Test
    void everyEstimateAfterTheFirstMinuteHoldsWithTheLastRunsTimes() {
        for (int seed = 0; seed < 50; seed++) {
            Random random = new Random(seed);
            List<Simulated> run = defaultLikeRun(random, 2.2, 1.2, 1.8);
            // The last run measured each kind with its own noise.
            Map<String, Double> learned = Map.of("floor", 2.2 * (0.9 + 0.2 * random.nextDouble()),
                    "measure gather", 1.2 * (0.9 + 0.2 * random.nextDouble()),
                    "footprint", 1.8 * (0.9 + 0.2 * random.nextDouble()));
            assertThat(worstMiss(run, learned, random)).as("seed %d", seed).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void slowFloorsSayNothingOfTheMeasurementsAfterThem() {
        // Floors 2.2× their prediction, then steps that keep to theirs: a pace taken from the first
        // steps would predict the rest 2.2× too long.
        List<Simulated> run = new ArrayList<>(List.of(new Simulated("floor", 30, 2.2), new Simulated("floor", 30, 2.2)));
        for (int i = 0; i < 20; i++) {
            run.add(new Simulated("measure gather", 40, 1));
        }
        Eta eta = new Eta(run.stream().map(Simulated::predicted).toList(), run.stream().map(Simulated::kind).toList(),
                Map.of());
        eta.finished(0, 30 * 2.2);
        eta.finished(1, 30 * 2.2);
        double elapsed = 2 * 30 * 2.2;
        double left = 20 * 40;
        double firstStepsPace = left * elapsed / 60;
        assertThat(Math.abs(firstStepsPace - left)).isGreaterThan(0.25 * left);
        assertThat(Math.abs(eta.remaining(2) - left)).isLessThanOrEqualTo(0.25 * left);
    }

    @Test
    void learnedFactorsAreMeasuredOverPlannedPerKindHeldToARange(@TempDir Path results) throws Exception {
        Path older = Files.createDirectory(results.resolve("2026-12-01T000000Z"));
        Path newer = Files.createDirectory(results.resolve("2026-12-02T000000Z"));
        Path otherMachine = Files.createDirectory(results.resolve("2026-12-03T000000Z"));
        new StepTimes(2, List.of(new StepTimes.Step("floor", "a", 10, 99))).write(older);
        new StepTimes(2, List.of(new StepTimes.Step("floor", "a", 10, 22), new StepTimes.Step("floor", "b", 30, 58),
                new StepTimes.Step("footprint", "c", 9, 90), new StepTimes.Step("measure gather", "d", 40, 10)))
                .write(newer);
        new StepTimes(8, List.of(new StepTimes.Step("floor", "a", 10, 11))).write(otherMachine);
        Files.writeString(Files.createDirectory(results.resolve("2026-12-04T000000Z")).resolve(StepTimes.FILE), "{");

        Map<String, Double> factors = StepTimes.lastRun(results, 2).orElseThrow().factors();

        assertThat(factors.get("floor")).isEqualTo(2.0); // (22 + 58) / (10 + 30)
        assertThat(factors.get("footprint")).isEqualTo(StepTimes.MAX_FACTOR);
        assertThat(factors.get("measure gather")).isEqualTo(StepTimes.MIN_FACTOR);
        assertThat(StepTimes.lastRun(results, 8).orElseThrow().factors()).containsEntry("floor", 1.1);
        assertThat(StepTimes.lastRun(results, 4)).isEmpty();
        assertThat(StepTimes.lastRun(results.resolve("none"), 2)).isEmpty();
    }
}
