package fetchbench.report;

import fetchbench.result.RunFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.result.NewFolder;
import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;

/**
 * Run B against run A: results with the same benchmark and parameters side by side, B ÷ A, and
 * whether the difference is significant — JMH's error intervals do not overlap. Written to a new
 * folder {@code compare-<A>-vs-<B>} beside run A; the inputs are only read.
 */
final class Comparison {

    static final String CSV = "comparison.csv";

    /** Is B's difference from A more than noise? */
    enum Significance {
        SIGNIFICANT("significant"),
        NOT_SIGNIFICANT("not significant"),
        UNKNOWN("unknown (no error estimate)");

        final String words;

        Significance(String words) {
            this.words = words;
        }

        /** Significant when the intervals score ± error do not overlap. */
        static Significance of(JmhRun.Metric a, JmhRun.Metric b) {
            if (Double.isNaN(a.error()) || Double.isNaN(b.error())) {
                return UNKNOWN;
            }
            boolean overlap = a.score() - a.error() <= b.score() + b.error()
                    && b.score() - b.error() <= a.score() + a.error();
            return overlap ? NOT_SIGNIFICANT : SIGNIFICANT;
        }
    }

    /** The same benchmark and parameters in both runs. */
    record Pair(Row a, Row b) {
        double ratio() {
            return b.measuredMs() / a.measuredMs();
        }

        Significance significance() {
            return Significance.of(a.result().primary(), b.result().primary());
        }

        /** B ÷ A from A's slowest and B's fastest plausible time to the reverse; NaN without errors. */
        double[] ratioInterval() {
            double lowA = a.measuredMs() - a.errorMs();
            return new double[] {(b.measuredMs() - b.errorMs()) / (a.measuredMs() + a.errorMs()),
                    lowA <= 0 ? Double.POSITIVE_INFINITY : (b.measuredMs() + b.errorMs()) / lowA};
        }

        /** "gather, delay 20 ms fixed · threadPool (k=20) N=10: 22.4 ± 2.6 → 67.2 ± 0.1 ms, B ÷ A 3.00 (2.65–3.47)". */
        String describe() {
            double[] interval = ratioInterval();
            return String.format(Locale.ROOT, "%s · %s N=%d: %s → %s ms, B ÷ A %.2f (%.2f–%.2f)", a.scenario(),
                    a.setting(), a.urls(), Digest.meanAndError(a), Digest.meanAndError(b), ratio(), interval[0],
                    interval[1]);
        }
    }

    /** What a reader of the comparison should know first: how the two runs differ besides the code under test. */
    static List<String> warnings(JmhRun a, JmhRun b) {
        List<String> warnings = new ArrayList<>();
        differ(warnings, "measured batches per result", budgets(a), budgets(b));
        differ(warnings, "code version", a.forkProperty(ResultKeys.SOURCE).orElse("unknown"),
                b.forkProperty(ResultKeys.SOURCE).orElse("unknown"));
        differ(warnings, "JDK and cores", a.environment(), b.environment());
        differ(warnings, "machine", machine(a), machine(b));
        differ(warnings, "server check", a.forkProperty(ResultKeys.SERVER_CHECK_FAILED).map(n -> "FAILED at N=" + n)
                .orElse("passed"), b.forkProperty(ResultKeys.SERVER_CHECK_FAILED).map(n -> "FAILED at N=" + n)
                .orElse("passed"));
        return warnings;
    }

    /** The machine environment.json beside the run's jmh.json describes (OS, architecture, memory), if it is there. */
    private static String machine(JmhRun run) {
        Path environment = run.source().toAbsolutePath().resolveSibling(RunFolder.ENVIRONMENT_JSON);
        try {
            JsonObject env = JsonParser.parseString(Files.readString(environment)).getAsJsonObject();
            JsonObject machine = env.getAsJsonObject("machine");
            return machine.get("os").getAsString() + ", " + machine.get("arch").getAsString() + ", "
                    + machine.get("memoryBytes").getAsLong() / (1L << 30) + " GiB";
        } catch (IOException | RuntimeException e) {
            return "unknown (no environment.json)";
        }
    }

