package fetchbench.report;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Row;
import fetchbench.charts.Charts;
import fetchbench.charts.Palette;
import fetchbench.charts.Subtitle;
import fetchbench.result.JmhRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import fetchbench.catalog.Model;
import fetchbench.workload.Shape;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** The report rendered from a current smoke run's jmh.json (fixtures/smoke): the files, and the data each chart carries. */
class ReportTest {

    private static final Set<String> SETTINGS = Set.of("sequential", "threadPool (k=20)",
            "completableFuture (default executor)", "completableFuture (pool of 20)", "virtualThreads",
            "okHttpAsync (5/host, 64 total)", "okHttpAsync (100/host, 100 total)", "httpClientAsync (default executor)",
            "structured");

    /**
     * Charts per scenario: models per N (a second panel for the settings over 10× the fastest), one
     * per extra metric that is charted and not zero everywhere; gather adds scaling; a tuning chart
     * per swept model.
     */
    private static final int CHARTS = 47;
    private static final int CHARTS_WITHOUT_METRICS = 12;

    @TempDir
    Path folder;

    /** Each shape's charts have a section of their own, titled as the shape, before tuning, resources and load. */
    @Test
    void everyShapeHasAChartSectionOfItsOwn() {
        for (Shape shape : Shape.values()) {
            Charts.Section section = Charts.Section.of(shape);
            assertThat(section.title()).isEqualTo(shape.title());
            assertThat(section).isLessThan(Charts.Section.TUNING);
        }
        assertThat(Arrays.stream(Shape.values()).map(Charts.Section::of).distinct()).hasSize(Shape.values().length);
    }

    @Test
    void writesEveryChartAsPngAndTheIndexBesideTheJsonAndRemovesChartsNoLongerDrawn() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        byte[] before = Files.readAllBytes(json);
        // An earlier rendering's charts: one this report no longer draws, and an SVG of one it does.
        Path stale = Files.writeString(json.resolveSibling("gather-20ms-fixed-efficiency.png"), "old");
        Path oldSvg = Files.writeString(json.resolveSibling("gather-20ms-fixed-scaling.svg"), "<svg/>");

        List<Path> written = Report.render(json);

