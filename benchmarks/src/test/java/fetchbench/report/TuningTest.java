package fetchbench.report;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static Tuning.Point point(int setting, double ms) {
        return new Tuning.Point(setting, ms, 1, ms, null, null);
    }

    @Test
    void picksTheSmallestSettingWithinFivePercentOfTheBest() {
        // 1000, 500, 250, then the floor: 130 at 8 is within 5 % of the best 125 at 32.
        List<Tuning.Point> points = List.of(point(1, 1000), point(2, 500), point(4, 250), point(8, 130),
                point(16, 126), point(32, 125), point(64, 127));

        assertThat(Tuning.recommend(points)).get().extracting(Tuning.Point::setting).isEqualTo(8);
        assertThat(Tuning.best(points)).get().extracting(Tuning.Point::setting).isEqualTo(32);
    }

    @Test
    void onATieTheSmallerSettingWins() {
        List<Tuning.Point> points = List.of(point(16, 100), point(8, 100), point(32, 100), point(4, 200));

        assertThat(Tuning.recommend(points)).get().extracting(Tuning.Point::setting).isEqualTo(8);
        assertThat(Tuning.best(points)).get().extracting(Tuning.Point::setting).isEqualTo(8);
    }

    @Test
    void noiseAboveTheKneeDoesNotMoveTheRecommendationUpAndJustOutsideDoesNotCount() {
        // Past the knee the times wobble by a few per cent; 105.1 is just outside 5 % of 100.
        List<Tuning.Point> noisy = List.of(point(1, 800), point(2, 400), point(4, 210), point(8, 104),
                point(16, 100), point(32, 103), point(64, 101));
        assertThat(Tuning.recommend(noisy)).get().extracting(Tuning.Point::setting).isEqualTo(8);

        List<Tuning.Point> justOutside = List.of(point(4, 105.1), point(8, 100), point(16, 104.9));
        assertThat(Tuning.recommend(justOutside)).get().extracting(Tuning.Point::setting).isEqualTo(8);
    }

    @Test
    void aSingleSettingIsItsOwnRecommendationAndNoneGivesNone() {
        assertThat(Tuning.recommend(List.of(point(5, 42)))).get().extracting(Tuning.Point::setting).isEqualTo(5);
        assertThat(Tuning.recommend(List.of())).isEmpty();
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
            assertThat(recommendation.chosen()).isEqualTo(Tuning.recommend(recommendation.series().points()).get());
            assertThat(recommendation.describe()).contains("Little's law").contains("in flight on average");
        }

        Map<String, Charts.NamedChart> charts = Charts.of(rows, run.environment()).stream()
                .collect(Collectors.toMap(Charts.NamedChart::fileName, c -> c));
        assertThat(charts).containsOnlyKeys("sweep-N10-gather-20ms-fixed-tuning-threadPool",
                "sweep-N10-gather-20ms-fixed-tuning-virtualThreads", "sweep-N10-gather-20ms-fixed-tuning-okHttpAsync");
        XYChart okHttp = (XYChart) charts.get("sweep-N10-gather-20ms-fixed-tuning-okHttpAsync").chart();
        assertThat(okHttp.getSeriesMap()).containsOnlyKeys("measured: okHttpAsync",
                "measured: okHttpAsync with OkHttp's default connection pool", "predicted (either pool)");
        assertThat(okHttp.getSeriesMap().get("predicted (either pool)").getYData())
                .containsExactly(200.0, 100.0, 60.0, 40.0);

        Report.render(json);
        String index = Files.readString(json.resolveSibling("index.html"));
        assertThat(index).contains("Tuning: what to set").contains("threadPool: pool size k ");
        assertThat(Report.summary(run)).contains("tuning: okHttpAsync with OkHttp's default connection pool: "
                + "maxRequestsPerHost ");
    }
}