    private static void differ(List<String> warnings, String what, String a, String b) {
        if (!a.equals(b)) {
            warnings.add("the runs differ in " + what + ": A " + a + ", B " + b);
        }
    }

    /** "2×10–2×30": forks × measured batches, the smallest and the largest of the run's results. */
    private static String budgets(JmhRun run) {
        TreeSet<String> budgets = run.results().stream().filter(r -> !Calibration.isBare(r))
                .map(r -> r.forks() + "×" + r.measurementIterations())
                .collect(Collectors.toCollection(TreeSet::new));
        return String.join(", ", budgets);
    }

    /** The console's summary: the warnings, then the significant changes, largest first, then the counts. */
    static String summary(Matched matched, List<String> warnings) {
        StringBuilder text = new StringBuilder();
        warnings.forEach(w -> text.append("warning: ").append(w).append('\n'));
        List<Pair> significant = matched.pairs().stream().filter(p -> p.significance() == Significance.SIGNIFICANT)
                .sorted(java.util.Comparator.comparingDouble((Pair p) -> -Math.abs(Math.log(p.ratio())))).toList();
        significant.forEach(p -> text.append(p.ratio() > 1 ? "slower: " : "faster: ").append(p.describe()).append('\n'));
        long unknown = matched.pairs().stream().filter(p -> p.significance() == Significance.UNKNOWN).count();
        text.append(String.format(Locale.ROOT, "%d of %d matched results differ beyond both intervals%s; %d only in A, "
                        + "%d only in B%n", significant.size(), matched.pairs().size(),
                unknown == 0 ? "" : " (" + unknown + " without an interval, not compared)", matched.onlyA().size(),
                matched.onlyB().size()));
        return text.toString();
    }


    record Matched(List<Pair> pairs, List<Row> onlyA, List<Row> onlyB) {
    }

    static Matched match(List<Row> a, List<Row> b) {
        Map<String, Row> byKeyB = new LinkedHashMap<>();
        b.forEach(r -> byKeyB.put(key(r), r));
        List<Pair> pairs = new ArrayList<>();
        List<Row> onlyA = new ArrayList<>();
        for (Row rowA : a) {
            Row rowB = byKeyB.remove(key(rowA));
            if (rowB == null) {
                onlyA.add(rowA);
            } else {
                pairs.add(new Pair(rowA, rowB));
            }
        }
        return new Matched(pairs, onlyA, List.copyOf(byKeyB.values()));
    }

    /**
     * What makes two results the same measurement: benchmark, parameters (a run from before the
     * connectionPool parameter used a pool sized to N) and whether it is a sweep's.
     */
    private static String key(Row row) {
        Map<String, String> params = new TreeMap<>(row.result().params());
        params.putIfAbsent(Param.CONNECTION_POOL.key, row.connectionPool().name());
        return row.result().benchmark() + " " + params + (row.isSweep() ? " sweep" : "");
    }

    /** The folder written and the console's summary. */
    record Written(Path folder, String summary) {
    }

    static Path write(Path aJson, Path bJson) throws ReportException, IOException {
        return writeWithSummary(aJson, bJson).folder();
    }

