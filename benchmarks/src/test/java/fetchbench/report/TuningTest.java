package fetchbench.report;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Row;
import fetchbench.analysis.Tuning;
import fetchbench.charts.Charts;
import fetchbench.result.JmhRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fetchbench.catalog.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The recommendation rule on constructed data, and the tuning report of a real sweep. */
class TuningTest {

    @TempDir
    Path folder;

    /** A setting measured in five forks whose means have this mean and 95 % half-width (one fork where NaN). */
    private static Tuning.Point point(int setting, double ms, double halfWidth) {
        List<Double> means = Fixtures.forkMeans(ms, halfWidth);
        return new Tuning.Point(setting, new ForkMeans(means, 2 * means.size()), ms, null, null);
    }

    @Test
    void picksTheSmallestSettingEquivalentToTheBest() {
        // 1000, 500, 250, then the floor: 126 ± 1 at 8 is within 3 % of the best, 125 ± 1 at 32; 250 is not.
        List<Tuning.Point> points = List.of(point(1, 1000, 10), point(2, 500, 5), point(4, 250, 3), point(8, 126, 1),
                point(16, 125.5, 1), point(32, 125, 1), point(64, 127, 1));

        assertThat(Tuning.recommend(points)).get().extracting(Tuning.Point::setting).isEqualTo(8);
        assertThat(Tuning.best(points)).get().extracting(Tuning.Point::setting).isEqualTo(32);
    }

    @Test
    void onATieTheSmallerSettingWins() {
        List<Tuning.Point> points = List.of(point(16, 100, 1), point(8, 100, 1), point(32, 100, 1), point(4, 200, 1));

        assertThat(Tuning.recommend(points)).get().extracting(Tuning.Point::setting).isEqualTo(8);
        assertThat(Tuning.best(points)).get().extracting(Tuning.Point::setting).isEqualTo(8);
    }

    @Test
    void aSettingOverTheMarginOrNotShownEquivalentIsNotChosen() {
        // 104 ± 0.5 is 4 % above 100 ± 0.5: different, though its interval touches nothing but the margin.
        List<Tuning.Point> tight = List.of(point(4, 210, 2), point(8, 104, 0.5), point(16, 100, 0.5), point(32, 100.3, 0.5));
        assertThat(Tuning.recommend(tight)).get().extracting(Tuning.Point::setting).isEqualTo(16);

        // 102 ± 4 cannot be told from 100 ± 0.5 either way: inconclusive, so not recommended either (the old rule,
        // overlapping intervals, took it).
        List<Tuning.Point> wide = List.of(point(4, 210, 2), point(8, 102, 4), point(16, 100, 0.5), point(32, 100.3, 0.5));
        Tuning.Point best = Tuning.best(wide).orElseThrow();
        assertThat(Tuning.against(best, wide)).filteredOn(a -> a.point().setting() == 8).singleElement()
                .extracting(Tuning.Against::judgement).isEqualTo(Judgement.inconclusive);
        assertThat(Tuning.recommend(wide)).get().extracting(Tuning.Point::setting).isEqualTo(16);
    }

    @Test
    void aBestWithOneForkIsUndetermined() {
        List<Tuning.Point> unknown = List.of(point(4, 210, 2), point(8, 100, Double.NaN));
        assertThat(Tuning.recommend(unknown)).isEmpty();
    }

    @Test
    void aSingleSettingIsItsOwnRecommendationAndNoneGivesNone() {
        assertThat(Tuning.recommend(List.of(point(5, 42, 1)))).get().extracting(Tuning.Point::setting).isEqualTo(5);
        assertThat(Tuning.recommend(List.of())).isEmpty();
    }

