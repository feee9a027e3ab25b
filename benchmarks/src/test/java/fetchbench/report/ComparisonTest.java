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
import java.util.List;
import java.util.stream.Stream;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/compare.sh's work: B ÷ A for every matching result, and whether the difference is noise. */
class ComparisonTest {

    @TempDir
    Path results;

    /** A run of 60 gathers (6 models × 10 N), each of 5 forks around its own mean, fork means spread 2 %. */
    private Path constructedRun(String name, double factor, long seed) throws Exception {
        Random random = new Random(seed);
        List<JsonObject> all = new ArrayList<>();
        String[] models = {"virtualThreads", "structured", "httpClientAsync", "okHttpAsync", "reactor", "threadPool"};
        for (String model : models) {
            for (int n = 10; n <= 100; n += 10) {
                double mean = (100 + n) * factor;
                JsonObject result = Fixtures.gather(results, model, n, mean, 1);
                JsonArray forks = new JsonArray();
                for (int f = 0; f < 5; f++) {
                    double forkMean = mean * (1 + 0.02 * random.nextGaussian());
                    JsonArray batches = new JsonArray();
                    for (int b = 0; b < 4; b++) {
                        batches.add(forkMean * (1 + 0.01 * random.nextGaussian()));
                    }
                    forks.add(batches);
                }
                result.getAsJsonObject("primaryMetric").add("rawData", forks);
                all.add(result);
            }
        }
        Path json = results.resolve(name).resolve("jmh.json");
        Files.createDirectories(json.getParent());
        JsonArray array = new JsonArray();
        all.forEach(array::add);
        Files.writeString(json, array.toString());
        return json;
    }

    /**
     * Twenty pairs of runs of the same code, each drawn afresh: over their 1200 results the ratio
     * test rarely calls one different, the standard scores' variance is near 1, and the A/A check
     * passes nearly every pair. One lucky draw could not show that. Slow: seconds, so PIT does
     * not run it for every mutant.
     */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aaPairsOnConstructedDataPassTheAaCheckNearlyAlways() throws Exception {
        int trials = 20;
        int passed = 0;
        long different = 0;
        long pairs = 0;
        double varianceSum = 0;
        for (int trial = 0; trial < trials; trial++) {
            Comparison.Matched matched = Comparison.match(
                    Row.of(JmhRun.read(constructedRun("a" + trial, 1, 2L * trial + 1))),
                    Row.of(JmhRun.read(constructedRun("b" + trial, 1, 2L * trial + 2))));
            assertThat(matched.pairs()).hasSize(60);
            Comparison.AaCheck check = Comparison.AaCheck.of(matched.pairs());
            pairs += check.pairs();
            different += check.different();
            varianceSum += check.scoreVariance();
            passed += check.passes() ? 1 : 0;
        }
        assertThat(pairs).isEqualTo(60L * trials);
        assertThat(different).as("results of one commit called different").isLessThanOrEqualTo(pairs / 50);
        assertThat(varianceSum / trials).as("mean variance of the standard scores").isBetween(0.7, 1.3);
        assertThat(passed).as("A/A pairs that passed").isGreaterThanOrEqualTo(trials - 2);
    }

    /**
     * The variance allowed grows as the scores get fewer: their squares' sum follows χ² with one
     * degree of freedom each, and a few vary a lot by chance.
     */
    @Test
    void theScoresVarianceAllowedIsChiSquaredsNinetyNinthPercentileOverTheirNumber() {
        Comparison.AaCheck many = new Comparison.AaCheck(0, 60, 60, 1.46);
        assertThat(many.mostScoreVariance()).isCloseTo(1.473, org.assertj.core.data.Offset.offset(0.001));
        assertThat(many.passes()).isTrue();
        assertThat(new Comparison.AaCheck(0, 60, 60, 1.6).passes()).isFalse();

        Comparison.AaCheck few = new Comparison.AaCheck(0, 3, 3, 2.0);
        assertThat(few.mostScoreVariance()).isCloseTo(3.782, org.assertj.core.data.Offset.offset(0.001));
        assertThat(few.passes()).isTrue();
        assertThat(new Comparison.AaCheck(0, 3, 3, 3.9).passes()).isFalse();
        assertThat(new Comparison.AaCheck(0, 1, 1, 0.5).passes()).as("one score has no variance to judge").isFalse();
    }

    /** The same runs with B 10 % slower throughout: every pair is different, and the A/A check fails. */
    @Test
    void aRealTenPerCentDifferenceIsFoundAndFailsTheAaCheck() throws Exception {
        Comparison.Matched matched = Comparison.match(Row.of(JmhRun.read(constructedRun("a", 1, 1))),
                Row.of(JmhRun.read(constructedRun("b", 1.1, 2))));

        assertThat(matched.pairs()).allSatisfy(p -> {
            assertThat(p.judgement()).isEqualTo(Judgement.different);
            assertThat(p.ratio().low()).isGreaterThan(1.0);
        });
        assertThat(Comparison.AaCheck.of(matched.pairs()).passes()).isFalse();
    }

