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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The recommendation rule on constructed data, and the tuning report of a real sweep. */
class TuningTest {

    @TempDir
    Path folder;

    private static Tuning.Point point(int setting, double ms, double errorMs) {
        return new Tuning.Point(setting, ms, errorMs, ms, null, null);
    }

    @Test
    void picksTheSmallestSettingWhoseIntervalOverlapsTheBests() {
        // 1000, 500, 250, then the floor: 130 ± 4 at 8 reaches down to the best, 125 ± 2 at 32; 250 ± 3 does not.
        List<Tuning.Point> points = List.of(point(1, 1000, 10), point(2, 500, 5), point(4, 250, 3), point(8, 130, 4),
                point(16, 126, 2), point(32, 125, 2), point(64, 127, 2));

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
    void aSettingSignificantlySlowerIsNotChosenHoweverCloseItIs() {
        // 102 ± 0.5 is 2 % above 100 ± 0.5, but the intervals do not meet: the rule of 5 % would have taken it.
        List<Tuning.Point> tight = List.of(point(4, 210, 2), point(8, 102, 0.5), point(16, 100, 0.5), point(32, 100.3, 0.5));
        assertThat(Tuning.recommend(tight)).get().extracting(Tuning.Point::setting).isEqualTo(16);

        // The same times with wider intervals cannot tell 8 from 16: 8 is not significantly slower.
        List<Tuning.Point> wider = List.of(point(4, 210, 2), point(8, 102, 2), point(16, 100, 2), point(32, 100.3, 2));
        assertThat(Tuning.recommend(wider)).get().extracting(Tuning.Point::setting).isEqualTo(8);
    }

    @Test
    void intervalsTooWideOrMissingAreUndetermined() {
        List<Tuning.Point> noisy = List.of(point(4, 210, 30), point(8, 104, 20), point(16, 100, 15));
        assertThat(Tuning.recommend(noisy)).isEmpty();
        assertThat(Tuning.undetermined(noisy)).get().asString()
                .isEqualTo("the interval at 8 is ±19 %, wider than ±10 %, too wide to call 8 as fast as 16");

        List<Tuning.Point> unknown = List.of(point(4, 210, 2), point(8, 100, Double.NaN));
        assertThat(Tuning.recommend(unknown)).isEmpty();
        assertThat(Tuning.undetermined(unknown)).get().asString().contains("no interval");
    }

    @Test
    void aWideBestIsStillTheAnswerWhenEverySmallerSettingIsSlowerBeyondBothIntervals() {
        // The best's interval is ±14 %, but 64 lies above it beyond both intervals, and so does each smaller one.
        List<Tuning.Point> points = List.of(point(8, 277, 4), point(16, 149, 1), point(32, 87, 3), point(64, 52.1, 3.1),
                point(100, 34.5, 4.7));

        assertThat(Tuning.undetermined(points)).isEmpty();
        assertThat(Tuning.recommend(points)).get().extracting(Tuning.Point::setting).isEqualTo(100);
    }

    @Test
    void aSingleSettingIsItsOwnRecommendationAndNoneGivesNone() {
        assertThat(Tuning.recommend(List.of(point(5, 42, 1)))).get().extracting(Tuning.Point::setting).isEqualTo(5);
        assertThat(Tuning.recommend(List.of())).isEmpty();
    }

    /**
     * The full profile's sweep at N = 100 and 20 ms (fixtures/sweep-n100): what each series
     * recommends, read off the data by hand. Five recommend 100, since every smaller setting is
     * slower beyond both intervals; the JDK client's executor, which does not bound the requests,
     * gives 8 to 100 overlapping times, and the smallest of them is ±16 %: undetermined.
     */
    @Test
    void theFullSweepRecommendsWhatItsIntervalsAllow() throws Exception {
        List<Row> rows = Row.of(JmhRun.read(Fixtures.copy("sweep-n100", folder)));

        List<Tuning.Recommendation> recommendations = Tuning.recommendations(rows);

        assertThat(recommendations).extracting(r -> r.series().name(), r -> r.chosen().map(Tuning.Point::setting)
                .orElse(0), r -> Math.round(r.requestsInFlight())).containsExactlyInAnyOrder(
                tuple("threadPool", 100, 53L), tuple("completableFuture", 100, 53L), tuple("virtualThreads", 100, 62L),
                tuple("okHttpAsync", 100, 57L), tuple("okHttpAsync with OkHttp's default connection pool", 100, 49L),
                tuple("httpClientAsync", 0, 56L));
        assertThat(recommendations).allSatisfy(r -> assertThat(r.series().points())
                .extracting(Tuning.Point::setting).containsExactly(8, 16, 32, 64, 100));
        Tuning.Recommendation jdk = recommendations.stream().filter(r -> r.series().model() == Model.httpClientAsync)
                .findFirst().orElseThrow();
        assertThat(jdk.best().setting()).isEqualTo(100);
        assertThat(jdk.undetermined()).hasValue("the interval at 8 is ±16 %, wider than ±10 %, too wide to call 8 as "
                + "fast as 100");
    }

    @Test
    void aRealSweepGetsATuningChartPerModelAndARecommendationPerSeries() throws Exception {
        Path json = Fixtures.copy("sweep", folder);
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
            assertThat(recommendation.chosen().isPresent()).isNotEqualTo(recommendation.undetermined().isPresent());
            assertThat(recommendation.describe()).contains("Little's law").contains("in flight on average");
        }

        Map<String, Charts.NamedChart> charts = Charts.of(rows, run.environment()).stream()
                .collect(Collectors.toMap(Charts.NamedChart::fileName, c -> c));
        assertThat(charts).containsOnlyKeys("sweep-N10-gather-20ms-fixed-tuning-threadPool",
                "sweep-N10-gather-20ms-fixed-tuning-virtualThreads", "sweep-N10-gather-20ms-fixed-tuning-okHttpAsync");
        XYChart okHttp = (XYChart) charts.get("sweep-N10-gather-20ms-fixed-tuning-okHttpAsync").chart();
        // The recommended setting of each series is marked on the chart: the one the recommendation names.
        int recommended = recommendations.stream().filter(r -> r.series().name().equals("okHttpAsync")).findFirst()
                .orElseThrow().chosen().orElseThrow().setting();
        assertThat(okHttp.getSeriesMap()).containsOnlyKeys("measured: okHttpAsync",
                "measured: okHttpAsync with OkHttp's default connection pool", "predicted (either pool)",
                "recommended: " + recommended + " (okHttpAsync)",
                "recommended: 8 (okHttpAsync with OkHttp's default connection pool)");
        assertThat(okHttp.getSeriesMap().get("recommended: " + recommended + " (okHttpAsync)").getXData())
                .containsExactly(recommended);
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
