package fetchbench.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long each step of a run took against its plan, kept in the run folder (steps.json) as each
 * step ends, so that the next run on this machine can plan with what each kind of step really
 * cost here. Written by {@link Progress}, read by the next run's {@link Eta}.
 *
 * @param cores the processors of the machine that ran them
 * @param steps every finished step, in the order they ran
 */
public record StepTimes(int cores, List<Step> steps) {

    /** The file in a run folder. */
    public static final String FILE = "steps.json";

    /** One finished step: its kind, what it was, its planned and its measured seconds. */
    public record Step(String kind, String describe, double plannedSeconds, double measuredSeconds) {
    }

    /** A learned factor is held to this range: one odd run must not throw the next one's plan far off. */
    static final double MIN_FACTOR = 0.5;
    static final double MAX_FACTOR = 3;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** The kind of a step, for learning: the floor, a measurement of a shape, a load step, a footprint. */
    public static String kind(fetchbench.run.Step.Jmh step) {
        return switch (step) {
            case fetchbench.run.Step.Floor floor -> "floor";
            case Measure measure -> "measure " + measure.shape();
            case UnderLoad load -> "load " + load.load();
            case fetchbench.run.Step.Footprint footprint -> "footprint";
        };
    }

    public void write(Path folder) throws IOException {
        fetchbench.result.WholeFile.writeString(folder.resolve(FILE), GSON.toJson(this) + "\n");
    }

    /** The step times of the newest run under {@code resultsRoot} on a machine of these cores; empty if none. */
    public static Optional<StepTimes> lastRun(Path resultsRoot, int cores) {
        if (!Files.isDirectory(resultsRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(resultsRoot)) {
            for (Path run : runs.sorted(Comparator.reverseOrder()).toList()) {
                Optional<StepTimes> times = read(run.resolve(FILE)).filter(t -> t.cores() == cores);
                if (times.isPresent()) {
                    return times;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<StepTimes> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            StepTimes times = GSON.fromJson(Files.readString(file), StepTimes.class);
            return times == null || times.steps() == null ? Optional.empty() : Optional.of(times);
        } catch (IOException | JsonParseException e) {
            return Optional.empty(); // an unreadable file teaches nothing
        }
    }

    /** Measured ÷ planned seconds of each kind of step, held to [{@value #MIN_FACTOR}, {@value #MAX_FACTOR}]. */
    public Map<String, Double> factors() {
        Map<String, double[]> sums = new HashMap<>();
        for (Step step : steps) {
            double[] sum = sums.computeIfAbsent(step.kind(), k -> new double[2]);
            sum[0] += step.measuredSeconds();
            sum[1] += step.plannedSeconds();
        }
        Map<String, Double> factors = new HashMap<>();
        sums.forEach((kind, sum) -> {
            if (sum[1] > 0) {
                factors.put(kind, Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, sum[0] / sum[1])));
            }
        });
        return factors;
    }

    /** These times with one more step. */
    StepTimes with(Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new StepTimes(cores, List.copyOf(more));
    }
}
