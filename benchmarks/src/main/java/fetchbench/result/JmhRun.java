package fetchbench.result;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import fetchbench.result.ResultKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as JMH wrote it to {@code jmh.json}: the only input of the report, so a file copied from
 * another machine renders the same. The facts fetchbench adds (cores, the command, the default
 * executor) travel as {@code -Dfetchbench.*} arguments of the forks, which JMH records.
 */
public record JmhRun(Path source, List<Result> results, List<Result> footprints) {

    /**
     * @param results    every timed result
     * @param footprints what each setting held per request in flight ({@link Benchmarks#FOOTPRINT}),
     *                   whose time is not a result and which no timed analysis reads
     */
    public JmhRun {
        results = List.copyOf(results);
        footprints = List.copyOf(footprints);
    }


    /**
     * A score with JMH's error (half the 99.9 % confidence interval; NaN when too few samples) and
     * the value of every measured batch, fork by fork.
     */
    public record Metric(double score, double error, String unit, List<List<Double>> raw) {

        public Metric(double score, double error, String unit) {
            this(score, error, unit, List.of());
        }

        /** Every measured batch's value, the forks one after the other. */
        public List<Double> batches() {
            return raw.stream().flatMap(List::stream).toList();
        }

        /** The median of the measured batches; NaN when the run kept none. */
        public double median() {
            double[] sorted = batches().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /** One benchmark at one combination of parameters. */
    public record Result(String benchmark, String mode, Map<String, String> params, Metric primary,
                         Map<String, Metric> secondary, String jdk, List<String> jvmArgs,
                         int warmupIterations, int measurementIterations, int forks) {

        /** The method name, e.g. gather. */
        public String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** The value of {@code -D<name>=…} among the fork's JVM arguments. */
        public Optional<String> forkProperty(String name) {
            String prefix = "-D" + name + "=";
            return jvmArgs.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                    .filter(v -> !v.isEmpty()).findFirst();
        }
    }

    public static JmhRun read(Path jmhJson) throws ReportException {
        if (!Files.isRegularFile(jmhJson)) {
            throw new ReportException(jmhJson + ": no such file");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(jmhJson));
        } catch (IOException | JsonParseException e) {
            throw new ReportException(jmhJson + ": not readable as JSON (" + e.getMessage() + ")");
        }
        if (!root.isJsonArray() || root.getAsJsonArray().isEmpty()) {
            throw new ReportException(jmhJson + ": not JMH JSON (expected a non-empty array of results)");
        }
        List<Result> results = new ArrayList<>();
        int index = 0;
        for (JsonElement element : root.getAsJsonArray()) {
            try {
                results.add(result(element.getAsJsonObject()));
            } catch (RuntimeException e) {
                throw new ReportException(jmhJson + ": result " + index + " is not a JMH result (" + e.getMessage() + ")");
            }
            index++;
        }
        return new JmhRun(jmhJson, results.stream().filter(r -> !r.benchmark().equals(Benchmarks.FOOTPRINT)).toList(),
                results.stream().filter(r -> r.benchmark().equals(Benchmarks.FOOTPRINT)).toList());
    }

    private static Result result(JsonObject json) {
        Map<String, String> params = new LinkedHashMap<>();
        if (json.has("params")) {
            json.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        if (json.has("secondaryMetrics")) {
            json.getAsJsonObject("secondaryMetrics").entrySet()
                    .forEach(e -> secondary.put(e.getKey(), metric(e.getValue().getAsJsonObject())));
        }
        List<String> jvmArgs = new ArrayList<>();
        if (json.has("jvmArgs")) {
            json.getAsJsonArray("jvmArgs").forEach(a -> jvmArgs.add(a.getAsString()));
        }
        String jdk = required(json, "jdkVersion").getAsString()
                + (json.has("vmName") ? " (" + json.get("vmName").getAsString() + ")" : "");
        Legacy.params(params);
        return new Result(Legacy.benchmark(required(json, "benchmark").getAsString()),
                required(json, "mode").getAsString(), Map.copyOf(params),
                metric(required(json, "primaryMetric").getAsJsonObject()), secondary, jdk,
                List.copyOf(Legacy.jvmArgs(jvmArgs, params)), intOr(json, "warmupIterations"), intOr(json, "measurementIterations"),
                intOr(json, "forks"));
    }

    private static Metric metric(JsonObject json) {
        List<List<Double>> raw = new ArrayList<>();
        if (json.has("rawData")) {
            for (JsonElement fork : json.getAsJsonArray("rawData")) {
                List<Double> batches = new ArrayList<>();
                fork.getAsJsonArray().forEach(value -> batches.add(number(value)));
                raw.add(List.copyOf(batches));
            }
        }
        return new Metric(number(required(json, "score")), number(required(json, "scoreError")),
                required(json, "scoreUnit").getAsString(), List.copyOf(raw));
    }

    private static JsonElement required(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return value;
    }

    /** JMH writes NaN as the string "NaN". */
    private static double number(JsonElement value) {
        String text = value.getAsString();
        return "NaN".equals(text) ? Double.NaN : Double.parseDouble(text);
    }

    private static int intOr(JsonObject json, String field) {
        return json.has(field) ? json.get(field).getAsInt() : 0;
    }

    /** The first result, timed or else a footprint: jmh.json is never empty. */
    public Result first() {
        return results.isEmpty() ? footprints.get(0) : results.get(0);
    }

    /** The first fork property any result carries, e.g. the cores of the benchmarked machine. */
    public Optional<String> forkProperty(String name) {
        return java.util.stream.Stream.concat(results.stream(), footprints.stream()).map(r -> r.forkProperty(name))
                .flatMap(Optional::stream).findFirst();
    }

    /** "JDK 25.0.3 (OpenJDK 64-Bit Server VM), 2 cores" — the environment line of every chart. */
    public String environment() {
        String jdks = String.join(", ", java.util.stream.Stream.concat(results.stream(), footprints.stream())
                .map(Result::jdk).distinct().toList());
        return "JDK " + jdks + forkProperty(ResultKeys.CORES).map(c -> ", " + c + " cores").orElse("");
    }
}
