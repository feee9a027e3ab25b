package fetchbench.charts;

import fetchbench.analysis.MetricNames;
import fetchbench.analysis.Row;
import fetchbench.analysis.Tuning;
import fetchbench.result.JmhRun;

import fetchbench.model.ClientStack;
import fetchbench.catalog.Model;
import fetchbench.model.OkHttpAsync;
import fetchbench.catalog.Limits;
import fetchbench.theory.Theory;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Shape;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of one run, as XChart data models (the report writes them to files):
 * per scenario, scaling against N with the theory lines, models side by side at each N beside
 * their predictions, and one chart per extra metric that the results carry.
 */
public final class Charts {

    public static final int WIDTH = 1100;
    public static final int HEIGHT = 640;
    /** Space above and below the title; the subtitle sits in the space below. */
    public static final int TITLE_PADDING = 30;

    /** A chart with the name its files get, the report section it goes in, and a sentence that says how to read it. */
    public record NamedChart(String fileName, String title, String caption, Chart<?, ?> chart, Section section) {
    }

    /**
     * A section of charts in the report: each shape's own (named and titled on its card), then
     * tuning, resources and load, in that order.
     */
    public record Section(String name, String title, int order) implements Comparable<Section> {
        public static final Section TUNING = new Section("tuning", "Tuning charts", Shape.values().length);
        public static final Section RESOURCES = new Section("resources", "Resources", TUNING.order + 1);
        public static final Section LOAD = new Section("load", "Under load", TUNING.order + 2);

        /** The section of a shape's charts. */
        public static Section of(Shape shape) {
            return new Section(shape.name(), shape.title(), shape.ordinal());
        }

        @Override
        public int compareTo(Section other) {
            return Integer.compare(order, other.order);
        }
    }