    /**
     * The full profile's sweep at N = 100 and 20 ms (fixtures/sweep-n100): every series recommends
     * the smallest setting equivalent to its best, or the best itself; never one that is not.
     */
    @Test
    void theFullSweepRecommendsOnlyWhatItsTestsAllow() throws Exception {
        List<Row> rows = Row.of(JmhRun.read(Fixtures.copy("sweep-n100", folder)));

        List<Tuning.Recommendation> recommendations = Tuning.recommendations(rows);

        assertThat(recommendations).extracting(r -> r.series().name(), r -> Math.round(r.requestsInFlight()))
                .containsExactlyInAnyOrder(tuple("threadPool", 53L), tuple("completableFuture", 53L),
                        tuple("virtualThreads", 62L), tuple("okHttpAsync", 57L),
                        tuple("okHttpAsync with OkHttp's default connection pool", 49L), tuple("httpClientAsync", 56L));
        assertThat(recommendations).allSatisfy(r -> {
            assertThat(r.series().points()).extracting(Tuning.Point::setting).containsExactly(8, 16, 32, 64, 100);
            Tuning.Point chosen = r.chosen().orElseThrow();
            assertThat(r.others()).filteredOn(a -> a.point().setting() < chosen.setting())
                    .allSatisfy(a -> assertThat(a.judgement()).isNotEqualTo(Judgement.equivalent));
            if (chosen != r.best()) {
                assertThat(r.others()).filteredOn(a -> a.point() == chosen).singleElement()
                        .extracting(Tuning.Against::judgement).isEqualTo(Judgement.equivalent);
            }
        });
    }

    /** Each series' line names its chosen setting and how it stands against the best, and the smaller settings' verdicts. */
    @Test
    void eachRecommendationLineSaysHowTheChosenSettingStandsAgainstTheBest() throws Exception {
        List<Tuning.Recommendation> recommendations = Tuning.recommendations(
                Row.of(JmhRun.read(Fixtures.copy("sweep-n100", folder))));

        assertThat(recommendations).allSatisfy(r -> {
            Tuning.Point chosen = r.chosen().orElseThrow();
            String line = r.describe();
            assertThat(line).startsWith(r.series().name() + ": " + r.series().swept() + " " + chosen.setting() + " — ");
            assertThat(line).contains(String.format(java.util.Locale.ROOT, "Little's law (L = λ·W): 100 fetches of 20 ms in %.1f ms is about %d in flight",
                    r.best().ms(), Math.round(r.requestsInFlight())));
            if (chosen == r.best()) {
                assertThat(line).contains(" ms, the best measured");
            } else {
                assertThat(line).contains("equivalent to the best (" + fetchbench.analysis.Words.meanAndError(
                        r.best().ms(), r.best().forks().halfWidth()) + " ms at " + r.best().setting() + "): ");
            }
            r.others().stream().filter(a -> a.point().setting() < chosen.setting()).forEach(a ->
                    assertThat(line).contains(a.point().setting() + " " + a.judgement()));
            if (chosen.setting() == 8) {
                assertThat(line).doesNotContain("smaller settings");
            }
        });
        Tuning.Recommendation undetermined = new Tuning.Recommendation(recommendations.get(0).series(),
                java.util.Optional.empty(), point(8, 100, Double.NaN), List.of());
        assertThat(undetermined.describe()).contains(" undetermined — the best measured (100.0 ms at 8) has one fork, so no interval.");
    }

