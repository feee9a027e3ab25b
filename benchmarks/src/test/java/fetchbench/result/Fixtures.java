package fetchbench.result;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The checked-in JMH JSON of real runs (see fixtures/README.md), copied into a folder of the test's own. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Copies fixtures/{@code run}/jmh.json to {@code folder}/{@code run}/jmh.json and returns that path. */
    public static Path copy(String run, Path folder) throws IOException {
        Path target = folder.resolve(run).resolve("jmh.json");
        Files.createDirectories(target.getParent());
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + run + "/jmh.json")) {
            if (in == null) {
                throw new IOException("missing test resource fixtures/" + run + "/jmh.json");
            }
            Files.copy(in, target);
        }
        return target;
    }

    /** The smoke run's first gather result of the model, with its secondary metrics. */
    public static JsonObject firstGatherOf(String model, Path folder) throws IOException {
        Path fixture = copy("smoke", folder.resolve("template" + System.nanoTime()));
        for (var element : JsonParser.parseString(Files.readString(fixture)).getAsJsonArray()) {
            JsonObject result = element.getAsJsonObject();
            JsonObject params = result.getAsJsonObject("params");
            if (result.get("benchmark").getAsString().equals("fetchbench.bench.GatherBenchmark.gather")
                    && params.has("model") && params.get("model").getAsString().equals(model)) {
                return result;
            }
        }
        throw new IOException("fixture smoke has no gather of " + model);
    }

    /**
     * A real result of the smoke run (a virtualThreads gather, with its secondary metrics) under a
     * new benchmark name, parameters, score and interval: five forks of two batches whose fork means
     * have the score as their mean and {@code errorMs} as the half-width of their 95 % interval (one
     * fork, no interval, where it is NaN).
     */
    public static JsonObject result(Path folder, String benchmark, Map<String, String> params, double scoreMs,
                             double errorMs) throws IOException {
        JsonObject result = firstGatherOf("virtualThreads", folder);
        result.addProperty("benchmark", benchmark);
        JsonObject p = new JsonObject();
        params.forEach(p::addProperty);
        result.add("params", p);
        result.getAsJsonObject("primaryMetric").addProperty("score", scoreMs);
        result.getAsJsonObject("primaryMetric").addProperty("scoreError", errorMs);
        result.getAsJsonObject("primaryMetric").add("rawData", forks(scoreMs, errorMs));
        return result;
    }

    /** t(0.975, 4) × the sample deviation of −2, −1, 0, 1, 2 over √5: the half-width per unit of spread. */
    private static final double HALF_WIDTH_PER_STEP = 2.776445105 * Math.sqrt(2.5) / Math.sqrt(5);

    /** Five fork means around {@code mean}, spread to give this 95 % half-width; one where it is NaN. */
    public static List<Double> forkMeans(double mean, double halfWidth) {
        if (Double.isNaN(halfWidth)) {
            return List.of(mean);
        }
        return IntStream.rangeClosed(-2, 2).mapToObj(step -> mean + step * halfWidth / HALF_WIDTH_PER_STEP).toList();
    }

    /** Five forks of two equal batches around {@code mean}, spread to give this half-width; one fork where it is NaN. */
    public static JsonArray forks(double mean, double halfWidth) {
        JsonArray forks = new JsonArray();
        for (double forkMean : forkMeans(mean, halfWidth)) {
            JsonArray batches = new JsonArray();
            batches.add(forkMean);
            batches.add(forkMean);
            forks.add(batches);
        }
        return forks;
    }

    /** A gather result of the model at N with a 100 ms delay. */
    public static JsonObject gather(Path folder, String model, int urls, double scoreMs, double errorMs) throws IOException {
        return result(folder, "fetchbench.bench.GatherBenchmark.gather", Map.of("model", model, "urls",
                String.valueOf(urls), "delayMs", "100", "concurrency", "0", "maxRequests", "64"), scoreMs, errorMs);
    }

    /** The results as a jmh.json in a new folder of its own; returns its path. */
    public static Path write(Path folder, JsonObject... results) throws IOException {
        JsonArray all = new JsonArray();
        for (JsonObject result : results) {
            all.add(result);
        }
        Path json = Files.createDirectories(folder.resolve("run" + System.nanoTime())).resolve("jmh.json");
        Files.writeString(json, all.toString());
        return json;
    }
}
