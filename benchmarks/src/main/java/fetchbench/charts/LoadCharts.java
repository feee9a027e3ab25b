package fetchbench.charts;

import fetchbench.analysis.Load;

import fetchbench.result.Metrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
        if (!curves.isEmpty()) {
            charts.add(latencyAgainstRate(curves, environment));
            charts.add(percentiles(load.arrivals(), environment));
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

    /** A log y axis labels only powers of ten: for values within less than two of them, a linear one reads better. */
    private static void linearUnlessSpread(XYChart chart, List<Double> values) {
        if (Charts.powersOfTenWithin(values) < 2) {
            chart.getStyler().setYAxisLogarithmic(false);
            chart.setYAxisTitle(chart.getYAxisTitle().replace(" (log scale)", ""));
        }
    }

    private static void look(XYSeries series, Load.Arrivals a, BasicStroke line) {
        series.setLineColor(Palette.color(a.model()));
        series.setMarkerColor(Palette.color(a.model()));
        series.setMarker(Palette.marker(a.model()));
        series.setLineStyle(line);
    }

    /** p99 (solid) and p50 (dashed) per setting against the offered rate, the knee each setting's theory predicts as a dotted vertical. */
    public static Charts.NamedChart latencyAgainstRate(Map<Load.Curve, List<Load.Arrivals>> curves, String environment) {
        Load.Arrivals any = curves.values().iterator().next().get(0);
        String subtitle = "gather of N = " + any.urls() + ", delay " + any.delayMs() + " ms, arrivals at a fixed rate · "
                + environment;
        XYChart chart = logLog("Latency against the offered rate", "offered rate (gathers per second, log scale)",
                "latency from the intended start, ms (log scale)", subtitle);
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (List<Load.Arrivals> curve : curves.values()) {
            for (Load.Arrivals a : curve) {
                lowest = Math.min(lowest, a.metric("latency.p50.ms").score());
                highest = Math.max(highest, a.p99());
            }
        }
        lowest = Math.max(0.1, lowest);
        for (Map.Entry<Load.Curve, List<Load.Arrivals>> entry : curves.entrySet()) {
            List<Load.Arrivals> curve = entry.getValue();
            Load.Arrivals first = curve.get(0);
            List<Integer> rates = curve.stream().map(Load.Arrivals::rate).toList();
            look(chart.addSeries(entry.getKey().words() + ": p99", rates, curve.stream().map(Load.Arrivals::p99).toList()),
                    first, SeriesLines.SOLID);
            look(chart.addSeries(entry.getKey().words() + ": p50", rates,
                    curve.stream().map(a -> a.metric("latency.p50.ms").score()).toList()), first, SeriesLines.DASH_DASH);
            double knee = first.capacity();
            int top = rates.get(rates.size() - 1);
            if (!Double.isInfinite(knee) && knee <= 4.0 * top) {
                XYSeries line = chart.addSeries(entry.getKey().words() + ": predicted knee " + Math.round(knee) + "/s",
                        List.of(knee, knee), List.of(lowest, highest));
                line.setLineColor(Palette.color(first.model()));
                line.setLineStyle(DOTTED);
                line.setMarker(SeriesMarkers.NONE);
            }
        }
        List<Integer> allRates = curves.values().stream().flatMap(List::stream).map(Load.Arrivals::rate).distinct()
                .sorted().toList();
        XYSeries bound = chart.addSeries("p99 bound " + Math.round(any.boundMs()) + " ms", allRates,
                allRates.stream().map(r -> any.boundMs()).toList());
        bound.setLineColor(Color.GRAY);
        bound.setLineStyle(SeriesLines.DOT_DOT);
        bound.setMarker(SeriesMarkers.NONE);
        return new Charts.NamedChart("load-latency-vs-rate", "Latency against the offered rate",
                "Solid: p99, dashed: p50, each the mean over the measured one-second windows, timed from each gather's "
                        + "intended start; dotted verticals: the rate at which theory puts the setting's utilisation "
                        + "at 1 (its knee); grey: the p99 bound. A point past the knee has its queue grow for the whole "
                        + "window.", chart, Charts.Section.LOAD);
    }

    /**
     * The latency distribution of each setting at one rate (the highest every setting ran), by
     * percentile on a log axis of 1/(1 − p): 2 is p50, 10 p90, 100 p99, 1000 p99.9.
     */
    public static Charts.NamedChart percentiles(List<Load.Arrivals> arrivals, String environment) {
        Map<Integer, Long> settingsPerRate = arrivals.stream().collect(Collectors.groupingBy(Load.Arrivals::rate,
                TreeMap::new, Collectors.counting()));
        long most = settingsPerRate.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int rate = settingsPerRate.entrySet().stream().filter(e -> e.getValue() == most)
                .map(Map.Entry::getKey).max(Comparator.naturalOrder()).orElseThrow();
        List<Load.Arrivals> atRate = arrivals.stream().filter(a -> a.rate() == rate).toList();
        Load.Arrivals any = atRate.get(0);
        XYChart chart = logLog("Latency by percentile at " + rate + " gathers a second",
                "percentile, as 1/(1 − p) on a log scale: 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9",
                "latency from the intended start, ms (log scale)",
                "gather of N = " + any.urls() + ", delay " + any.delayMs() + " ms, " + rate + " arrivals a second · "
                        + environment);
        Map<List<Object>, Load.Arrivals> bySetting = new LinkedHashMap<>();
        atRate.forEach(a -> bySetting.put(List.of(a.limits(), a.protocol()), a));
        bySetting.forEach((key, a) -> {
            String setting = a.setting();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            Metrics.LATENCY_PERCENTILES.forEach((name, percentile) -> {
                double value = a.metric(name).score();
                if (percentile < 100 && !Double.isNaN(value)) {
                    xs.add(1 / (1 - percentile / 100));
                    ys.add(Math.max(0.01, value));
                }
            });
            look(chart.addSeries(setting + (a.measured().equals("within") ? "" : " (" + a.measured() + ")"), xs, ys),
                    a, SeriesLines.SOLID);
        });
        linearUnlessSpread(chart, atRate.stream().flatMap(a -> Metrics.LATENCY_PERCENTILES.keySet().stream()
                .map(name -> a.metric(name).score())).toList());
        return new Charts.NamedChart("load-percentiles-" + rate + "-per-s", "Latency by percentile",
                "Each setting's latencies at " + rate + " gathers a second, p50 to p99.9 (the means over the measured "
                        + "windows); the maximum is in the table. A flat line is a queue that never builds; a line that "
                        + "rises to the right is the tail a few unlucky arrivals see.", chart, Charts.Section.LOAD);
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
        linearUnlessSpread(chart, callers.stream().flatMap(c -> java.util.stream.Stream.of(c.measuredMs(),
                c.predictedMs())).toList());
        return new Charts.NamedChart("load-callers", "Callers at once",
                "Solid: the measured round of M callers each gathering N through one model; dashed: the theory, "
                        + "⌈M·N/L⌉ delays with L the model's shared limit (unbounded: M·N); dotted: the band's top, "
                        + "the theory plus the floor at M·N. A pool sized for one "
                        + "caller's batch turns the extra callers into waves.", chart, Charts.Section.LOAD);
    }
}
