package fetchbench.charts;

import fetchbench.analysis.MetricNames;
import fetchbench.analysis.Row;
import fetchbench.result.JmhRun;
import fetchbench.catalog.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** A chart per metric besides the batch time: threads, memory, allocation, in flight, per setting and N. */
final class MetricCharts {

    private MetricCharts() {
    }

    /**
     * Any metric besides the primary one (allocation, threads, percentiles…), per setting and N,
     * named in words; none where every value is zero or missing (nothing to read).
     */
    static Optional<Charts.NamedChart> of(String prefix, String subtitle, List<Row> rows, String metric) {
        String unit = rows.stream().map(r -> r.result().secondary().get(metric)).filter(Objects::nonNull)
                .map(JmhRun.Metric::unit).findFirst().orElse("");
        String words = MetricNames.words(metric);
        CategoryChart chart = Charts.categoryChart(words + ", " + rows.get(0).result().method(), subtitle,
                "N (URLs per batch)", unit);
        List<Integer> ns = new ArrayList<>(new TreeSet<>(rows.stream().map(Row::urls).toList()));
        List<String> categories = ns.stream().map(n -> "N=" + n).toList();
        boolean anyNonZero = false;
        Palette.Fills fills = new Palette.Fills();
        List<Double> all = new ArrayList<>();
        for (Map.Entry<Row.SettingKey, List<Row>> setting : Charts.bySetting(rows).entrySet()) {
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
        if (Charts.spread(all) > Charts.PANEL_RATIO && Charts.powersOfTenWithin(all) >= 2 && all.stream().allMatch(v -> v == null || v > 0)) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            chart.setYAxisTitle(unit + " (log scale)");
            chart.getSeriesMap().values().forEach(series -> series.setMarkerColor(series.getFillColor()));
        }
        return Optional.of(new Charts.NamedChart(prefix + "-metric-" + metric.replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", ""), words + " (" + rows.get(0).scenario() + ")", "JMH's metric '" + metric
                + "' (" + unit + "), per model setting and N.", chart, Charts.Section.RESOURCES));
    }
}
