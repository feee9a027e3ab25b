package fetchbench.report;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Load;
import fetchbench.analysis.Row;
import fetchbench.analysis.Verdict;
import fetchbench.result.JmhRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonObject;
import fetchbench.catalog.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import com.google.gson.JsonArray;
import fetchbench.analysis.Ranking;
import fetchbench.stats.Judgement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Which model?": each verdict and what to set, read off constructed results and off the smoke run. */
class VerdictTest {

    @TempDir
    Path folder;

    private List<Verdict> verdicts(JsonObject... results) throws Exception {
        return Verdict.of(Row.of(JmhRun.read(Fixtures.write(folder, results))));
    }

    private JsonObject gather(String model, int concurrency, int maxRequests, int urls, double ms,
                                              double error) throws Exception {
        return Fixtures.result(folder, "fetchbench.bench.GatherBenchmark.gather", Map.of("model", model, "urls",
                String.valueOf(urls), "delayMs", "100", "concurrency", String.valueOf(concurrency), "maxRequests",
                String.valueOf(maxRequests)), ms, error);
    }

    @Test
    void aBoundedModelIsCappedByItsLimitAndToldTheSettingThatLiftsIt() throws Exception {
        List<Verdict> verdicts = verdicts(gather("threadPool", 20, 0, 100, 512, 3),
                gather("okHttpAsync", 0, 64, 100, 2040, 10), gather("sequential", 0, 0, 10, 1012, 1));

        assertThat(verdicts).extracting(Verdict::setting, Verdict::verdict, Verdict::toSet).containsExactly(
                tuple("sequential", "at N = 10: one at a time: N waves of the delay",
                        "use a concurrent model"),
                tuple("threadPool (k=20)",
                        "at N = 100: capped by its pool of 20: 20 in flight, 5 waves", "pool size ≥ N, or virtual threads"),
                tuple("okHttpAsync (5/host, 64 total)",
                        "at N = 100: capped by OkHttp's Dispatcher (5 per host, 64 in all): 5 in flight, 20 waves",
                        "Dispatcher maxRequestsPerHost and maxRequests ≥ N"));
    }

    @Test
    void anUnboundedModelIsAtTheIdealWithinTheFloorOrCpuBoundPastIt() throws Exception {
        // No floor in these results: the band is the ideal alone, one wave of 100 ms; 101 ± 2 reaches it.
        List<Verdict> verdicts = verdicts(gather("virtualThreads", 0, 0, 100, 101, 2),
                gather("structured", 0, 0, 100, 170, 5), gather("httpClientAsync", 0, 0, 100, 150, 40));

        assertThat(verdicts.get(0).verdict()).isEqualTo("at N = 100: at the ideal: all 100 in flight");
        assertThat(verdicts.get(0).toSet()).isEqualTo("nothing: no bound");
        assertThat(verdicts).filteredOn(v -> v.setting().equals("structured")).singleElement()
                .satisfies(v -> assertThat(v.verdict()).isEqualTo("at N = 100: all 100 in flight but CPU-bound at this N: "
                        + "1.70× the ideal, past the ideal plus the floor"));
        // ±27 %, yet wholly above the band [100, 100]: however wide, an interval outside the band is placed.
        assertThat(verdicts).filteredOn(v -> v.setting().startsWith("httpClientAsync")).singleElement()
                .satisfies(v -> assertThat(v.verdict()).endsWith("1.50× the ideal, past the ideal plus the floor"));
    }

    @Test
    void theFastestAreTheBestAndEverySettingEquivalentToIt() throws Exception {
        List<Verdict> verdicts = verdicts(gather("virtualThreads", 0, 0, 100, 110, 1),
                gather("structured", 0, 0, 100, 110.5, 1), gather("reactor", 0, 0, 100, 114, 8),
                gather("threadPool", 20, 0, 100, 512, 3));

        List<Ranking> rankings = Verdict.rankings(verdicts);
        assertThat(rankings).singleElement().satisfies(ranking -> {
            assertThat(ranking.fastest()).extracting(Row::setting).containsExactly("virtualThreads", "structured");
            assertThat(ranking.judged(Judgement.inconclusive)).extracting(a -> a.row().setting())
                    .containsExactly("reactor (flatMap default 256)");
            assertThat(ranking.judged(Judgement.different)).extracting(a -> a.row().setting())
                    .containsExactly("threadPool (k=20)");
        });
    }

    /** A drifting result is left out of the comparison, and says why. */
    @Test
    void aDriftingResultIsLeftOutOfTheFastest() throws Exception {
        JsonObject drifting = gather("virtualThreads", 0, 0, 100, 100, 1);
        JsonArray forks = new JsonArray();
        for (int f = 0; f < 5; f++) {
            JsonArray batches = new JsonArray();
            for (int b = 0; b < 10; b++) {
                batches.add(120.0 - 4 * b + f * 0.1);
            }
            forks.add(batches);
        }
        drifting.getAsJsonObject("primaryMetric").add("rawData", forks);
        List<Verdict> verdicts = verdicts(drifting, gather("structured", 0, 0, 100, 110, 1));

        Ranking ranking = Verdict.rankings(verdicts).get(0);
        assertThat(ranking.best().setting()).isEqualTo("structured");
        assertThat(ranking.leftOut()).singleElement().satisfies(row -> {
            assertThat(row.drifting()).isTrue();
            assertThat(row.flags()).startsWith("drifting");
        });
        assertThat(verdicts.get(0).verdict()).contains("drifting");
    }

    @Test
    void theSmokeRunsTableComesFirstOnItsPageAndLastOnTheConsole() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        JmhRun run = JmhRun.read(json);
        List<Verdict> verdicts = Verdict.of(Row.of(run));

        // The headline is gather at 20 ms, the scenario with the most N; every setting of it, once.
        assertThat(verdicts).hasSize(9).allSatisfy(v -> assertThat(v.byN().keySet()).isSubsetOf(10, 100));
        assertThat(verdicts).filteredOn(v -> v.setting().equals("completableFuture (default executor)")).singleElement()
                .satisfies(v -> assertThat(v.verdict()).startsWith("at N = 100: serialised by its default executor (1 at a time"));
        Report.render(json);
        String page = Files.readString(json.resolveSibling(Report.INDEX));
        assertThat(page.indexOf("<section id=\"which-model\">")).isPositive().isLessThan(page.indexOf("<nav id=\"contents\">"));
        String console = Report.summary(run);
        assertThat(console.substring(console.lastIndexOf("== Which model?"))).contains("Fastest, gather, delay 20 ms "
                + "fixed").contains("  - N = 100: ");
        assertThat(fetchbench.document.MarkdownRenderer.blocks(WhichModelSection.of(verdicts, Load.of(run),
                java.util.Optional.empty()))).startsWith("**Fastest**, gather").contains("| structured |");
        // The fixture's run had every model but those that came later: reactor, apacheAsync and jettyAsync.
        assertThat(Model.values()).filteredOn(model -> model.ordinal() < Model.reactor.ordinal()
                        || model == Model.structured)
                .allSatisfy(model -> assertThat(verdicts).anyMatch(v -> v.setting().startsWith(model.name())));
    }
}
