package fetchbench.charts;

import fetchbench.analysis.Row;
import fetchbench.analysis.Tuning;
import fetchbench.catalog.Model;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The tuning charts: per swept model, batch time against the setting beside the prediction. */
final class TuningCharts {

    private TuningCharts() {
    }

    /**
     * One tuning chart per swept model: batch time against the setting on log–log axes, measured
     * (for okHttpAsync with its pool sized to N and with OkHttp's default pool) beside the
     * prediction, max(greedy schedule, floor), with the recommendation in the caption.
     */
    static List<Charts.NamedChart> of(String prefix, String subtitle, List<Row> rows) {
        List<Charts.NamedChart> charts = new ArrayList<>();
        Map<Model, List<Tuning.Series>> byModel = Tuning.series(rows).stream().collect(Collectors.groupingBy(
                Tuning.Series::model, LinkedHashMap::new, Collectors.toList()));
        Map<String, Tuning.Recommendation> recommended = Tuning.recommendations(rows).stream()
                .collect(Collectors.toMap(r -> r.series().name(), r -> r));
        for (Map.Entry<Model, List<Tuning.Series>> model : byModel.entrySet()) {
            String swept = model.getValue().get(0).swept();
            List<Double> all = model.getValue().stream().flatMap(series -> series.points().stream())
                    .flatMap(p -> Stream.of(p.ms(), p.predictedMs())).toList();
            // XChart labels a log axis at powers of ten only: below a factor of 100 it would show one label or none.
            boolean logTime = Charts.spread(all) >= 100;
            XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                    .title("Tuning " + model.getKey().name() + " (lower is better)")
                    .xAxisTitle(swept + " (log scale)").yAxisTitle("ms per batch" + (logTime ? " (log scale)" : ""))
                    .build();
            Charts.style(chart.getStyler(), subtitle, chart);
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
                Charts.look(measured, model.getKey(), lines);
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
            charts.add(new Charts.NamedChart(prefix + "-tuning-" + model.getKey().name(),
                    "Tuning " + model.getKey().name(), caption.toString(), chart, Charts.Section.TUNING));
        }
        return charts;
    }
}
