package fetchbench.charts;

import fetchbench.analysis.Cost;
import fetchbench.analysis.Row;
import fetchbench.analysis.Verdict;
import fetchbench.result.JmhRun;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Time against cost at the largest N: one marker per setting, against its client CPU per request
 * and against its bytes per request in flight, with the settings no other beats on both (the
 * Pareto front) joined by a grey line.
 */
public final class CostCharts {

    /** A setting's place on a chart: its cost and its time. */
    record Point(Verdict verdict, double cost, double ms) {
    }

    private CostCharts() {
    }

    public static List<Charts.NamedChart> of(List<Row> rows, List<JmhRun.Result> footprints, String environment) {
        List<Verdict> verdicts = Verdict.of(rows, footprints);
        int largest = verdicts.stream().mapToInt(v -> v.largest().urls()).max().orElse(0);
        List<Verdict> atLargest = verdicts.stream().filter(v -> v.largest().urls() == largest).toList();
        List<Charts.NamedChart> charts = new ArrayList<>();
        chart(atLargest, largest, environment, "cpu", "client CPU per request (µs)",
                v -> v.cost().clientCpuUs().map(m -> m.mean())).ifPresent(charts::add);
        chart(atLargest, largest, environment, "memory", "bytes per request in flight (KB: heap, thread stacks, native)",
                v -> v.cost().footprint().map(f -> f.totalBytes() / 1024)).ifPresent(charts::add);
        return charts;
    }

    private static Optional<Charts.NamedChart> chart(List<Verdict> verdicts, int n, String environment, String name,
                                                     String xTitle, Function<Verdict, Optional<Double>> cost) {
        List<Point> points = verdicts.stream().flatMap(v -> cost.apply(v).stream()
                .map(x -> new Point(v, x, v.largest().measuredMs()))).toList();
        if (points.size() < 2) {
            return Optional.empty();
        }
        Row first = points.get(0).verdict().largest();
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Time against " + xTitle.replaceAll(" \\(.*", "") + " at N=" + n + " (lower left is better)")
                .xAxisTitle(xTitle).yAxisTitle("ms per batch of " + n + " fetches").build();
        Charts.style(chart.getStyler(), first.scenario() + " · " + environment, chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (Point point : points) {
            XYSeries series = chart.addSeries(point.verdict().setting(), List.of(point.cost()), List.of(point.ms()));
            series.setMarker(Palette.marker(point.verdict().largest().model()));
            series.setMarkerColor(Palette.color(point.verdict().largest().model()));
        }
        List<Point> front = front(points);
        XYSeries line = chart.addSeries("not beaten on both (Pareto front)", front.stream().map(Point::cost).toList(),
                front.stream().map(Point::ms).toList());
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.GRAY);
        return Optional.of(new Charts.NamedChart(first.scenarioFileName() + "-cost-" + name, "Time against "
                + (name.equals("cpu") ? "CPU" : "memory") + " per request",
                "Each setting at N=" + n + ": its batch time against its " + xTitle + "; the grey line joins the "
                        + "settings that no other is both faster and cheaper than.", chart, Charts.Section.RESOURCES));
    }

    /** The points no other point beats on both cost and time, by cost. */
    static List<Point> front(List<Point> points) {
        List<Point> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (Point point : points.stream().sorted(Comparator.comparingDouble(Point::cost)
                .thenComparingDouble(Point::ms)).toList()) {
            if (point.ms() < best) {
                front.add(point);
                best = point.ms();
            }
        }
        return front;
    }
}