    /** Strokes for the lines that the library's own four would leave looking alike. */
    private static final BasicStroke LONG_DASH = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10, new float[] {12, 6}, 0);
    private static final BasicStroke DASH_DOT_DOT = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10, new float[] {10, 4, 2, 4, 2, 4}, 0);

    /** Bars that differ more than this many times go in two panels, so the fast ones are not slivers. */
    public static final double PANEL_RATIO = 10;

    private Charts() {
    }

    public static List<NamedChart> of(List<Row> rows, String environment) {
        List<NamedChart> charts = new ArrayList<>();
        Map<Row.ScenarioKey, List<Row>> byScenario = rows.stream()
                .collect(Collectors.groupingBy(Row::scenarioKey, LinkedHashMap::new, Collectors.toList()));
        // The shapes in the docs' order, so each section (resources too) reads gather first.
        List<List<Row>> scenarios = byScenario.values().stream()
                .sorted(Comparator.comparing((List<Row> scenario) -> scenario.get(0).shape())).toList();
        for (List<Row> scenario : scenarios) {
            String subtitle = scenario.get(0).scenario() + " · " + environment;
            String prefix = scenario.get(0).scenarioFileName();
            if (scenario.get(0).isSweep()) {
                charts.addAll(tuning(prefix, subtitle, scenario));
                continue;
            }
            if (scenario.stream().map(Row::urls).distinct().count() > 1) {
                charts.add(scaling(prefix, subtitle, scenario)); // a shape at one N has nothing to scale
            }
            for (int n : new TreeSet<>(scenario.stream().map(Row::urls).toList())) {
                charts.addAll(modelsSideBySide(prefix, subtitle, scenario, n));
            }
            for (String metric : secondaryMetrics(scenario)) {
                secondaryMetric(prefix, subtitle, scenario, metric).ifPresent(charts::add);
            }
        }
        charts.sort(Comparator.comparing(NamedChart::section)); // stable: a scenario's charts keep their order
        return charts;
    }

    /**
     * One tuning chart per swept model: batch time against the setting on log–log axes, measured
     * (for okHttpAsync with its pool sized to N and with OkHttp's default pool) beside the
     * prediction, max(greedy schedule, floor), with the recommendation in the caption.
     */
    public static List<NamedChart> tuning(String prefix, String subtitle, List<Row> rows) {
        List<NamedChart> charts = new ArrayList<>();
        Map<Model, List<Tuning.Series>> byModel = Tuning.series(rows).stream().collect(Collectors.groupingBy(
                Tuning.Series::model, LinkedHashMap::new, Collectors.toList()));
        Map<String, Tuning.Recommendation> recommended = Tuning.recommendations(rows).stream()
                .collect(Collectors.toMap(r -> r.series().name(), r -> r));
        for (Map.Entry<Model, List<Tuning.Series>> model : byModel.entrySet()) {
            String swept = model.getValue().get(0).swept();
            List<Double> all = model.getValue().stream().flatMap(series -> series.points().stream())
                    .flatMap(p -> Stream.of(p.ms(), p.predictedMs())).toList();
            // XChart labels a log axis at powers of ten only: below a factor of 100 it would show one label or none.
            boolean logTime = spread(all) >= 100;
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                    .title("Tuning " + model.getKey().name() + " (lower is better)")
                    .xAxisTitle(swept + " (log scale)").yAxisTitle("ms per batch" + (logTime ? " (log scale)" : ""))
                    .build();
            style(chart.getStyler(), subtitle, chart);
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setYAxisLogarithmic(logTime);
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            StringBuilder caption = new StringBuilder("Measured batch time for each setting (coloured) and "
                    + "queueing theory's max(⌈N/k⌉·d or the greedy schedule, floor) (dashed grey); a black dot "
                    + "marks the recommended setting"
                    + (model.getValue().size() > 1 ? "; the theory does not count reconnects, so the gap between "
                    + "the two pools is what reconnecting costs." : "."));
            Palette.Lines lines = new Palette.Lines();
            for (Tuning.Series series : model.getValue()) {
                List<Tuning.Point> points = series.points();
                XYSeries measured = chart.addSeries("measured: " + series.name(),
                        points.stream().map(Tuning.Point::setting).toList(), points.stream().map(Tuning.Point::ms).toList());
                look(measured, model.getKey(), lines);
                Tuning.Recommendation recommendation = recommended.get(series.name());
                if (recommendation != null) {
                    caption.append(" Recommended for ").append(recommendation.describe());
                    recommendation.chosen().ifPresent(point -> {
                        XYSeries mark = chart.addSeries("recommended: " + point.setting()
                                        + (model.getValue().size() > 1 ? " (" + series.name() + ")" : ""),
                                List.of(point.setting()), List.of(point.ms()));
                        mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                        mark.setMarker(SeriesMarkers.CIRCLE);
                        mark.setMarkerColor(Color.BLACK);
                    });
                }
            }
            List<Tuning.Point> theory = model.getValue().get(0).points();
            XYSeries predicted = chart.addSeries(model.getValue().size() > 1 ? "predicted (either pool)" : "predicted",
                    theory.stream().map(Tuning.Point::setting).toList(),
                    theory.stream().map(Tuning.Point::predictedMs).toList());
            predicted.setMarker(SeriesMarkers.NONE);
            predicted.setLineColor(Palette.THEORY);
            predicted.setLineStyle(SeriesLines.DASH_DASH);
            charts.add(new NamedChart(prefix + "-tuning-" + model.getKey().name(),
                    "Tuning " + model.getKey().name(), caption.toString(), chart, Section.TUNING));
        }
        return charts;
    }

    /** How many powers of ten lie between the smallest positive value and the largest: a log axis's labels. */
    public static int powersOfTenWithin(List<Double> values) {
        DoubleSummaryStatistics range = positive(values);
        return (int) (Math.floor(Math.log10(range.getMax())) - Math.ceil(Math.log10(range.getMin()))) + 1;
    }

    /** The largest value over the smallest positive one. */
    public static double spread(List<Double> values) {
        DoubleSummaryStatistics range = positive(values);
        return range.getMax() / range.getMin();
    }

    /** The positive values' range; 1 to 1 when there are none. */
    private static DoubleSummaryStatistics positive(List<Double> values) {
        DoubleSummaryStatistics range = values.stream().filter(v -> v != null && v > 0)
                .mapToDouble(Double::doubleValue).summaryStatistics();
        return range.getCount() > 0 ? range : DoubleStream.of(1).summaryStatistics();
    }

    /** The model's colour and marker, and a dashed line for its second setting on the chart. */
    private static void look(XYSeries series, Model model, Palette.Lines lines) {
        series.setLineColor(Palette.color(model));
        series.setMarkerColor(Palette.color(model));
        series.setMarker(Palette.marker(model));
        series.setLineStyle(lines.next(model));
    }

    /** One bar series: a value and an error (0 for none) per category. */
    public record Bars(String name, List<Double> values, List<Double> errors, Color color) {
    }

    /**
     * Batch time per setting at one N: a bar in the model's colour with JMH's error as error bars,
     * and the prediction as a grey diamond. Settings more than {@link #PANEL_RATIO} times slower
     * than the fastest get a second panel of their own: on one linear axis the fast ones would be
     * slivers, and XChart draws error bars correctly only on a linear axis.
     */
    public static List<NamedChart> modelsSideBySide(String prefix, String subtitle, List<Row> rows, int n) {
        List<Row> atN = rows.stream().filter(r -> r.urls() == n).sorted(Row.READING_ORDER).toList();
        double fastest = atN.stream().mapToDouble(Row::measuredMs).filter(ms -> ms > 0).min().orElse(1);
        List<Row> fast = atN.stream().filter(r -> r.measuredMs() <= fastest * PANEL_RATIO).toList();
        List<Row> slow = atN.stream().filter(r -> r.measuredMs() > fastest * PANEL_RATIO).toList();
        Section section = Section.of(atN.get(0).shape());
        String caption = "Measured batch time of each model setting (bars; error bars: JMH's 99.9 % error) beside "
                + "its queueing-theory prediction (grey diamonds).";
        List<NamedChart> charts = new ArrayList<>();
        charts.add(new NamedChart(prefix + "-models-N" + n, "Models side by side at N=" + n,
                caption + (slow.isEmpty() ? "" : " The settings over " + (int) PANEL_RATIO + "× slower than the "
                        + "fastest are in the next chart."), modelBars("Batch time per model at N=" + n
                        + (slow.isEmpty() ? "" : ", the fast ones"), subtitle, n, fast), section));
        if (!slow.isEmpty()) {
            charts.add(new NamedChart(prefix + "-models-N" + n + "-slow", "Models side by side at N=" + n
                    + ", the slow ones", caption, modelBars("Batch time per model at N=" + n + ", over "
                    + (int) PANEL_RATIO + "× the fastest", subtitle, n, slow), section));
        }
        return charts;
    }

    private static CategoryChart modelBars(String title, String subtitle, int n, List<Row> rows) {
        boolean suspect = rows.stream().anyMatch(Row::serverCheckFailed);
        CategoryChart chart = categoryChart(title + " (lower is better)" + (suspect ? " — server check FAILED" : ""),
                subtitle, "model (setting)", "ms per batch of " + n + " fetches");
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setYAxisMin(0.0); // a time is never negative, however wide its error bar
        chart.getStyler().setOverlapped(true); // one bar per setting, in its model's colour
        List<String> settings = rows.stream().map(Row::setting).toList();
        Palette.Fills fills = new Palette.Fills();
        for (Row row : rows) {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (Row other : rows) {
                values.add(other == row ? row.measuredMs() : 0.0); // XChart's error bars take no gaps
                errors.add(other == row && !Double.isNaN(row.errorMs()) ? row.errorMs() : 0.0);
            }
            chart.addSeries(row.setting(), settings, values, errors).setFillColor(fills.next(row.model()));
        }
        CategorySeries predicted = chart.addSeries("predicted", settings, rows.stream().map(Row::predictedMs).toList());
        predicted.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        predicted.setMarker(SeriesMarkers.DIAMOND);
        predicted.setMarkerColor(Palette.THEORY);
        return chart;
    }

    /** Grouped bars with error bars, one group per model setting, on a linear axis from 0. */
    public static CategoryChart barChart(String title, String subtitle, String yTitle, List<String> settings, List<Bars> bars) {
        CategoryChart chart = categoryChart(title, subtitle, "model (setting)", yTitle);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setYAxisMin(0.0); // a time is never negative, however wide its error bar
        for (Bars series : bars) {
            var added = chart.addSeries(series.name(), settings, series.values(), series.errors());
            if (series.color() != null) {
                added.setFillColor(series.color());
            }
        }
        return chart;
    }

    /** JMH's error per row; 0 where JMH had too few samples to give one. */
    public static List<Double> errors(List<Row> rows) {
        return rows.stream().map(r -> Double.isNaN(r.errorMs()) ? 0.0 : r.errorMs()).toList();
    }

    /** Batch time against N on log–log axes, one line per setting, with the theory lines drawn in. */
    public static NamedChart scaling(String prefix, String subtitle, List<Row> rows) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Scaling: batch time against N").xAxisTitle("N (URLs per batch, log scale)")
                .yAxisTitle("ms per batch (log scale)").build();
        style(chart.getStyler(), subtitle, chart);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        List<Integer> ns = new ArrayList<>(new TreeSet<>(rows.stream().map(Row::urls).toList()));
        Palette.Lines lines = new Palette.Lines();
        for (Map.Entry<Row.SettingKey, List<Row>> setting : bySetting(rows).entrySet()) {
            List<Row> points = setting.getValue().stream().sorted((a, b) -> Integer.compare(a.urls(), b.urls())).toList();
            look(chart.addSeries(points.get(0).setting(), points.stream().map(Row::urls).toList(),
                    points.stream().map(Row::measuredMs).toList()), points.get(0).model(), lines);
        }
        for (ClientStack stack : ClientStack.values()) {
            List<Row> withFloor = rows.stream().filter(r -> r.model().clientStack() == stack)
                    .filter(r -> !Double.isNaN(r.floorMs())).toList();
            List<Integer> floorNs = new ArrayList<>(new TreeSet<>(withFloor.stream().map(Row::urls).toList()));
            if (!floorNs.isEmpty()) {
                theoryLine(chart, "floor: bare " + stack + " client, 1 ms delay", floorNs, n -> withFloor.stream()
                        .filter(r -> r.urls() == n).findFirst().orElseThrow().floorMs(),
                        stack == ClientStack.okHttp ? SeriesLines.SOLID : LONG_DASH);
            }
        }
        Row first = rows.get(0);
        if (first.delays().profile() == DelayProfile.fixed && ns.size() > 1) {
            double d = first.delayMs();
            theoryLine(chart, "theory: ideal ≈ d", ns, n -> Theory.waves(n, n) * d, SeriesLines.DOT_DOT);
            theoryLine(chart, "theory: sequential N·d", ns, n -> Theory.waves(n, 1) * d, SeriesLines.DASH_DASH);
            for (int k : poolSizes(rows)) {
                theoryLine(chart, "theory: pool of " + k + " ⌈N/" + k + "⌉·d", ns,
                        n -> Theory.waves(n, k) * d, SeriesLines.DASH_DOT);
            }
            for (Limits dispatcher : boundedDispatchers(rows)) {
                int c = Math.min(dispatcher.concurrency(), dispatcher.maxRequests());
                theoryLine(chart, "theory: OkHttp's Dispatcher, " + dispatcher.concurrency() + " per host and "
                        + dispatcher.maxRequests() + " in all ⌈N/" + c + "⌉·d", ns, n -> Theory.waves(n, c) * d,
                        DASH_DOT_DOT);
            }
        }
        return new NamedChart(prefix + "-scaling", "Scaling",
                "Coloured lines are measurements; dashed grey lines are queueing theory for a fixed delay d "
                        + "(one delay when unbounded, N delays in a row, ⌈N/k⌉ waves for a pool of k or OkHttp's "
                        + "Dispatcher); the solid (OkHttp) and long-dashed (JDK client) grey lines are the floors, the "
                        + "bare client of each stack with a 1 ms delay.", chart,
                Section.of(first.shape()));
    }

    /**
     * Any metric besides the primary one (allocation, threads, percentiles…), per setting and N,
     * named in words; none where every value is zero or missing (nothing to read).
     */
    public static Optional<NamedChart> secondaryMetric(String prefix, String subtitle, List<Row> rows, String metric) {
        String unit = rows.stream().map(r -> r.result().secondary().get(metric)).filter(Objects::nonNull)
                .map(JmhRun.Metric::unit).findFirst().orElse("");
        String words = MetricNames.words(metric);
        CategoryChart chart = categoryChart(words + ", " + rows.get(0).result().method(), subtitle,
                "N (URLs per batch)", unit);
        List<Integer> ns = new ArrayList<>(new TreeSet<>(rows.stream().map(Row::urls).toList()));
        List<String> categories = ns.stream().map(n -> "N=" + n).toList();
        boolean anyNonZero = false;
        Palette.Fills fills = new Palette.Fills();
        List<Double> all = new ArrayList<>();
        for (Map.Entry<Row.SettingKey, List<Row>> setting : bySetting(rows).entrySet()) {
            List<Double> values = new ArrayList<>();
            for (int n : ns) {
                Row row = setting.getValue().stream().filter(r -> r.urls() == n).findFirst().orElse(null);
                JmhRun.Metric m = row == null ? null : row.result().secondary().get(metric);
                values.add(m == null || Double.isNaN(m.score()) ? null : m.score());
            }
            if (values.stream().anyMatch(Objects::nonNull)) {
                Model model = setting.getValue().get(0).model();
                CategorySeries series = chart.addSeries(setting.getValue().get(0).setting(), categories, values);
                series.setFillColor(fills.next(model));
                series.setMarker(Palette.marker(model)); // drawn when the axis is logarithmic
                anyNonZero |= values.stream().anyMatch(v -> v != null && v != 0);
                all.addAll(values);
            }
        }
        if (!anyNonZero) {
            return Optional.empty();
        }
        // Values over 10× apart (14 threads beside 1029) get a log axis where it has two powers of ten to label,
        // and a marker per value: XChart draws bars from zero, which a log axis does not have.
        if (spread(all) > PANEL_RATIO && powersOfTenWithin(all) >= 2 && all.stream().allMatch(v -> v == null || v > 0)) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            chart.setYAxisTitle(unit + " (log scale)");
            chart.getSeriesMap().values().forEach(series -> series.setMarkerColor(series.getFillColor()));
        }
        return Optional.of(new NamedChart(prefix + "-metric-" + metric.replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", ""), words + " (" + rows.get(0).scenario() + ")", "JMH's metric '" + metric
                + "' (" + unit + "), per model setting and N.", chart, Section.RESOURCES));
    }

    public static List<String> secondaryMetrics(List<Row> rows) {
        return rows.stream().flatMap(r -> r.result().secondary().keySet().stream()).distinct()
                .filter(metric -> !MetricNames.NOT_CHARTED.contains(metric)).sorted().toList();
    }

    private static CategoryChart categoryChart(String title, String subtitle, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler(), subtitle, chart);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        return chart;
    }

    /** Shared look: legend on the right, and the subtitle (scenario and environment) under the title. */
    public static void style(AxesChartStyler styler, String subtitle, Chart<?, ?> chart) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitlePadding(TITLE_PADDING);
        styler.setDecimalPattern("#,##0.###");
        chart.addAnnotation(new Subtitle(subtitle));
    }

    private static void theoryLine(XYChart chart, String name, List<Integer> ns,
                                   IntToDoubleFunction y, BasicStroke dashes) {
        XYSeries series = chart.addSeries(name, ns, ns.stream().map(n -> y.applyAsDouble(n)).toList());
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(Color.GRAY);
        series.setLineStyle(dashes);
        series.setLineWidth(1.5f);
    }

    /** OkHttp Dispatchers that cap the calls below some N of the rows, as (per host, in all) limits. */
    private static TreeSet<Limits> boundedDispatchers(List<Row> rows) {
        TreeSet<Limits> limits = new TreeSet<>(Comparator.comparingInt(Limits::concurrency)
                .thenComparingInt(Limits::maxRequests));
        int largestN = rows.stream().mapToInt(Row::urls).max().orElse(0);
        rows.stream().filter(r -> r.model() == Model.okHttpAsync).forEach(r -> {
            int perHost = OkHttpAsync.maxRequestsPerHost(r.concurrency());
            if (Math.min(perHost, r.maxRequests()) < largestN) {
                limits.add(new Limits(Model.okHttpAsync, perHost, r.maxRequests()));
            }
        });
        return limits;
    }

    /** The k of every pool the rows fetch on, for its ⌈N/k⌉·d line. */
    private static TreeSet<Integer> poolSizes(List<Row> rows) {
        TreeSet<Integer> sizes = new TreeSet<>();
        rows.forEach(r -> Theory.here().poolOf(r.limits()).ifPresent(sizes::add));
        return sizes;
    }

    private static Map<Row.SettingKey, List<Row>> bySetting(List<Row> rows) {
        return rows.stream().sorted(Row.READING_ORDER)
                .collect(Collectors.groupingBy(Row::settingKey, LinkedHashMap::new, Collectors.toList()));
    }
}
