package fetchbench.report;

import fetchbench.result.Benchmarks;
import fetchbench.result.Fixtures;
import fetchbench.analysis.Comparison;
import fetchbench.result.JmhRun;
import fetchbench.result.ResultKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/compare.sh's work: B ÷ A for every shared result, and whether the difference is noise. */
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
            Comparison.Matched matched = Comparison.match(JmhRun.read(constructedRun("a" + trial, 1, 2L * trial + 1)),
                    JmhRun.read(constructedRun("b" + trial, 1, 2L * trial + 2)));
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
        Comparison.Matched matched = Comparison.match(JmhRun.read(constructedRun("a", 1, 1)),
                JmhRun.read(constructedRun("b", 1.1, 2)));

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

        Comparison.Matched matched = Comparison.match(JmhRun.read(a), JmhRun.read(b));

        assertThat(matched.pairs()).hasSize(14);
        assertThat(matched.onlyA()).isEmpty();
        assertThat(matched.onlyB()).isEmpty();
        for (Comparison.Pair pair : matched.pairs()) {
            String key = pair.a().describe();
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

        Comparison.Matched matched = Comparison.match(JmhRun.read(old), JmhRun.read(newer));

        assertThat(matched.pairs()).hasSize(JmhRun.read(old).results().size());
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
        assertThat(csv).hasSize(15).first().asString().startsWith("scenario,setting,urls,unit,a_mean")
                .as("no effect size besides B ÷ A").doesNotContain("score");
        String page = Files.readString(first.resolve("index.html"));
        assertThat(page).contains("B ÷ A").contains("judgement").doesNotContain("standard score");
        assertThat(page.indexOf("id=\"ratios\"")).as("the table before the charts")
                .isLessThan(page.indexOf("gather-20ms-fixed-ratio.png"));
        assertThat(page.indexOf("gather-20ms-fixed-ratio.png")).as("the ratio chart before A and B side by side")
                .isLessThan(page.indexOf("gather-20ms-fixed-compare-N5.png"));
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

        Comparison.Matched matched = Comparison.match(JmhRun.read(a), JmhRun.read(b));

        assertThat(matched.onlyA()).extracting(Comparison.Measured::setting, Comparison.Measured::urls)
                .containsExactly(tuple("structured", 100));
        assertThat(matched.onlyB()).isEmpty();
        assertThat(matched.pairs()).hasSize(83 - 1); // the smoke run's 83 results, its 6 floors too, less one
        assertThat(matched.pairs()).filteredOn(p -> p.judgement() == Judgement.different)
                .singleElement().satisfies(p -> {
                    assertThat(p.a().setting()).isEqualTo("threadPool (k=20)");
                    assertThat(p.ratio().estimate()).isCloseTo(3.0, offset(0.01));
                });
        assertThat(matched.pairs()).filteredOn(p -> p.judgement() != Judgement.different)
                .allSatisfy(p -> assertThat(p.judgement()).isEqualTo(Judgement.inconclusive));

        ComparisonPage.Written written = ComparisonPage.writeWithSummary(a, b, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        // The console: the one difference with its ratio's interval, then the counts and the A/A check; no
        // warning, since B is A's own numbers (same budgets, code, JDK and server check).
        List<String> console = written.summary().lines().toList();
        assertThat(console.get(0)).startsWith("slower: gather, delay 20 ms fixed · threadPool (k=20) N=10: 22.4 ± 1.0 → "
                + "67.2 ± 1.0 ms, B ÷ A 3.00× [");
        assertThat(console.get(1)).isEqualTo("82 shared results: 1 different, 0 equivalent, 81 inconclusive "
                + "(margin ±3 %); 1 only in A, 0 only in B");
        assertThat(console).hasSize(3).last().asString().startsWith("A/A check (the same code in both runs): FAILED, "
                + "1 of 1 results with an interval different");
        String page = Files.readString(written.folder().resolve(Report.INDEX));
        assertThat(page).contains("<h2>Only in A</h2>").contains("structured N=100")
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

    private static final String GATHER = "fetchbench.bench.GatherBenchmark.gather";
    private static final Map<String, String> THREAD_POOL = Map.of("model", "threadPool", "urls", "10", "delayMs", "10",
            "concurrency", "20", "maxRequests", "0");
    private static final Map<String, String> FLOOR = Map.of("urls", "10", "delayMs", "1", Benchmarks.CLIENT, "okHttp");

    private static Map<String, String> with(Map<String, String> params, String... more) {
        Map<String, String> all = new TreeMap<>(params);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    /** The same result from forks told this many processors. */
    private static JsonObject told(JsonObject result, int processors) {
        result.getAsJsonArray("jvmArgs").add("-D" + ResultKeys.TOLD_PROCESSORS + "=" + processors);
        return result;
    }

    /**
     * The results the report's rows leave out are compared too: a floor (1.5× in B: different,
     * slower), callers, a load rate, a gather told 8 processors; a load rate only A has and a floor
     * only B has are counted apart.
     */
    @Test
    void floorsCallersLoadAndToldResultsAreComparedAndCounted() throws Exception {
        Path a = Fixtures.write(results,
                Fixtures.result(results, GATHER, THREAD_POOL, 100, 1),
                Fixtures.result(results, Benchmarks.BARE_CLIENT, FLOOR, 20, 0.2),
                Fixtures.result(results, Benchmarks.CALLERS, with(THREAD_POOL, "callers", "4"), 200, 2),
                Fixtures.result(results, Benchmarks.LOAD, with(THREAD_POOL, "rate", "20", "arrivals", "poisson"), 1000, 1),
                Fixtures.result(results, Benchmarks.LOAD, with(THREAD_POOL, "rate", "40", "arrivals", "poisson"), 1000, 1),
                told(Fixtures.result(results, GATHER, THREAD_POOL, 100, 1), 8));
        Path b = Fixtures.write(results,
                Fixtures.result(results, GATHER, THREAD_POOL, 100, 1),
                Fixtures.result(results, Benchmarks.BARE_CLIENT, FLOOR, 30, 0.2),
                Fixtures.result(results, Benchmarks.CALLERS, with(THREAD_POOL, "callers", "4"), 200, 2),
                Fixtures.result(results, Benchmarks.LOAD, with(THREAD_POOL, "rate", "20", "arrivals", "poisson"), 1000, 1),
                Fixtures.result(results, Benchmarks.BARE_CLIENT, with(FLOOR, Benchmarks.PROTOCOL, "https1",
                        Benchmarks.NEW_CLIENT_PER_BATCH, "true"), 40, 1),
                told(Fixtures.result(results, GATHER, THREAD_POOL, 100, 1), 8));

        Comparison.Matched matched = Comparison.match(JmhRun.read(a), JmhRun.read(b));

        assertThat(matched.pairs()).extracting(p -> p.a().result().benchmark()).containsExactlyInAnyOrder(GATHER,
                GATHER, Benchmarks.BARE_CLIENT, Benchmarks.CALLERS, Benchmarks.LOAD);
        assertThat(matched.pairs()).filteredOn(p -> p.a().scenario().endsWith("told 8 processors")).hasSize(1);
        assertThat(matched.pairs()).filteredOn(p -> p.a().result().benchmark().equals(Benchmarks.BARE_CLIENT))
                .singleElement().satisfies(p -> {
                    assertThat(p.ratio().estimate()).isCloseTo(1.5, offset(0.001));
                    assertThat(p.judgement()).isEqualTo(Judgement.different);
                    assertThat(p.slower()).isTrue();
                });
        assertThat(matched.pairs()).filteredOn(p -> p.judgement() != Judgement.different)
                .allSatisfy(p -> assertThat(p.judgement()).isEqualTo(Judgement.equivalent));
        assertThat(matched.onlyA()).singleElement().satisfies(m -> assertThat(m.setting()).endsWith(" at 40/s"));
        assertThat(matched.onlyB()).singleElement().satisfies(m -> assertThat(m.setting())
                .isEqualTo("okHttp bare client over https1, a new client per batch"));
        assertThat(ComparisonPage.counts(matched)).isEqualTo("5 shared results: 1 different, 4 equivalent, "
                + "0 inconclusive (margin ±3 %); 1 only in A, 1 only in B");
        assertThat(matched.slower()).singleElement().satisfies(p -> assertThat(p.a().setting())
                .isEqualTo("okHttp bare client"));
    }

    /** What scripts/compare.sh prints and how it ends. */
    private record Ended(int exit, String stdout, List<String> stderr) {
    }

    private static Ended compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ComparisonPage.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ended(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /** Three gathers at N=10, each of five forks around its mean, ± 1 ms. */
    private Path threeGathers(double virtualThreads, double threadPool, double reactor) throws Exception {
        return Fixtures.write(results, Fixtures.gather(results, "virtualThreads", 10, virtualThreads, 1),
                Fixtures.gather(results, "threadPool", 10, threadPool, 1), Fixtures.gather(results, "reactor", 10, reactor, 1));
    }

    /** --fail-on-slower: exit 3 and one line naming the result where B is different and slower; 0 without the option. */
    @Test
    void failOnSlowerExitsThreeWhereASharedResultIsDifferentAndSlowerInB() throws Exception {
        Path a = threeGathers(100, 100, 100);
        Path b = threeGathers(100, 130, 100);

        Ended failed = compare(ComparisonPage.FAIL_ON_SLOWER, a.toString(), b.toString());

        assertThat(failed.exit()).as("%s", failed).isEqualTo(ComparisonPage.EXIT_SLOWER);
        assertThat(failed.stderr()).singleElement().asString().startsWith("B is slower in 1 shared result")
                .contains("threadPool").contains("1.30×");
        assertThat(failed.stdout()).contains("slower: ").contains("wrote ");
        assertThat(compare(a.toString(), b.toString()).exit()).as("without --fail-on-slower").isZero();
        assertThat(compare(ComparisonPage.FAIL_ON_SLOWER, b.toString(), a.toString()).exit())
                .as("B faster than A").isZero();
    }

    @Test
    void failOnSlowerExitsZeroWhereEverySharedResultIsEquivalent() throws Exception {
        Path a = threeGathers(100, 100, 100);
        Path b = threeGathers(100, 100, 100);

        Ended passed = compare(ComparisonPage.FAIL_ON_SLOWER, a.toString(), b.toString());

        assertThat(passed.exit()).as("%s", passed).isZero();
        assertThat(passed.stderr()).isEmpty();
        assertThat(passed.stdout()).contains("3 shared results: 0 different, 3 equivalent, 0 inconclusive");
        assertThat(Comparison.match(JmhRun.read(a), JmhRun.read(b)).slower()).isEmpty();
    }

    @Test
    void aWrongOptionOrRunCountIsOneLineAndExitTwo() throws Exception {
        Path a = threeGathers(100, 100, 100);

        Ended unknown = compare("--fail-on-faster", a.toString(), a.toString());
        Ended one = compare(ComparisonPage.FAIL_ON_SLOWER, a.toString());

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr()).singleElement().asString().contains("--fail-on-faster");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.stderr()).singleElement().asString().startsWith("usage: scripts/compare.sh");
    }

    /** A gather of the smoke run that recorded this code version. */
    private JmhRun runOfSource(String source) throws Exception {
        JsonObject result = Fixtures.gather(results, "virtualThreads", 10, 100, 1);
        JsonArray args = new JsonArray();
        result.getAsJsonArray("jvmArgs").forEach(arg -> {
            if (!arg.getAsString().startsWith("-D" + ResultKeys.SOURCE + "=")) {
                args.add(arg);
            }
        });
        args.add(new JsonPrimitive("-D" + ResultKeys.SOURCE + "=" + source));
        result.add("jvmArgs", args);
        return JmhRun.read(Fixtures.write(results, result));
    }

    /**
     * Other commits warn only where their benchmark code differs; where git cannot tell (a dirty
     * checkout, a commit it does not have, no git) the warning names the code versions as before.
     */
    @Test
    void otherCommitsWarnOnlyWhereTheBenchmarkCodeDiffers() throws Exception {
        JmhRun a = runOfSource("1111111");
        JmhRun b = runOfSource("2222222");
        JmhRun dirty = runOfSource("2222222 (with uncommitted changes)");

        assertThat(Comparison.code(a, b, (x, y) -> Optional.of(true))).isEqualTo(Comparison.Code.sameBenchmarkCode);
        assertThat(Comparison.warnings(a, b, Comparison.Code.sameBenchmarkCode)).isEmpty();
        assertThat(Comparison.warnings(a, b, Comparison.code(a, b, (x, y) -> Optional.of(false))))
                .containsExactly("the runs differ in benchmark code: A 1111111, B 2222222");
        assertThat(Comparison.warnings(a, b, Comparison.code(a, b, (x, y) -> Optional.empty())))
                .containsExactly("the runs differ in code version: A 1111111, B 2222222");
        assertThat(Comparison.code(a, dirty, (x, y) -> {
            throw new AssertionError("git asked about uncommitted changes");
        })).isEqualTo(Comparison.Code.unknown);
        assertThat(Comparison.code(a, runOfSource("1111111"), (x, y) -> {
            throw new AssertionError("git asked about one commit");
        })).isEqualTo(Comparison.Code.sameVersion);
        assertThat(Comparison.git(results).same("1111111", "2222222")).as("no checkout here, or no git").isEmpty();
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