    static Written writeWithSummary(Path aJson, Path bJson) throws ReportException, IOException {
        JmhRun a = JmhRun.read(aJson);
        JmhRun b = JmhRun.read(bJson);
        Matched matched = match(Row.of(a), Row.of(b));
        if (matched.pairs().isEmpty()) {
            throw new ReportException("no result of " + bJson + " has the benchmark and parameters of one in " + aJson);
        }
        String nameA = runName(aJson);
        String nameB = runName(bJson);
        Path folder = NewFolder.create(besideRun(aJson), "compare-" + nameA + "-vs-" + nameB);

        StringBuilder figures = new StringBuilder();
        Map<String, List<Pair>> byScenario = matched.pairs().stream().collect(
                Collectors.groupingBy(p -> p.a().scenarioFileName(), LinkedHashMap::new, Collectors.toList()));
        for (List<Pair> scenario : byScenario.values()) {
            Charts.NamedChart ratios = ratioChart(scenario, nameA, nameB, a.environment());
            Report.save(ratios, folder);
            figures.append(Report.figure(ratios));
            for (int n : new TreeSet<>(scenario.stream().map(p -> p.a().urls()).toList())) {
                Charts.NamedChart chart = chart(scenario, n, nameA, nameB, a.environment(), b.environment());
                Report.save(chart, folder);
                figures.append(Report.figure(chart));
            }
        }
        List<String> warnings = warnings(a, b);
        Files.writeString(folder.resolve(CSV), csv(matched.pairs()));
        Files.writeString(folder.resolve(Report.INDEX), page(matched, nameA, nameB, a, b, warnings, figures.toString()));
        return new Written(folder, summary(matched, warnings));
    }

    /** B ÷ A per result of a scenario, with the ratio's interval as error bars: 1 is unchanged. */
    static Charts.NamedChart ratioChart(List<Pair> scenario, String nameA, String nameB, String envA) {
        List<String> labels = scenario.stream().map(p -> p.a().setting() + " N=" + p.a().urls()).toList();
        CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("B " + nameB + " ÷ A " + nameA + " (1 = unchanged)").xAxisTitle("model (setting) and N")
                .yAxisTitle("B ÷ A").build();
        Charts.style(chart.getStyler(), scenario.get(0).a().scenario() + " · A: " + envA, chart);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        List<Double> errors = scenario.stream().map(p -> {
            double[] interval = p.ratioInterval();
            double half = Math.max(p.ratio() - interval[0], interval[1] - p.ratio());
            return Double.isFinite(half) ? half : 0.0;
        }).toList();
        chart.addSeries("B ÷ A", labels, scenario.stream().map(Pair::ratio).toList(), errors)
                .setFillColor(new Color(0, 114, 178));
        return new Charts.NamedChart(scenario.get(0).a().scenarioFileName() + "-ratio",
                "B ÷ A, " + scenario.get(0).a().scenario(), "B's batch time over A's for each result; the error bar "
                + "spans the ratio of the two intervals' far ends (the larger side, drawn on both).", chart,
                scenario.get(0).a().isSweep() ? Charts.Section.tuning : Charts.Section.of(scenario.get(0).a().shape()));
    }

    static Charts.NamedChart chart(List<Pair> scenario, int n, String nameA, String nameB, String envA, String envB) {
        List<Pair> atN = scenario.stream().filter(p -> p.a().urls() == n).toList();
        List<Row> rowsA = atN.stream().map(Pair::a).toList();
        List<Row> rowsB = atN.stream().map(Pair::b).toList();
        String subtitle = atN.get(0).a().scenario() + " · A: " + envA + (envA.equals(envB) ? "" : " · B: " + envB);
        CategoryChart chart = Charts.barChart("A " + nameA + " vs B " + nameB + " at N=" + n, subtitle,
                "ms per batch of " + n + " fetches", rowsA.stream().map(Row::setting).toList(), List.of(
                        new Charts.Bars("A: " + nameA, rowsA.stream().map(Row::measuredMs).toList(),
                                Charts.errors(rowsA), new Color(80, 120, 220)),
                        new Charts.Bars("B: " + nameB, rowsB.stream().map(Row::measuredMs).toList(),
                                Charts.errors(rowsB), new Color(240, 150, 40))));
        return new Charts.NamedChart(atN.get(0).a().scenarioFileName() + "-compare-N" + n,
                "A vs B at N=" + n, "Batch time in run A and run B, error bars JMH's 99.9 % error.", chart,
                atN.get(0).a().isSweep() ? Charts.Section.tuning : Charts.Section.of(atN.get(0).a().shape()));
    }