        List<String> charts = List.of("gather-20ms-fixed-models-N10", "gather-20ms-fixed-models-N100",
                "gather-20ms-fixed-scaling", "gather-20ms-fixed-models-N100-slow", "gather-20ms-fixed-metric-inflight-peak",
                "workers-20ms-staggered-seed42-models-N8", "race-20ms-fixed-models-N3", "deadline-100ms-fixed-metric-kept",
                "cpuHeavy-10ms-fixed-metric-work-ms", "sweep-N10-gather-20ms-fixed-tuning-threadPool");
        for (String chart : charts) {
            Path file = json.resolveSibling(chart + ".png");
            assertThat(written).contains(file);
            assertThat(Files.size(file)).as(file.toString()).isGreaterThan(1000);
        }
        assertThat(written).hasSize(CHARTS + 1).contains(json.resolveSibling("index.html"));
        assertThat(stale).doesNotExist();
        assertThat(oldSvg).doesNotExist();
        assertThat(Files.readAllBytes(json)).isEqualTo(before);
    }

    @Test
    void eachChartCarriesTheSeriesAndValuesOfTheFixture() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        JmhRun run = JmhRun.read(json);
        List<Row> rows = Row.of(run);
        Map<String, Charts.NamedChart> charts = Charts.of(rows, run.environment()).stream()
                .collect(Collectors.toMap(Charts.NamedChart::fileName, c -> c));

        // Models at N=100: a bar per setting in its model's colour, the prediction as grey diamonds; the
        // settings over 10× the fastest (structured, 30.1 ms) in a second panel.
        CategoryChart fast = (CategoryChart) charts.get("gather-20ms-fixed-models-N100").chart();
        CategoryChart slow = (CategoryChart) charts.get("gather-20ms-fixed-models-N100-slow").chart();
        assertThat(fast.getSeriesMap().keySet()).containsExactly("threadPool (k=20)", "completableFuture (pool of 20)",
                "virtualThreads", "okHttpAsync (100/host, 100 total)", "httpClientAsync (default executor)", "structured",
                "predicted");
        assertThat(slow.getSeriesMap().keySet()).containsExactly("sequential", "completableFuture (default executor)",
                "okHttpAsync (5/host, 64 total)", "predicted");
        assertThat(fast.getSeriesMap().get("virtualThreads").getFillColor()).isEqualTo(Palette.color(Model.virtualThreads));
        CategorySeries okHttpDefault = slow.getSeriesMap().get("okHttpAsync (5/host, 64 total)");
        int index = List.copyOf(okHttpDefault.getXData()).indexOf("okHttpAsync (5/host, 64 total)");
        assertThat(List.copyOf(okHttpDefault.getYData()).get(index).doubleValue())
                .isEqualTo(score(json, "okHttpAsync", "100", "5"));
        assertThat(List.copyOf(slow.getSeriesMap().get("predicted").getYData()).get(index).doubleValue())
                .isEqualTo(400.0); // ⌈100/5⌉ waves of 20 ms
        assertThat(SETTINGS).allSatisfy(setting -> assertThat(fast.getSeriesMap().containsKey(setting)
                || slow.getSeriesMap().containsKey(setting)).as(setting).isTrue());

        // Scaling: a line per setting plus the theory lines, on log–log axes.
        XYChart scaling = (XYChart) charts.get("gather-20ms-fixed-scaling").chart();
        assertThat(scaling.getSeriesMap().keySet()).containsAll(SETTINGS)
                .contains("theory: ideal ≈ d", "theory: sequential N·d", "theory: pool of 20 ⌈N/20⌉·d",
                        "theory: OkHttp's Dispatcher, 5 per host and 64 in all ⌈N/5⌉·d");
        assertThat(scaling.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(scaling.getSeriesMap().get("theory: sequential N·d").getYData()).containsExactly(200.0, 2000.0);
        assertThat(scaling.getSeriesMap().get("sequential").getYData()[1])
                .isEqualTo(score(json, "sequential", "100", "1"));

        // Extra metrics get a chart each, labelled with their unit.
        CategoryChart alloc = (CategoryChart) charts.get("gather-20ms-fixed-metric-gc-alloc-rate-norm").chart();
        assertThat(alloc.getYAxisTitle()).isEqualTo("B/op");
        assertThat(alloc.getTitle()).startsWith("memory allocated per batch");
        // A metric that is zero everywhere gets no chart: no connection was opened in a measured gather batch.
        assertThat(charts).doesNotContainKey("gather-20ms-fixed-metric-connects");
        assertThat(alloc.getSeriesMap().keySet()).containsExactlyInAnyOrderElementsOf(SETTINGS);

        // Every chart names the scenario and the environment under its title.
        assertThat(charts.values()).allSatisfy(c -> assertThat(subtitle(c)).contains("JDK 25").contains("2 cores"));
        assertThat(charts.values().stream().filter(c -> c.fileName().startsWith("gather-20ms-fixed-")))
                .allSatisfy(c -> assertThat(subtitle(c)).contains("gather, delay 20 ms fixed"));
    }

    @Test
    void theIndexHoldsEveryResultWithItsPredictionTheEnvironmentAndTheCommand() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        Report.render(json);
        String html = Files.readString(json.resolveSibling("index.html"));

        assertThat(html).doesNotContain("http://", "https://");
        assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 9 + 1 + 2 + 1 + 77); // before; the verdict table's header and 9 settings; Which client?'s header and its 2 stacks; the results' header, 83 results less 6 of the bare client
        assertThat(html).contains("okHttpAsync (5/host, 64 total)").contains("2 cores")
                .contains("./mvnw verify -Dfetchbench.profile=smoke");
        assertThat(html.split("<img src=\"", -1)).hasSize(1 + CHARTS); // the PNGs beside the page, not embedded
        assertThat(html).doesNotContain(".svg\"");
    }

    @Test
    void extraMetricsThatAreAbsentAreSkipped() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        JsonArray results = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        results.forEach(r -> r.getAsJsonObject().add("secondaryMetrics", new JsonObject()));
        Files.writeString(json, results.toString());

        List<Path> written = Report.render(json);

        assertThat(written).noneMatch(p -> p.getFileName().toString().contains("metric-"));
        assertThat(written).hasSize(CHARTS_WITHOUT_METRICS + 1);
    }

    private static String subtitle(Charts.NamedChart chart) throws Exception {
        var field = Chart.class.getDeclaredField("annotations");
        field.setAccessible(true);
        return ((List<?>) field.get(chart.chart())).stream().filter(Subtitle.class::isInstance)
                .map(a -> ((Subtitle) a).text()).findFirst().orElse("");
    }

    /** The primary score of one result, read straight from the JSON. */
    private static double score(Path json, String model, String urls, String concurrency) throws Exception {
        for (var element : JsonParser.parseString(Files.readString(json)).getAsJsonArray()) {
            JsonObject result = element.getAsJsonObject();
            JsonObject params = result.getAsJsonObject("params");
            if (params.has("model") && params.get("model").getAsString().equals(model) && params.get("urls").getAsString().equals(urls)
                    && params.get("concurrency").getAsString().equals(concurrency)) {
                return result.getAsJsonObject("primaryMetric").get("score").getAsDouble();
            }
        }
        throw new AssertionError("no " + model + " N=" + urls + " concurrency=" + concurrency + " in " + json);
    }

    @Test
    void aMetricOverTwoPowersOfTenGetsALogAxisAndOneWithinADecadeStaysLinear() {
        assertThat(Charts.powersOfTenWithin(List.of(14.0, 1029.0))).isEqualTo(2); // 100 and 1000 to label
        assertThat(Charts.powersOfTenWithin(List.of(20.0, 150.0))).isEqualTo(1); // only 100: linear
        assertThat(Charts.spread(java.util.Arrays.asList(14.0, null, 1029.0))).isCloseTo(73.5, org.assertj.core.api.Assertions.offset(0.1));
    }
}
