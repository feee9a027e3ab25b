package fetchbench.report;

import fetchbench.bench.BareClientBenchmark;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Calibration;
import fetchbench.analysis.Row;
import fetchbench.result.JmhRun;

import fetchbench.result.Benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import fetchbench.catalog.Model;
import fetchbench.result.Notes;
import fetchbench.result.ResultKeys;
import fetchbench.result.ServerCheckOutcome;
import fetchbench.workload.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a current smoke run (fixtures/smoke, every shape and model) and of copies of it
 * mutated the way a run goes wrong: each prediction worked out by hand from the fixture's own
 * parameters, a floor that raises a prediction, a failed server check, models left out.
 */
class SmokeRunReportTest {

    @TempDir
    Path folder;

    private List<Row> rows(Path json) throws Exception {
        return Row.of(JmhRun.read(json));
    }

    private static Row row(List<Row> rows, Shape shape, Model model, int concurrency, int urls) {
        return rows.stream().filter(r -> r.shape() == shape && r.model() == model && r.concurrency() == concurrency
                && r.urls() == urls).findFirst()
                .orElseThrow(() -> new AssertionError("no " + shape + " " + model + " " + concurrency + " N=" + urls));
    }

    @Test
    void everyShapesPredictionIsTheOneWorkedOutByHand() throws Exception {
        List<Row> rows = rows(Fixtures.copy("smoke", folder));

        // Gather, 10 URLs of 20 ms: a pool of 4 runs 3 waves; one slot per URL, one delay.
        assertThat(row(rows, Shape.gather, Model.threadPool, 4, 10).theoryMs()).isEqualTo(60);
        assertThat(row(rows, Shape.gather, Model.structured, 0, 10).theoryMs()).isEqualTo(20);
        // Workers, 8 staggered URLs of 30, 20, 10, 4, 30, 20, 10, 4 ms: one worker takes their sum;
        // two take the greedy schedule (30 ‖ 20+10, then 4+20+10 ‖ 30+4), which ends at 64 ms.
        assertThat(row(rows, Shape.workers, Model.sequential, 1, 8).theoryMs()).isEqualTo(128);
        assertThat(row(rows, Shape.workers, Model.threadPool, 2, 8).theoryMs()).isEqualTo(64);
        // As completed, the same URLs: the last to finish (30 ms) with a slot each, their sum one at a time.
        assertThat(row(rows, Shape.asCompleted, Model.virtualThreads, 0, 8).theoryMs()).isEqualTo(30);
        assertThat(row(rows, Shape.asCompleted, Model.sequential, 1, 8).theoryMs()).isEqualTo(128);
        // Race of 3 replicas (HTTP 500 at once, 200 after 40 ms, 200 after 20 ms): the first 200.
        assertThat(row(rows, Shape.race, Model.okHttpAsync, 5, 3).theoryMs()).isEqualTo(20);
        assertThat(row(rows, Shape.race, Model.httpClientAsync, 0, 3).theoryMs()).isEqualTo(20);
        // Deadline of 100 ms over URLs of 40 and 400 ms: the deadline, one at a time or not.
        assertThat(row(rows, Shape.deadline, Model.sequential, 1, 8).theoryMs()).isEqualTo(100);
        assertThat(row(rows, Shape.deadline, Model.virtualThreads, 0, 8).theoryMs()).isEqualTo(100);
        // Failures, 7 URLs: healthy ones of 20 and 60 ms, the five failures at once: 60 ms, or 80 one at a time.
        assertThat(row(rows, Shape.failures, Model.virtualThreads, 0, 7).theoryMs()).isEqualTo(60);
        assertThat(row(rows, Shape.failures, Model.sequential, 1, 7).theoryMs()).isEqualTo(80);
        // CPU-heavy, 10 URLs of 10 ms plus the work the run measured (9.261 to 9.399 ms alone, rounded to
        // 9): one at a time 10 × 19 ms; a pool of 2 in 5 waves of 19 ms; a pool of 16 is bound by the
        // 2 cores: 10 × 9.883 ms (the work with all cores busy) ÷ 2.
        assertThat(row(rows, Shape.cpuHeavy, Model.sequential, 1, 10).theoryMs()).isEqualTo(190);
        assertThat(row(rows, Shape.cpuHeavy, Model.threadPool, 2, 10).theoryMs()).isEqualTo(95);
        assertThat(row(rows, Shape.cpuHeavy, Model.threadPool, 16, 10).theoryMs()).isCloseTo(49.4, offset(0.05));
    }

    @Test
    void aFloorAboveTheTheoryRaisesThePredictionAndTopsTheBand() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        Row asRun = row(rows(json), Shape.gather, Model.threadPool, 20, 10);
        assertThat(asRun.floorMs()).isCloseTo(7.7, offset(0.05)); // the OkHttp bare client at N=10
        assertThat(asRun.predictedMs()).isEqualTo(20);