    private static String csv(List<Pair> pairs) {
        StringBuilder csv = new StringBuilder("scenario,setting,urls,a_ms,a_error_ms,b_ms,b_error_ms,b_over_a,significance\n");
        for (Pair p : pairs) {
            csv.append(String.format(Locale.ROOT, "\"%s\",\"%s\",%d,%.3f,%.3f,%.3f,%.3f,%.4f,%s%n", p.a().scenario(),
                    p.a().setting(), p.a().urls(), p.a().measuredMs(), p.a().errorMs(), p.b().measuredMs(),
                    p.b().errorMs(), p.ratio(), p.significance().words));
        }
        return csv.toString();
    }

    private static String page(Matched matched, String nameA, String nameB, JmhRun a, JmhRun b, List<String> warnings,
                               String figures) {
        StringBuilder html = new StringBuilder(Html.head("fetchbench: " + nameB + " vs " + nameA));
        html.append("<h1>B ").append(Html.escape(nameB)).append(" compared with A ").append(Html.escape(nameA))
                .append("</h1>\n");
        warnings.forEach(w -> html.append("<p class=\"sig\">Warning: ").append(Html.escape(w)).append("</p>\n"));
        html.append("<p class=\"env\">A: ").append(Html.escape(a.environment())).append("<br>B: ")
                .append(Html.escape(b.environment())).append("</p>\n<p>A difference is <b>significant</b> when "
                        + "JMH's error intervals (score ± error) of A and B do not overlap.</p>\n");
        html.append("<h2>Charts</h2>\n").append(figures);
        html.append("<h2>B ÷ A</h2>\n<table class=\"sortable\" id=\"ratios\">\n<thead><tr><th class=\"text\">scenario</th>"
                + "<th class=\"text\">model (setting)</th><th class=\"num\">N</th><th class=\"num\">A ms</th>"
                + "<th class=\"num\">± A</th><th class=\"num\">B ms</th><th class=\"num\">± B</th>"
                + "<th class=\"num\">B ÷ A</th><th class=\"text\">difference</th></tr></thead>\n<tbody>\n");
        for (Pair p : matched.pairs()) {
            Significance s = p.significance();
            html.append("<tr>").append(Html.textCell(p.a().scenario())).append(Html.textCell(p.a().setting()))
                    .append(Html.numberCell(p.a().urls(), "%.0f"))
                    .append(Html.numberCell(p.a().measuredMs(), "%.1f")).append(Html.numberCell(p.a().errorMs(), "%.1f"))
                    .append(Html.numberCell(p.b().measuredMs(), "%.1f")).append(Html.numberCell(p.b().errorMs(), "%.1f"))
                    .append(Html.numberCell(p.ratio(), "%.3f"))
                    .append("<td class=\"text ").append(s == Significance.SIGNIFICANT ? "sig" : "nosig")
                    .append("\" data-value=\"").append(s.words).append("\">").append(s.words).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        appendUnmatched(html, "Only in A", matched.onlyA());
        appendUnmatched(html, "Only in B", matched.onlyB());
        return html.append(Html.SORT_SCRIPT).append("</body>\n</html>\n").toString();
    }

    private static void appendUnmatched(StringBuilder html, String heading, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h2>").append(heading).append("</h2>\n<ul>\n");
        rows.forEach(r -> html.append("<li>").append(Html.escape(r.scenario() + " · " + r.setting() + " · N=" + r.urls()))
                .append("</li>\n"));
        html.append("</ul>\n");
    }

    /** The run folder's name, or the file's name without .json when it is not in a run folder. */
    static String runName(Path jmhJson) {
        Path file = jmhJson.toAbsolutePath();
        return file.getFileName().toString().equals("jmh.json")
                ? file.getParent().getFileName().toString()
                : file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** Where a comparison goes: beside run A's folder, or beside the file when it is not in a run folder. */
    static Path besideRun(Path jmhJson) {
        Path file = jmhJson.toAbsolutePath();
        Path folder = file.getParent();
        return file.getFileName().toString().equals("jmh.json") && folder.getParent() != null
                ? folder.getParent()
                : folder;
    }
}
