package fetchbench.charts;

import fetchbench.analysis.Row;
import fetchbench.model.ClientStack;
import fetchbench.catalog.Limits;
import fetchbench.theory.Theory;
import fetchbench.workload.DelayProfile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The scaling chart: batch time against N on log–log axes, with the theory lines and the floors. */
final class ScalingCharts {

    private ScalingCharts() {
    }

    /** Batch time against N on log–log axes, one line per setting, with the theory lines drawn in. */
    static Charts.NamedChart of(String prefix, String subtitle, List<Row> rows) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Scaling: batch time against N").xAxisTitle("N (URLs per batch, log scale)")
                .yAxisTitle("ms per batch (log scale)").build();
        Charts.style(chart.getStyler(), subtitle, chart);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        List<Integer> ns = new ArrayList<>(new TreeSet<>(rows.stream().map(Row::urls).toList()));
        Palette.Lines lines = new Palette.Lines();
        for (Map.Entry<Row.SettingKey, List<Row>> setting : Charts.bySetting(rows).entrySet()) {
            List<Row> points = setting.getValue().stream().sorted((a, b) -> Integer.compare(a.urls(), b.urls())).toList();
            Charts.look(chart.addSeries(points.get(0).setting(), points.stream().map(Row::urls).toList(),
                    points.stream().map(Row::measuredMs).toList()), points.get(0).model(), lines);
        }
        for (ClientStack stack : ClientStack.values()) {
            List<Row> withFloor = rows.stream().filter(r -> r.model().clientStack() == stack)
                    .filter(r -> !Double.isNaN(r.floorMs())).toList();
            List<Integer> floorNs = new ArrayList<>(new TreeSet<>(withFloor.stream().map(Row::urls).toList()));
            if (!floorNs.isEmpty()) {
                theoryLine(chart, "floor: bare " + stack + " client, 1 ms delay", floorNs, n -> withFloor.stream()
                        .filter(r -> r.urls() == n).findFirst().orElseThrow().floorMs(),
                        switch (stack) {
                            case okHttp -> SeriesLines.SOLID;
                            case jdkHttpClient -> Charts.LONG_DASH;
                            case reactorNetty -> Charts.SPARSE_DOT;
                            case apacheAsync -> Charts.DASH_DOT_LONG;
                            case apacheClassic -> Charts.DASH_DOT_DOT_LONG;
                            case jetty -> Charts.SHORT_DASH;
                        });
            }
        }
        Row first = rows.get(0);
        if (first.delays().profile() == DelayProfile.fixed && ns.size() > 1) {
            double d = first.delayMs();
            theoryLine(chart, "theory: ideal ≈ d", ns, n -> Theory.waves(n, n) * d, SeriesLines.DOT_DOT);
            theoryLine(chart, "theory: sequential N·d", ns, n -> Theory.waves(n, 1) * d, SeriesLines.DASH_DASH);
            for (int k : Charts.poolSizes(rows)) {
                theoryLine(chart, "theory: pool of " + k + " ⌈N/" + k + "⌉·d", ns,
                        n -> Theory.waves(n, k) * d, SeriesLines.DASH_DOT);
            }
            for (Limits dispatcher : Charts.boundedDispatchers(rows)) {
                int c = Math.min(dispatcher.concurrency(), dispatcher.maxRequests());
                theoryLine(chart, "theory: OkHttp's Dispatcher, " + dispatcher.concurrency() + " per host and "
                        + dispatcher.maxRequests() + " in all ⌈N/" + c + "⌉·d", ns, n -> Theory.waves(n, c) * d,
                        Charts.DASH_DOT_DOT);
            }
        }
        return new Charts.NamedChart(prefix + "-scaling", "Scaling",
                "Coloured lines are measurements; dashed grey lines are queueing theory for a fixed delay d "
                        + "(one delay when unbounded, N delays in a row, ⌈N/k⌉ waves for a pool of k or OkHttp's "
                        + "Dispatcher); the grey floors are the bare client of each stack with a 1 ms delay: solid "
                        + "OkHttp, long-dashed the JDK client, sparsely dotted Reactor Netty.", chart,
                Charts.Section.of(first.shape()));
    }

    private static void theoryLine(XYChart chart, String name, List<Integer> ns,
                                   IntToDoubleFunction y, BasicStroke dashes) {
        XYSeries series = chart.addSeries(name, ns, ns.stream().map(n -> y.applyAsDouble(n)).toList());
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(Color.GRAY);
        series.setLineStyle(dashes);
        series.setLineWidth(1.5f);
    }
}
