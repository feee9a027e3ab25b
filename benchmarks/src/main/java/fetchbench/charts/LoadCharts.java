package fetchbench.charts;

import fetchbench.analysis.Load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of the gather under load: p99 and p50 against the offered rate with each setting's
 * predicted knee, the percentile distribution of each setting at one rate, and the round of M
 * callers against M beside the theory.
 */
public final class LoadCharts {

    private static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10, new float[] {2, 4}, 0);

    private LoadCharts() {
    }

    public static List<Charts.NamedChart> of(Load load, String environment) {
        List<Charts.NamedChart> charts = new ArrayList<>();
        Map<Load.Curve, List<Load.Arrivals>> curves = load.curves();
        if (curves.values().stream().anyMatch(c -> c.stream().anyMatch(a -> a.latency().isPresent()))) {
            charts.add(latencyAgainstRate(curves, environment));
            curves.forEach((key, curve) -> {
                if (Load.grid(curve).stream().anyMatch(a -> a.latency().isPresent())) {
                    charts.add(percentiles(key, curve, environment));
                    charts.add(overTime(key, curve, environment));
                }
            });
        }
        if (!load.callers().isEmpty()) {
            charts.add(callers(load.callers(), environment));
        }
        return charts;
    }

    private static XYChart logLog(String title, String xTitle, String yTitle, String subtitle) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Charts.style(chart.getStyler(), subtitle, chart);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    private static void look(XYSeries series, Load.Arrivals a, BasicStroke line) {
        series.setLineColor(Palette.color(a.model()));
        series.setMarkerColor(Palette.color(a.model()));
        series.setMarker(Palette.marker(a.model()));
        series.setLineStyle(line);
    }

    /**
     * p99 (solid, with the ends of its interval dotted) and p50 (dashed) per setting against the
     * offered rate; the bound; and each setting's predicted and measured SLO rate and saturation.
     */
    public static Charts.NamedChart latencyAgainstRate(Map<Load.Curve, List<Load.Arrivals>> curves, String environment) {
        Load.Arrivals any = curves.values().iterator().next().get(0);
        String subtitle = "gather of N = " + any.urls() + ", delay " + any.delayMs() + " ms, " + any.spacing()
                + " arrivals · " + environment;
        XYChart chart = logLog("p99 against the offered rate", "offered rate (gathers per second, log scale)",
                "latency from the intended start, ms (log scale)", subtitle);
        List<Double> values = new ArrayList<>();
        for (Map.Entry<Load.Curve, List<Load.Arrivals>> entry : curves.entrySet()) {
            List<Load.Arrivals> grid = Load.grid(entry.getValue()).stream().filter(a -> a.latency().isPresent()).toList();
            if (grid.isEmpty()) {
                continue;
            }
            Load.Arrivals first = grid.get(0);
            List<Integer> rates = grid.stream().map(Load.Arrivals::rate).toList();
            List<Double> p99 = grid.stream().map(a -> a.p99().ms()).toList();
            values.addAll(p99);
            look(chart.addSeries(entry.getKey().words() + ": p99", rates, p99), first, SeriesLines.SOLID);
            List<Double> high = grid.stream().map(a -> Double.isNaN(a.p99().highMs()) ? a.p99().ms() : a.p99().highMs()).toList();
            XYSeries top = chart.addSeries(entry.getKey().words() + ": p99's 95 % interval, top", rates, high);
            top.setLineColor(Palette.color(first.model()));
            top.setLineStyle(DOTTED);
            top.setMarker(SeriesMarkers.NONE);
            List<Double> p50 = grid.stream().map(a -> a.latency().get().ms(50)).toList();
            values.addAll(p50);
            look(chart.addSeries(entry.getKey().words() + ": p50", rates, p50), first, SeriesLines.DASH_DASH);
        }
        double lowest = Math.max(0.1, values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).min().orElse(1));
        double highest = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(10);
        for (Map.Entry<Load.Curve, List<Load.Arrivals>> entry : curves.entrySet()) {
            List<Load.Arrivals> curve = entry.getValue();
            Load.Arrivals first = curve.get(0);
            String words = entry.getKey().words();
            first.prediction().ifPresent(p -> {
                vertical(chart, words + ": SLO rate predicted " + Math.round(p.sloRate()) + "/s", p.sloRate(), lowest,
                        highest, first, DOTTED);
                vertical(chart, words + ": saturation " + Math.round(p.saturation()) + "/s", p.saturation(), lowest,
                        highest, first, SeriesLines.DOT_DOT);
            });
            Load.sloRate(curve).ifPresent(slo -> vertical(chart, words + ": SLO rate measured " + slo.rate() + "/s",
                    slo.rate(), lowest, highest, first, SeriesLines.DASH_DOT));
        }
        List<Integer> allRates = curves.values().stream().flatMap(List::stream).map(Load.Arrivals::rate).distinct()
                .sorted().toList();
        XYSeries bound = chart.addSeries("p99 bound " + Math.round(any.boundMs()) + " ms", allRates,
                allRates.stream().map(r -> any.boundMs()).toList());
        bound.setLineColor(Color.GRAY);
        bound.setLineStyle(SeriesLines.DOT_DOT);
        bound.setMarker(SeriesMarkers.NONE);
        return new Charts.NamedChart("load-latency-vs-rate", "p99 against the offered rate",
                "Solid: p99 of every measured window of every fork merged into one histogram, timed from each "
                        + "gather's intended start; dotted beside it: the top of its 95 % interval (a bootstrap over "
                        + "windows); dashed: p50; grey: the p99 bound. Verticals: the SLO rate predicted before the run "
                        + "(dotted), the one measured (dash-dot: the highest rate whose interval stays within the "
                        + "bound), and saturation, where ρ = 1 (dots).", chart, Charts.Section.LOAD);
    }

    private static void vertical(XYChart chart, String name, double x, double low, double high, Load.Arrivals a,
                                 BasicStroke style) {
        if (Double.isInfinite(x) || x <= 0) {
            return;
        }
        XYSeries line = chart.addSeries(name, List.of(x, x), List.of(low, high));
        line.setLineColor(Palette.color(a.model()));
        line.setLineStyle(style);
        line.setMarker(SeriesMarkers.NONE);
    }

    /** Shades of a setting's colour, lightest for its lowest rate. */
    private static Color shade(Load.Arrivals a, int index, int count) {
        Color base = Palette.color(a.model());
        double mix = count <= 1 ? 0 : 0.6 * (count - 1 - index) / (count - 1);
        return new Color((int) (base.getRed() + (255 - base.getRed()) * mix),
                (int) (base.getGreen() + (255 - base.getGreen()) * mix), (int) (base.getBlue() + (255 - base.getBlue()) * mix));
    }

    /**
     * One setting's latency distribution at each rate, from the merged histograms, by percentile on
     * a log axis of 1/(1 − p): 2 is p50, 10 p90, 100 p99, 1000 p99.9; each line ends at its sample count's reach.
     */
    public static Charts.NamedChart percentiles(Load.Curve key, List<Load.Arrivals> curve, String environment) {
        List<Load.Arrivals> grid = Load.grid(curve).stream().filter(a -> a.latency().isPresent()).toList();
        Load.Arrivals any = grid.get(0);
        XYChart chart = logLog("Latency by percentile: " + key.words(),
                "percentile (spaced as 1/(1 − p), log scale)",
                "latency from the intended start, ms (log scale)",
                any.spacing() + " arrivals, every fork's windows merged · " + environment);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            Load.Arrivals a = grid.get(i);
            org.HdrHistogram.Histogram merged = a.latency().get().corrected();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (org.HdrHistogram.HistogramIterationValue v : merged.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100;
                double x = 1 / (1 - Math.min(p, 1 - 1.0 / merged.getTotalCount()));
                if (x > merged.getTotalCount() || (!xs.isEmpty() && x <= xs.get(xs.size() - 1))) {
                    continue;
                }
                xs.add(x);
                ys.add(Math.max(0.01, merged.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0));
            }
            all.addAll(ys);
            XYSeries series = chart.addSeries(a.rate() + "/s (" + a.latency().get().count() + " gathers)", xs, ys);
            series.setLineColor(shade(a, i, grid.size()));
            series.setMarker(SeriesMarkers.NONE);
        }
        XYSeries bound = chart.addSeries("p99 bound " + Math.round(any.boundMs()) + " ms", List.of(1.0, 1000.0),
                List.of(any.boundMs(), any.boundMs()));
        bound.setLineColor(Color.GRAY);
        bound.setLineStyle(SeriesLines.DOT_DOT);
        bound.setMarker(SeriesMarkers.NONE);
        // A log axis labels 1, 10, 100, 1000; the percentiles they stand for are drawn on instead.
        chart.getStyler().setXAxisTicksVisible(false);
        double bottom = Math.max(0.01, all.stream().mapToDouble(Double::doubleValue).min().orElse(1));
        for (double x : PERCENTILE_MARKS) {
            chart.addAnnotation(new org.knowm.xchart.AnnotationLine(x, true, false));
            chart.addAnnotation(new org.knowm.xchart.AnnotationText(percentileOf(x), x, bottom, false));
        }
        return new Charts.NamedChart("load-percentiles-" + slug(key), "Latency by percentile: " + key.words(),
                "Each rate's latencies from the histograms of every measured window of every fork, merged: a flat "
                        + "line is a queue that never builds; a line that rises to the right is the tail a few unlucky "
                        + "arrivals see. A line stops where its samples do: past 1/(1 − p) = its count there is none.",
                chart, Charts.Section.LOAD);
    }

    /** Where the percentile chart marks its axis: 50, 90, 99 and 99.9 %. */
    static final double[] PERCENTILE_MARKS = {2, 10, 100, 1000};

    /** The percentile at x = 1/(1 − p): 10 is "90 %", 1000 "99.9 %". */
    static String percentileOf(double x) {
        if (!Double.isFinite(x) || x < 1) {
            return "";
        }
        double p = 100 * (1 - 1 / x);
        return (Math.abs(p - Math.rint(p)) < 1e-6 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%s", new java.math.BigDecimal(p).round(new java.math.MathContext(
                        (int) Math.ceil(Math.log10(x)) + 1)).stripTrailingZeros().toPlainString())) + " %";
    }

    /** One setting's p99 (solid) and p50 (dashed) window by window through the load, each window merged over the forks. */
    public static Charts.NamedChart overTime(Load.Curve key, List<Load.Arrivals> curve, String environment) {
        List<Load.Arrivals> shown = curve.stream().filter(a -> a.latency().isPresent()).toList();
        Load.Arrivals any = shown.get(0);
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Latency over time: " + key.words()).xAxisTitle("second of the measured load")
                .yAxisTitle("latency from the intended start, ms (log scale)").build();
        Charts.style(chart.getStyler(), any.spacing() + " arrivals, each window merged over the forks · " + environment,
                chart);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (int i = 0; i < shown.size(); i++) {
            Load.Arrivals a = shown.get(i);
            List<org.HdrHistogram.Histogram> byWindow = a.latency().get().byPosition();
            List<Integer> xs = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            for (int w = 0; w < byWindow.size(); w++) {
                if (byWindow.get(w).getTotalCount() > 0) {
                    xs.add(w + 1);
                    p99.add(Math.max(0.01, byWindow.get(w).getValueAtPercentile(99) / 1000.0));
                    p50.add(Math.max(0.01, byWindow.get(w).getValueAtPercentile(50) / 1000.0));
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            String name = a.rate() + "/s" + (a.overload() ? " (past saturation)" : "");
            XYSeries s99 = chart.addSeries(name + ": p99", xs, p99);
            s99.setLineColor(shade(a, i, shown.size()));
            s99.setMarker(SeriesMarkers.NONE);
            XYSeries s50 = chart.addSeries(name + ": p50", xs, p50);
            s50.setLineColor(shade(a, i, shown.size()));
            s50.setLineStyle(SeriesLines.DASH_DASH);
            s50.setMarker(SeriesMarkers.NONE);
        }
        return new Charts.NamedChart("load-over-time-" + slug(key), "Latency over time: " + key.words(),
                "Window by window (one second each), p99 solid and p50 dashed, the windows at the same second of "
                        + "every fork merged: a steady load draws flat lines; past saturation the backlog makes them climb.",
                chart, Charts.Section.LOAD);
    }

    private static String slug(Load.Curve key) {
        return (key.limits().model() + "-" + key.limits().concurrency() + "-" + key.limits().maxRequests() + "-"
                + key.protocol()).toLowerCase(java.util.Locale.ROOT);
    }

    /** The round of M callers against M, per setting, with the theory ⌈M·N/L⌉·d dashed beside it. */
    public static Charts.NamedChart callers(List<Load.Callers> callers, String environment) {
        Load.Callers any = callers.get(0);
        XYChart chart = logLog("Callers at once: a round against M", "M callers gathering at once (log scale)",
                "ms per round, the last caller's end (log scale)",
                "gather of N = " + any.urls() + ", delay " + any.delayMs() + " ms, one shared model · " + environment);
        Map<String, List<Load.Callers>> bySetting = callers.stream().collect(Collectors.groupingBy(
                Load.Callers::setting, LinkedHashMap::new, Collectors.toList()));
        bySetting.forEach((setting, rows) -> {
            List<Integer> ms = rows.stream().map(Load.Callers::callers).toList();
            XYSeries measured = chart.addSeries(setting, ms, rows.stream().map(Load.Callers::measuredMs).toList());
            measured.setLineColor(Palette.color(rows.get(0).model()));
            measured.setMarkerColor(Palette.color(rows.get(0).model()));
            measured.setMarker(Palette.marker(rows.get(0).model()));
            XYSeries theory = chart.addSeries(setting + ": theory ⌈M·N/L⌉·d", ms,
                    rows.stream().map(Load.Callers::predictedMs).toList());
            theory.setLineColor(Palette.color(rows.get(0).model()));
            theory.setLineStyle(SeriesLines.DASH_DASH);
            theory.setMarker(SeriesMarkers.NONE);
            if (rows.stream().noneMatch(c -> Double.isNaN(c.floorMs()))) {
                XYSeries top = chart.addSeries(setting + ": band top, + the floor at M·N", ms,
                        rows.stream().map(Load.Callers::bandTopMs).toList());
                top.setLineColor(Palette.color(rows.get(0).model()));
                top.setLineStyle(DOTTED);
                top.setMarker(SeriesMarkers.NONE);
            }
        });
        return new Charts.NamedChart("load-callers", "Callers at once",
                "Solid: the measured round of M callers each gathering N through one model; dashed: the theory, "
                        + "⌈M·N/L⌉ delays with L the model's shared limit (unbounded: M·N); dotted: the band's top, "
                        + "the theory plus the floor at M·N. A pool sized for one "
                        + "caller's batch turns the extra callers into waves.", chart, Charts.Section.LOAD);
    }
}