    @Test
    void aRealSweepGetsATuningChartPerModelAndARecommendationPerSeries() throws Exception {
        Path json = Fixtures.copy("sweep", folder);
        // The fixture has one fork per result: five forks around each score (± 1 %) let each series recommend.
        // OkHttp's sized series gets a flat end, so that its best (k = 4), its largest (8) and the
        // smallest setting equivalent to the best (2, within 3 %) are three different settings.
        Map<String, Double> flatEnd = Map.of("2", 47.0, "4", 46.6);
        var results = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        results.forEach(r -> {
            JsonObject primary = r.getAsJsonObject().getAsJsonObject("primaryMetric");
            JsonObject params = r.getAsJsonObject().getAsJsonObject("params");
            if (params.has("model") && params.get("model").getAsString().equals("okHttpAsync")
                    && params.get("connectionPool").getAsString().equals("sized")
                    && flatEnd.containsKey(params.get("concurrency").getAsString())) {
                primary.addProperty("score", flatEnd.get(params.get("concurrency").getAsString()));
            }
            double score = primary.get("score").getAsDouble();
            primary.add("rawData", Fixtures.forks(score, score / 100));
        });
        Files.writeString(json, results.toString());
        JmhRun run = JmhRun.read(json);
        List<Row> rows = Row.of(run);

        List<Tuning.Series> series = Tuning.series(rows);
        assertThat(series).extracting(Tuning.Series::name).containsExactly("threadPool", "virtualThreads",
                "okHttpAsync", "okHttpAsync with OkHttp's default connection pool");
        assertThat(series).allSatisfy(s -> {
            assertThat(s.points()).extracting(Tuning.Point::setting).containsExactly(1, 2, 4, 8);
            assertThat(s.urls()).isEqualTo(10);
            assertThat(s.meanDelayMs()).isEqualTo(20.0);
        });
        // Each point is the JSON's score for that setting.
        Row threadPool8 = rows.stream().filter(r -> r.setting().equals("threadPool (k=8)")).findFirst().orElseThrow();
        assertThat(series.get(0).points().get(3).ms()).isEqualTo(threadPool8.measuredMs());
        assertThat(series.get(0).points().get(3).threads()).isNotNull();

        List<Tuning.Recommendation> recommendations = Tuning.recommendations(rows);
        assertThat(recommendations).hasSize(4);
        for (Tuning.Recommendation recommendation : recommendations) {
            assertThat(recommendation.describe()).contains("Little's law").contains("in flight on average");
        }
        // Falling all the way, the others recommend their best and largest; OkHttp's flat end, the smallest equivalent.
        assertThat(recommendations).extracting(r -> r.series().name(), r -> r.best().setting(),
                r -> r.chosen().orElseThrow().setting()).containsExactlyInAnyOrder(tuple("threadPool", 8, 8),
                tuple("virtualThreads", 8, 8), tuple("okHttpAsync", 4, 2),
                tuple("okHttpAsync with OkHttp's default connection pool", 8, 8));

        Map<String, Charts.NamedChart> charts = Charts.of(rows, run.environment()).stream()
                .collect(Collectors.toMap(Charts.NamedChart::fileName, c -> c));
        assertThat(charts).containsOnlyKeys("sweep-N10-gather-20ms-fixed-tuning-threadPool",
                "sweep-N10-gather-20ms-fixed-tuning-virtualThreads", "sweep-N10-gather-20ms-fixed-tuning-okHttpAsync");
        XYChart okHttp = (XYChart) charts.get("sweep-N10-gather-20ms-fixed-tuning-okHttpAsync").chart();
        // The recommended setting of each series is marked on the chart, not its best.
        String defaultPool = "okHttpAsync with OkHttp's default connection pool";
        assertThat(okHttp.getSeriesMap()).containsOnlyKeys("measured: okHttpAsync", "measured: " + defaultPool,
                "predicted (either pool)", "recommended: 2 (okHttpAsync)", "recommended: 8 (" + defaultPool + ")");
        assertThat(okHttp.getSeriesMap().get("recommended: 2 (okHttpAsync)").getXData()).containsExactly(2);
        assertThat(okHttp.getSeriesMap().get("predicted (either pool)").getYData())
                .containsExactly(200.0, 100.0, 60.0, 40.0);

        Report.render(json);
        String index = Files.readString(json.resolveSibling("index.html"));
        assertThat(index).contains("Tuning: what to set").contains("threadPool: pool size k ");
        // The console shows each swept setting's result as well as what to set.
        assertThat(Report.summary(run)).contains("sweep at N=").contains("threadPool (k=1) ")
                .contains("  - okHttpAsync with OkHttp's default connection pool: "
                + "maxRequestsPerHost ");
    }
}
