package fetchbench.report;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Comparison;
import fetchbench.analysis.Row;
import fetchbench.result.JmhRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/compare.sh's work: B ÷ A for every matching result, and whether the difference is noise. */
class ComparisonTest {

    @TempDir
    Path results;

    @Test
    void significantOnlyWhenTheErrorIntervalsDoNotOverlap() {
        JmhRun.Metric a = new JmhRun.Metric(100, 10, "ms/op");

        assertThat(Comparison.Significance.of(a, new JmhRun.Metric(115, 5, "ms/op")))
                .isEqualTo(Comparison.Significance.NOT_SIGNIFICANT); // 90..110 and 110..120 touch
        assertThat(Comparison.Significance.of(a, new JmhRun.Metric(116, 5, "ms/op")))
                .isEqualTo(Comparison.Significance.SIGNIFICANT);
        assertThat(Comparison.Significance.of(a, new JmhRun.Metric(50, 30, "ms/op")))
                .isEqualTo(Comparison.Significance.SIGNIFICANT);
        assertThat(Comparison.Significance.of(a, new JmhRun.Metric(200, Double.NaN, "ms/op")))
                .isEqualTo(Comparison.Significance.UNKNOWN);
    }

    @Test
    void ratiosAndMarksFollowTheTwoFixtures() throws Exception {
        Path a = Fixtures.copy("run-a", results);
        Path b = Fixtures.copy("run-b", results);

        Comparison.Matched matched = Comparison.match(Row.of(JmhRun.read(a)), Row.of(JmhRun.read(b)));

        assertThat(matched.pairs()).hasSize(14);
        assertThat(matched.onlyA()).isEmpty();
        assertThat(matched.onlyB()).isEmpty();
        Map<String, double[]> scoresA = scores(a);
        Map<String, double[]> scoresB = scores(b);
        for (Comparison.Pair pair : matched.pairs()) {
            String key = pair.a().model().name() + "/" + pair.a().concurrency() + "/" + pair.a().urls();
            double[] x = scoresA.get(key);
            double[] y = scoresB.get(key);
            assertThat(pair.ratio()).as(key).isEqualTo(y[0] / x[0]);
            boolean disjoint = x[0] + x[1] < y[0] - y[1] || y[0] + y[1] < x[0] - x[1];
            assertThat(pair.significance()).as(key).isEqualTo(disjoint
                    ? Comparison.Significance.SIGNIFICANT : Comparison.Significance.NOT_SIGNIFICANT);
        }
    }

    /** A run from before the connectionPool parameter used a pool sized to N: it pairs with a newer run's "sized". */
    @Test
    void aRunFromBeforeTheConnectionPoolParameterPairsWithASizedOne() throws Exception {
        Path old = Fixtures.copy("run-a", results);
        Path newer = Fixtures.copy("run-b", results);
        var json = JsonParser.parseString(Files.readString(newer)).getAsJsonArray();
        json.forEach(r -> r.getAsJsonObject().getAsJsonObject("params").addProperty("connectionPool", "sized"));
        Files.writeString(newer, json.toString());

        Comparison.Matched matched = Comparison.match(Row.of(JmhRun.read(old)), Row.of(JmhRun.read(newer)));

        assertThat(matched.pairs()).hasSize(Row.of(JmhRun.read(old)).size());
        assertThat(matched.onlyA()).isEmpty();
        assertThat(matched.onlyB()).isEmpty();
    }