        mutate(json, result -> {
            if (result.get("benchmark").getAsString().equals(Benchmarks.BARE_CLIENT) && param(result, "client").equals("okHttp")
                    && param(result, "urls").equals("10") && param(result, "delayMs").equals("1")) {
                result.getAsJsonObject("primaryMetric").addProperty("score", 300.0);
            }
        });
        Row raised = row(rows(json), Shape.gather, Model.threadPool, 20, 10);

        assertThat(raised.theoryMs()).isEqualTo(20);
        assertThat(raised.floorMs()).isEqualTo(300);
        assertThat(raised.predictedMs()).isEqualTo(300);
        assertThat(raised.bandTopMs()).isEqualTo(320);
        // At N=8 the floor is read off the smallest N measured, the same 300 ms.
        assertThat(row(rows(json), Shape.workers, Model.threadPool, 2, 8).predictedMs()).isEqualTo(300);
        // The JDK client's floor is its own, untouched.
        assertThat(row(rows(json), Shape.gather, Model.httpClientAsync, 0, 10).predictedMs()).isEqualTo(20);
        Report.render(json);
        assertThat(Files.readString(json.resolveSibling("index.html")))
                .contains("floor at N=10 (okHttp bare client, 1 ms delay): 300.0 ms (one fork, no interval)");
    }

    @Test
    void aFailedServerCheckIsABannerAndAFlagOnEveryResultAtThatN() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        Report.render(json);
        assertThat(Files.readString(json.resolveSibling("index.html"))).contains("<p class=\"env\">Server check: ok at N=10")
                .doesNotContain("server check failed");

        mutate(json, result -> {
            replaceJvmArg(result, ResultKeys.SERVER_CHECK, ServerCheckOutcome.encode(List.of(
                    new ServerCheckOutcome(100, 20, 400, 175, false, "CPU"))));
            addJvmArg(result, ResultKeys.SERVER_CHECK_FAILED, "100");
        });
        Report.render(json);
        List<Row> rows = rows(json);

        assertThat(Files.readString(json.resolveSibling("index.html")))
                .contains("<p class=\"sig\">Server check FAILED at N=100: the results at that N measure the server, "
                        + "not the models (they are flagged in the tables).</p>")
                .contains("<p class=\"env\">Server check: FAILED at N=100, 20 ms (400 ms, bound 175); likely limit: "
                        + "CPU; results at N=100 measure the server, not the models</p>");
        assertThat(rows.stream().filter(r -> r.urls() == 100)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.flags()).contains("server check failed at N=100"));
        assertThat(rows.stream().filter(r -> r.urls() != 100)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.flags()).doesNotContain("server check"));
    }

    @Test
    void whatTheRunLeftOutIsListedOnThePageAndTheConsole() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        Report.render(json);
        assertThat(Files.readString(json.resolveSibling("index.html"))).doesNotContain("Left out of this run");

        mutate(json, result -> addJvmArg(result, ResultKeys.NOTES, Notes.encode(List.of("structured needs JDK 25",
                "sequential skipped for urls=100 (batches over the budget) | a bar in a note is no separator"))));
        Report.render(json);

        assertThat(Files.readString(json.resolveSibling("index.html"))).contains("<h2>Left out of this run</h2>\n<ul>\n"
                + "<li>structured needs JDK 25</li>\n<li>sequential skipped for urls=100 (batches over the budget) | a bar "
                + "in a note is no separator</li>\n</ul>");
        assertThat(Report.summary(JmhRun.read(json))).contains("== Left out of this run\n  - structured needs JDK 25\n"
                + "  - sequential skipped for urls=100 (batches over the budget) | a bar in a note is no separator\n");
    }

    /** Rewrites every result of the run's jmh.json in place. */
    private static void mutate(Path json, Consumer<JsonObject> change) throws Exception {
        JsonArray results = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        results.forEach(result -> change.accept(result.getAsJsonObject()));
        Files.writeString(json, results.toString());
    }

    private static String param(JsonObject result, String name) {
        JsonElement value = result.getAsJsonObject("params").get(name);
        return value == null ? "" : value.getAsString();
    }

    private static void addJvmArg(JsonObject result, String key, String value) {
        result.getAsJsonArray("jvmArgs").add(new JsonPrimitive("-D" + key + "=" + value));
    }

    private static void replaceJvmArg(JsonObject result, String key, String value) {
        JsonArray args = result.getAsJsonArray("jvmArgs");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).getAsString().startsWith("-D" + key + "=")) {
                args.set(i, new JsonPrimitive("-D" + key + "=" + value));
            }
        }
    }
}