    @Test
    void ratiosFollowTheTwoFixturesAndOneForkIsNeverJudged() throws Exception {
        Path a = Fixtures.copy("run-a", results);
        Path b = Fixtures.copy("run-b", results);

        Comparison.Matched matched = Comparison.match(Row.of(JmhRun.read(a)), Row.of(JmhRun.read(b)));

        assertThat(matched.pairs()).hasSize(14);
        assertThat(matched.onlyA()).isEmpty();
        assertThat(matched.onlyB()).isEmpty();
        for (Comparison.Pair pair : matched.pairs()) {
            String key = pair.a().model().name() + "/" + pair.a().concurrency() + "/" + pair.a().urls();
            ForkMeans forksA = pair.a().forkMeans();
            ForkMeans forksB = pair.b().forkMeans();
            if (forksA.forks() < 2 || forksB.forks() < 2) {
                assertThat(pair.judgement()).as(key).isEqualTo(Judgement.inconclusive);
                assertThat(pair.ratio().hasInterval()).as(key).isFalse();
            } else {
                double geometric = Math.exp(forksB.means().stream().mapToDouble(Math::log).average().orElseThrow()
                        - forksA.means().stream().mapToDouble(Math::log).average().orElseThrow());
                assertThat(pair.ratio().estimate()).as(key).isCloseTo(geometric, offset(1e-9));
            }
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
        assertThat(Files.readString(first.resolve("index.html"))).contains("B ÷ A").contains("judgement");
        assertThat(Files.readAllBytes(a)).isEqualTo(aBefore);
        assertThat(Files.readAllBytes(b)).isEqualTo(bBefore);
    }

    /**
     * B is A, a current smoke run, with one result three times slower and another dropped; the
     * smoke run has one fork, so that result is given five forks in both runs: the page calls it
     * different, lists the dropped one as only in A, and leaves the rest inconclusive (one fork).
     */
    @Test
    void aMutatedCopyShowsOneDifferenceAndOneResultOnlyInA() throws Exception {
        Path a = Fixtures.copy("smoke", results.resolve("a"));
        var json = JsonParser.parseString(Files.readString(a)).getAsJsonArray();
        JsonObject inA = gather(json, "threadPool", "20", "10").getAsJsonObject("primaryMetric");
        inA.add("rawData", Fixtures.forks(22.4, 1));
        inA.addProperty("score", 22.4);
        Files.writeString(a, json.toString());
        JsonObject slower = gather(json, "threadPool", "20", "10").getAsJsonObject("primaryMetric");
        slower.add("rawData", Fixtures.forks(67.2, 1));
        slower.addProperty("score", 67.2);
        json.remove(gather(json, "structured", "0", "100"));
        Path b = results.resolve("b").resolve("jmh.json");
        Files.createDirectories(b.getParent());
        Files.writeString(b, json.toString());

        Comparison.Matched matched = Comparison.match(Row.of(JmhRun.read(a)), Row.of(JmhRun.read(b)));

        assertThat(matched.onlyA()).extracting(Row::setting, Row::urls).containsExactly(tuple("structured", 100));
        assertThat(matched.onlyB()).isEmpty();
        assertThat(matched.pairs()).hasSize(77 - 1); // the smoke run's 83 results less 6 of the bare client, less one
        assertThat(matched.pairs()).filteredOn(p -> p.judgement() == Judgement.different)
                .singleElement().satisfies(p -> {
                    assertThat(p.a().setting()).isEqualTo("threadPool (k=20)");
                    assertThat(p.ratio().estimate()).isCloseTo(3.0, offset(0.01));
                });
        assertThat(matched.pairs()).filteredOn(p -> p.judgement() != Judgement.different)
                .allSatisfy(p -> assertThat(p.judgement()).isEqualTo(Judgement.inconclusive));

        ComparisonPage.Written written = ComparisonPage.writeWithSummary(a, b);
        // The console: the one difference with its ratio's interval, then the counts and the A/A check; no
        // warning, since B is A's own numbers (same budgets, code, JDK and server check).
        List<String> console = written.summary().lines().toList();
        assertThat(console.get(0)).startsWith("slower: gather, delay 20 ms fixed · threadPool (k=20) N=10: 22.4 ± 1.0 → "
                + "67.2 ± 1.0 ms, B ÷ A 3.00× [");
        assertThat(console.get(1)).isEqualTo("76 matched results: 1 different, 0 equivalent, 75 inconclusive; "
                + "1 only in A, 0 only in B");
        assertThat(console).hasSize(3).last().asString().startsWith("A/A check (the same code in both runs): FAILED, "
                + "1 of 1 results with an interval different");
        String page = Files.readString(written.folder().resolve(Report.INDEX));
        assertThat(page).contains("<h2>Only in A</h2>").contains("structured · N=100")
                .doesNotContain("<h2>Only in B</h2>");
        assertThat(page.split("data-value=\"different\"", -1)).hasSize(2); // exactly one pair different
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
}