    @Test
    void writesANewFolderNamedAfterBothRunsAndLeavesTheInputsAlone() throws Exception {
        Path a = Fixtures.copy("run-a", results);
        Path b = Fixtures.copy("run-b", results);
        byte[] aBefore = Files.readAllBytes(a);
        byte[] bBefore = Files.readAllBytes(b);

        Path first = ComparisonPage.write(a, b);
        Path second = ComparisonPage.write(a, b);

        assertThat(first).isEqualTo(results.resolve("compare-run-a-vs-run-b"));
        assertThat(second).isEqualTo(results.resolve("compare-run-a-vs-run-b-2"));
        try (Stream<Path> files = Files.list(first)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html",
                    "comparison.csv", "gather-20ms-fixed-compare-N5.png", "gather-20ms-fixed-compare-N20.png",
                    "gather-20ms-fixed-ratio.png");
        }
        List<String> csv = Files.readAllLines(first.resolve("comparison.csv"));
        assertThat(csv).hasSize(15).first().asString().startsWith("scenario,setting,urls,a_ms");
        assertThat(Files.readString(first.resolve("index.html"))).contains("B ÷ A").contains("significant");
        assertThat(Files.readAllBytes(a)).isEqualTo(aBefore);
        assertThat(Files.readAllBytes(b)).isEqualTo(bBefore);
    }

    /**
     * B is A, a current smoke run, with one result three times slower (its interval far from A's)
     * and another dropped: the page marks the first significant, lists the second as only in A, and
     * leaves the rest not significant (they are the same numbers).
     */
    @Test
    void aMutatedCopyShowsOneSignificantDifferenceAndOneResultOnlyInA() throws Exception {
        Path a = Fixtures.copy("smoke", results.resolve("a"));
        var json = JsonParser.parseString(Files.readString(a)).getAsJsonArray();
        JsonObject slower = gather(json, "threadPool", "20", "10").getAsJsonObject("primaryMetric");
        slower.addProperty("score", slower.get("score").getAsDouble() * 3);
        slower.addProperty("scoreError", 0.1);
        json.remove(gather(json, "structured", "0", "100"));
        Path b = results.resolve("b").resolve("jmh.json");
        Files.createDirectories(b.getParent());
        Files.writeString(b, json.toString());

        Comparison.Matched matched = Comparison.match(Row.of(JmhRun.read(a)), Row.of(JmhRun.read(b)));

        assertThat(matched.onlyA()).extracting(Row::setting, Row::urls).containsExactly(tuple("structured", 100));
        assertThat(matched.onlyB()).isEmpty();
        assertThat(matched.pairs()).hasSize(77 - 1); // the smoke run's 83 results less 6 of the bare client, less one
        assertThat(matched.pairs()).filteredOn(p -> p.significance() == Comparison.Significance.SIGNIFICANT)
                .singleElement().satisfies(p -> {
                    assertThat(p.a().setting()).isEqualTo("threadPool (k=20)");
                    assertThat(p.ratio()).isCloseTo(3.0, offset(1e-9));
                });
        assertThat(matched.pairs()).filteredOn(p -> p.significance() != Comparison.Significance.SIGNIFICANT)
                .allSatisfy(p -> assertThat(p.ratio()).isEqualTo(1.0));

        ComparisonPage.Written written = ComparisonPage.writeWithSummary(a, b);
        // The console: the one significant change with its ratio's interval, then the counts; no warning,
        // since B is A's own numbers (same budgets, code, JDK and server check).
        List<String> console = written.summary().lines().toList();
        assertThat(console.get(0)).startsWith("slower: gather, delay 20 ms fixed · threadPool (k=20) N=10: 22.4 ± 2.6 → "
                + "67.3 ± 0.1 ms, B ÷ A 3.00 (");
        assertThat(console).hasSize(2).last().asString().startsWith("1 of 76 matched results differ beyond both "
                + "intervals (").endsWith("; 1 only in A, 0 only in B");
        String page = Files.readString(written.folder().resolve(Report.INDEX));
        assertThat(page).contains("<h2>Only in A</h2>").contains("structured · N=100")
                .doesNotContain("<h2>Only in B</h2>");
        assertThat(page.split("data-value=\"significant\"", -1)).hasSize(2); // exactly one pair significant
    }

    /** Two runs that differ in more than the code under test are compared with a warning for each difference. */
    @Test
    void runsThatDifferInBudgetsCodeOrServerCheckAreComparedWithAWarningEach() throws Exception {
        Path a = Fixtures.copy("smoke", results.resolve("a"));
        var json = JsonParser.parseString(Files.readString(a)).getAsJsonArray();
        json.forEach(element -> {
            JsonObject result = element.getAsJsonObject();
            result.addProperty("measurementIterations", 10);
            JsonArray args = result.getAsJsonArray("jvmArgs");
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).getAsString().startsWith("-Dfetchbench.source=")) {
                    args.set(i, new com.google.gson.JsonPrimitive("-Dfetchbench.source=0123456 (dirty)"));
                }
            }
            args.add("-Dfetchbench.serverCheckFailed=100");
        });
        Path b = results.resolve("b").resolve("jmh.json");
        Files.createDirectories(b.getParent());
        Files.writeString(b, json.toString());

        List<String> warnings = Comparison.warnings(JmhRun.read(a), JmhRun.read(b));

        assertThat(warnings).containsExactly(
                "the runs differ in measured batches per result: A 1×2, 1×4, B 1×10",
                "the runs differ in code version: A 2f1e3f155765f39828ddbca168d31f6c5471ab8d, B 0123456 (dirty)",
                "the runs differ in server check: A passed, B FAILED at N=100");
        assertThat(Files.readString(ComparisonPage.write(a, b).resolve(Report.INDEX)))
                .contains("<p class=\"sig\">Warning: the runs differ in code version: A 2f1e3f1");
    }

    /** The smoke run's gather result of a model at a concurrency and N. */
    private static JsonObject gather(JsonArray results, String model, String concurrency, String urls) {
        for (var element : results) {
            JsonObject result = element.getAsJsonObject();
            JsonObject params = result.getAsJsonObject("params");
            if (result.get("benchmark").getAsString().endsWith("GatherBenchmark.gather") && params.has("model")
                    && params.get("model").getAsString().equals(model)
                    && params.get("concurrency").getAsString().equals(concurrency)
                    && params.get("urls").getAsString().equals(urls)) {
                return result;
            }
        }
        throw new AssertionError("no gather of " + model + " " + concurrency + " N=" + urls);
    }

    /** model/concurrency/urls -> {score, error}, straight from the JSON. */
    private static Map<String, double[]> scores(Path json) throws Exception {
        Map<String, double[]> scores = new HashMap<>();
        for (var element : JsonParser.parseString(Files.readString(json)).getAsJsonArray()) {
            JsonObject result = element.getAsJsonObject();
            JsonObject params = result.getAsJsonObject("params");
            JsonObject primary = result.getAsJsonObject("primaryMetric");
            scores.put(params.get("model").getAsString() + "/" + params.get("concurrency").getAsString() + "/"
                            + params.get("urls").getAsString(),
                    new double[] {primary.get("score").getAsDouble(), primary.get("scoreError").getAsDouble()});
        }
        return scores;
    }
}
