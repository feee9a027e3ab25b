package fetchbench.charts;

import org.knowm.xchart.XYChart;
import java.util.Arrays;
import fetchbench.analysis.MetricNames;
import fetchbench.analysis.Row;
import fetchbench.analysis.Tuning;

import fetchbench.catalog.Model;
import fetchbench.model.OkHttpAsync;
import fetchbench.catalog.Limits;
import fetchbench.theory.Theory;
import fetchbench.workload.Shape;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
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

    /**
     * XChart labels a log axis at powers of ten only: a log axis whose data holds fewer than two of
     * them becomes linear (and its title loses "log scale"), so every axis has labels to read by.
     */
    public static void logOnlyWhereLabelled(org.knowm.xchart.internal.chartpart.Chart<?, ?> any) {
        if (!(any instanceof XYChart chart)) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (XYSeries series : chart.getSeriesMap().values()) {
            Arrays.stream(series.getXData()).forEach(xs::add);
            Arrays.stream(series.getYData()).forEach(ys::add);
        }
        if (chart.getStyler().isXAxisLogarithmic() && !xs.isEmpty() && powersOfTenWithin(xs) < 2) {
            chart.getStyler().setXAxisLogarithmic(false);
            chart.setXAxisTitle(withoutLogScale(chart.getXAxisTitle()));
        }
        if (chart.getStyler().isYAxisLogarithmic() && !ys.isEmpty() && powersOfTenWithin(ys) < 2) {
            chart.getStyler().setYAxisLogarithmic(false);
            chart.setYAxisTitle(withoutLogScale(chart.getYAxisTitle()));
        }
    }

    private static String withoutLogScale(String title) {
        return title.replace(" (log scale)", "").replace(", log scale", "").replace(" on a log scale", "");
    }

    /** Strokes for the lines that the library's own four would leave looking alike. */
    static final BasicStroke LONG_DASH = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10, new float[] {12, 6}, 0);
    static final BasicStroke DASH_DOT_DOT = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10, new float[] {10, 4, 2, 4, 2, 4}, 0);
    static final BasicStroke SPARSE_DOT = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER,
            10, new float[] {0.5f, 7}, 0);
    /** Long dash, dot: the fourth client stack's floor. */
    static final BasicStroke DASH_DOT_LONG = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {14f, 4f, 2f, 4f}, 0f);
    /** Long dash, two dots: Apache's classic client's floor, beside its async client's dash dot. */
    static final BasicStroke DASH_DOT_DOT_LONG = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {14f, 4f, 2f, 4f, 2f, 4f}, 0f);
    /** Short dashes: the fifth client stack's floor. */
    static final BasicStroke SHORT_DASH = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {4f, 4f}, 0f);

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
                charts.addAll(TuningCharts.of(prefix, subtitle, scenario));
                continue;
            }
            if (scenario.stream().map(Row::urls).distinct().count() > 1) {
                charts.add(ScalingCharts.of(prefix, subtitle, scenario)); // a shape at one N has nothing to scale
            }
            for (int n : new TreeSet<>(scenario.stream().map(Row::urls).toList())) {
                charts.addAll(modelsSideBySide(prefix, subtitle, scenario, n));
            }
            for (String metric : secondaryMetrics(scenario)) {
                MetricCharts.of(prefix, subtitle, scenario, metric).ifPresent(charts::add);
            }
        }
        charts.sort(Comparator.comparing(NamedChart::section)); // stable: a scenario's charts keep their order
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
    static void look(XYSeries series, Model model, Palette.Lines lines) {
        series.setLineColor(Palette.color(model));
        series.setMarkerColor(Palette.color(model));
        series.setMarker(Palette.marker(model));
        series.setLineStyle(lines.next(model));
    }

    /** One bar series: a value and an error (0 for none) per category. */
    public record Bars(String name, List<Double> values, List<Double> errors, Color color) {
    }

    /**
     * Batch time per setting at one N: a bar in the model's colour with its fork interval as error bars,
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
        String caption = "Measured batch time of each model setting (bars; error bars: half the 95 % interval from the fork means) beside "
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
                errors.add(other == row && !Double.isNaN(row.halfWidthMs()) ? row.halfWidthMs() : 0.0);
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

    /** Half each row's 95 % fork interval; 0 where it has one fork. */
    public static List<Double> errors(List<Row> rows) {
        return rows.stream().map(r -> Double.isNaN(r.halfWidthMs()) ? 0.0 : r.halfWidthMs()).toList();
    }

    public static List<String> secondaryMetrics(List<Row> rows) {
        return rows.stream().flatMap(r -> r.result().secondary().keySet().stream()).distinct()
                .filter(metric -> !MetricNames.NOT_CHARTED.contains(metric)).sorted().toList();
    }

    static CategoryChart categoryChart(String title, String subtitle, String xTitle, String yTitle) {
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


    /** OkHttp Dispatchers that cap the calls below some N of the rows, as (per host, in all) limits. */
    static TreeSet<Limits> boundedDispatchers(List<Row> rows) {
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
    static TreeSet<Integer> poolSizes(List<Row> rows) {
        TreeSet<Integer> sizes = new TreeSet<>();
        rows.forEach(r -> Theory.here().poolOf(r.limits()).ifPresent(sizes::add));
        return sizes;
    }

    static Map<Row.SettingKey, List<Row>> bySetting(List<Row> rows) {
        return rows.stream().sorted(Row.READING_ORDER)
                .collect(Collectors.groupingBy(Row::settingKey, LinkedHashMap::new, Collectors.toList()));
    }
}
