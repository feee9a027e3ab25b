package fetchbench.report;

import fetchbench.model.ClientStack;
import fetchbench.model.Model;
import fetchbench.theory.Theory;
import fetchbench.workload.DelayProfile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of one run, as XChart data models (rendering to files is {@link Report}'s job):
 * per scenario, scaling against N with the theory lines, models side by side at each N,
 * efficiency, and one chart per extra metric that the results carry.
 */
public final class Charts {

    static final int WIDTH = 1100;
    static final int HEIGHT = 640;
    /** Space above and below the title; the subtitle sits in the space below. */
    static final int TITLE_PADDING = 30;

    /** A chart with the name its files get and a sentence that says how to read it. */
    public record NamedChart(String fileName, String title, String caption, Chart<?, ?> chart) {
    }

    private Charts() {
    }

    public static List<NamedChart> of(List<Row> rows, String environment) {
        List<NamedChart> charts = new ArrayList<>();
        Map<String, List<Row>> byScenario = rows.stream()
                .collect(Collectors.groupingBy(Row::scenario, LinkedHashMap::new, Collectors.toList()));
        for (List<Row> scenario : byScenario.values()) {
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
                charts.add(modelsSideBySide(prefix, subtitle, scenario, n));
            }
            charts.add(efficiency(prefix, subtitle, scenario));
            for (String metric : secondaryMetrics(scenario)) {
                charts.add(secondaryMetric(prefix, subtitle, scenario, metric));
            }
        }
        return charts;
    }

    /**
     * One tuning chart per swept model: batch time against the setting on log–log axes, measured
     * (for okHttpAsync with its pool sized to N and with OkHttp's default pool) beside the
     * prediction, max(greedy schedule, floor), with the recommendation in the caption.
     */
    static List<NamedChart> tuning(String prefix, String subtitle, List<Row> rows) {
        List<NamedChart> charts = new ArrayList<>();
        Map<Model, List<Tuning.Series>> byModel = Tuning.series(rows).stream().collect(Collectors.groupingBy(
                Tuning.Series::model, LinkedHashMap::new, Collectors.toList()));
        Map<String, Tuning.Recommendation> recommended = Tuning.recommendations(rows).stream()
                .collect(Collectors.toMap(r -> r.series().name(), r -> r));
        for (Map.Entry<Model, List<Tuning.Series>> model : byModel.entrySet()) {
            String swept = model.getValue().get(0).swept();
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                    .title("Tuning " + model.getKey().name() + ": batch time against " + swept)
                    .xAxisTitle(swept + " (log scale)").yAxisTitle("ms per batch (log scale)").build();
            style(chart.getStyler(), subtitle, chart);
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            StringBuilder caption = new StringBuilder("Measured batch time for each setting (solid) and "
                    + "queueing theory's max(⌈N/k⌉·d or the greedy schedule, floor) (dashed)"
                    + (model.getValue().size() > 1 ? "; the theory does not count reconnects, so the gap between "
                    + "the two pools is what reconnecting costs." : "."));
            for (Tuning.Series series : model.getValue()) {
                List<Tuning.Point> points = series.points();
                chart.addSeries("measured: " + series.name(), points.stream().map(Tuning.Point::setting).toList(),
                        points.stream().map(Tuning.Point::ms).toList());
                Tuning.Recommendation recommendation = recommended.get(series.name());
                if (recommendation != null) {
                    caption.append(" Recommended for ").append(recommendation.describe());
                }
            }
            List<Tuning.Point> theory = model.getValue().get(0).points();
            XYSeries predicted = chart.addSeries(model.getValue().size() > 1 ? "predicted (either pool)" : "predicted",
                    theory.stream().map(Tuning.Point::setting).toList(),
                    theory.stream().map(Tuning.Point::predictedMs).toList());
            predicted.setMarker(SeriesMarkers.NONE);
            predicted.setLineColor(Color.GRAY);
            predicted.setLineStyle(SeriesLines.DASH_DASH);
            charts.add(new NamedChart(prefix + "-tuning-" + model.getKey().name(),
                    "Tuning " + model.getKey().name(), caption.toString(), chart));
        }
        return charts;
    }

    /** One bar series: a value and an error (0 for none) per category. */
    record Bars(String name, List<Double> values, List<Double> errors, Color color) {
    }

    /**
     * Batch time per setting at one N, measured (with JMH's error as error bars) beside predicted.
     * One chart per N: the times differ by orders of magnitude between N, and XChart draws error
     * bars correctly only on a linear axis.
     */
    static NamedChart modelsSideBySide(String prefix, String subtitle, List<Row> rows, int n) {
        List<Row> atN = rows.stream().filter(r -> r.urls() == n).sorted(Row.READING_ORDER).toList();
        boolean suspect = atN.stream().anyMatch(Row::serverCheckFailed);
        CategoryChart chart = barChart("Batch time per model at N=" + n + " (lower is better)"
                        + (suspect ? " — server check FAILED at this N" : ""), subtitle,
                "ms per batch of " + n + " fetches", atN.stream().map(Row::setting).toList(), List.of(
                        new Bars("measured", atN.stream().map(Row::measuredMs).toList(), errors(atN), null),
                        new Bars("predicted", atN.stream().map(Row::predictedMs).toList(),
                                atN.stream().map(r -> 0.0).toList(), new Color(190, 190, 190))));
        return new NamedChart(prefix + "-models-N" + n, "Models side by side at N=" + n,
                "Measured batch time of each model setting (error bars: JMH's 99.9 % error) beside its "
                        + "queueing-theory prediction.", chart);
    }

    /** Grouped bars with error bars, one group per model setting, on a linear axis from 0. */
    static CategoryChart barChart(String title, String subtitle, String yTitle, List<String> settings, List<Bars> bars) {
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
    static List<Double> errors(List<Row> rows) {
        return rows.stream().map(r -> Double.isNaN(r.errorMs()) ? 0.0 : r.errorMs()).toList();
    }

    /** Batch time against N on log–log axes, one line per setting, with the theory lines drawn in. */
    static NamedChart scaling(String prefix, String subtitle, List<Row> rows) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Scaling: batch time against N").xAxisTitle("N (URLs per batch, log scale)")
                .yAxisTitle("ms per batch (log scale)").build();
        style(chart.getStyler(), subtitle, chart);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        List<Integer> ns = new ArrayList<>(new TreeSet<>(rows.stream().map(Row::urls).toList()));
        for (Map.Entry<String, List<Row>> setting : bySetting(rows).entrySet()) {
            List<Row> points = setting.getValue().stream().sorted((a, b) -> Integer.compare(a.urls(), b.urls())).toList();
            chart.addSeries(setting.getKey(), points.stream().map(Row::urls).toList(),
                    points.stream().map(Row::measuredMs).toList());
        }
        for (ClientStack stack : ClientStack.values()) {
            List<Row> withFloor = rows.stream().filter(r -> r.model().clientStack() == stack)
                    .filter(r -> !Double.isNaN(r.floorMs())).toList();
            List<Integer> floorNs = new ArrayList<>(new TreeSet<>(withFloor.stream().map(Row::urls).toList()));
            if (!floorNs.isEmpty()) {
                theoryLine(chart, "floor: bare " + stack + " client, 1 ms delay", floorNs, n -> withFloor.stream()
                        .filter(r -> r.urls() == n).findFirst().orElseThrow().floorMs(), SeriesLines.SOLID);
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
        }
        return new NamedChart(prefix + "-scaling", "Scaling",
                "Coloured lines are measurements; dashed grey lines are queueing theory for a fixed delay d "
                        + "(one delay when unbounded, N delays in a row, ⌈N/k⌉ waves for a pool of k); the solid "
                        + "grey lines are the floors, the bare client of each stack with a 1 ms delay.", chart);
    }

    /** Predicted ÷ measured per setting and N: 1 means as fast as theory allows. */
    static NamedChart efficiency(String prefix, String subtitle, List<Row> rows) {
        CategoryChart chart = categoryChart("Efficiency: predicted ÷ measured (1 = as theory predicts)", subtitle,
                "N (URLs per batch)", "predicted ÷ measured");
        List<String> categories = nCategories(rows);
        for (Map.Entry<String, List<Row>> setting : bySetting(rows).entrySet()) {
            List<Double> values = new ArrayList<>();
            for (String n : categories) {
                Row row = find(setting.getValue(), n);
                values.add(row == null ? null : row.efficiency());
            }
            chart.addSeries(setting.getKey(), categories, values);
        }
        return new NamedChart(prefix + "-efficiency", "Efficiency",
                "How close each result comes to its queueing-theory prediction; below 1 the model pays for "
                        + "something the theory leaves out (CPU, connections, the client library).", chart);
    }

    /** Any metric besides the primary one (allocation, threads, percentiles…), per setting and N. */
    static NamedChart secondaryMetric(String prefix, String subtitle, List<Row> rows, String metric) {
        String unit = rows.stream().map(r -> r.result().secondary().get(metric)).filter(Objects::nonNull)
                .map(JmhRun.Metric::unit).findFirst().orElse("");
        CategoryChart chart = categoryChart(metric, subtitle, "N (URLs per batch)", unit);
        List<String> categories = nCategories(rows);
        for (Map.Entry<String, List<Row>> setting : bySetting(rows).entrySet()) {
            List<Double> values = new ArrayList<>();
            for (String n : categories) {
                Row row = find(setting.getValue(), n);
                JmhRun.Metric m = row == null ? null : row.result().secondary().get(metric);
                values.add(m == null || Double.isNaN(m.score()) ? null : m.score());
            }
            if (values.stream().anyMatch(Objects::nonNull)) {
                chart.addSeries(setting.getKey(), categories, values);
            }
        }
        return new NamedChart(prefix + "-metric-" + metric.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""),
                metric, "The metric '" + metric + "' (" + unit + ") as JMH recorded it, per model setting and N.", chart);
    }

    static List<String> secondaryMetrics(List<Row> rows) {
        return rows.stream().flatMap(r -> r.result().secondary().keySet().stream()).distinct().sorted().toList();
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
    private static void style(AxesChartStyler styler, String subtitle, Chart<?, ?> chart) {
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

    /** The k of every pool the rows fetch on, for its ⌈N/k⌉·d line. */
    private static TreeSet<Integer> poolSizes(List<Row> rows) {
        TreeSet<Integer> sizes = new TreeSet<>();
        rows.forEach(r -> Theory.here().poolOf(r.limits()).ifPresent(sizes::add));
        return sizes;
    }

    private static Map<String, List<Row>> bySetting(List<Row> rows) {
        return rows.stream().sorted(Row.READING_ORDER)
                .collect(Collectors.groupingBy(Row::setting, LinkedHashMap::new, Collectors.toList()));
    }

    private static List<String> nCategories(List<Row> rows) {
        return new TreeSet<>(rows.stream().map(Row::urls).toList()).stream().map(n -> "N=" + n).toList();
    }

    private static Row find(List<Row> rows, String category) {
        int n = Integer.parseInt(category.substring(2));
        return rows.stream().filter(r -> r.urls() == n).findFirst().orElse(null);
    }
}
