package fetchbench.report;

import fetchbench.analysis.Comparison;
import fetchbench.analysis.Row;
import fetchbench.analysis.Words;
import fetchbench.result.ResultKeys;
import fetchbench.stats.Judgement;
import fetchbench.charts.Charts;
import fetchbench.result.JmhRun;
import fetchbench.result.ReportException;

import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Figure;
import fetchbench.document.HtmlRenderer;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import fetchbench.document.Text;
import fetchbench.result.NewFolder;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;

/**
 * Run B against run A, written to a new folder {@code compare-<A>-vs-<B>} beside run A (the inputs
 * are only read): a page with the charts and every pair's B ÷ A, a CSV of the pairs, and the
 * console's summary of what changed.
 */
final class ComparisonPage {

    static final String CSV = "comparison.csv";

    private ComparisonPage() {
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
        Comparison.Matched matched = Comparison.match(Row.of(a), Row.of(b));
        if (matched.pairs().isEmpty()) {
            throw new ReportException("no result of " + bJson + " has the benchmark and parameters of one in " + aJson);
        }
        String nameA = runName(aJson);
        String nameB = runName(bJson);
        Path folder = NewFolder.create(besideRun(aJson), "compare-" + nameA + "-vs-" + nameB);

        List<Figure> figures = new ArrayList<>();
        Map<String, List<Comparison.Pair>> byScenario = matched.pairs().stream().collect(
                Collectors.groupingBy(p -> p.a().scenarioFileName(), LinkedHashMap::new, Collectors.toList()));
        for (List<Comparison.Pair> scenario : byScenario.values()) {
            Charts.NamedChart ratios = ratioChart(scenario, nameA, nameB, a.environment());
            Report.save(ratios, folder);
            figures.add(Report.figure(ratios));
            for (int n : new TreeSet<>(scenario.stream().map(p -> p.a().urls()).toList())) {
                Charts.NamedChart chart = chart(scenario, n, nameA, nameB, a.environment(), b.environment());
                Report.save(chart, folder);
                figures.add(Report.figure(chart));
            }
        }
        List<String> warnings = Comparison.warnings(a, b);
        Files.writeString(folder.resolve(CSV), csv(matched.pairs()));
        Files.writeString(folder.resolve(Report.INDEX), HtmlRenderer.page("B " + nameB + " compared with A " + nameA,
                page(matched, a, b, warnings, figures), -1));
        return new Written(folder, summary(matched, warnings, a, b));
    }

    /** B ÷ A per result of a scenario, with the ratio's interval as error bars: 1 is unchanged. */
    static Charts.NamedChart ratioChart(List<Comparison.Pair> scenario, String nameA, String nameB, String envA) {
        List<String> labels = scenario.stream().map(p -> p.a().setting() + " N=" + p.a().urls()).toList();
        CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("B " + nameB + " ÷ A " + nameA + " (1 = unchanged)").xAxisTitle("model (setting) and N")
                .yAxisTitle("B ÷ A").build();
        Charts.style(chart.getStyler(), scenario.get(0).a().scenario() + " · A: " + envA, chart);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        List<Double> errors = scenario.stream().map(p -> p.ratio().hasInterval()
                ? Math.max(p.ratio().estimate() - p.ratio().low(), p.ratio().high() - p.ratio().estimate()) : 0.0).toList();
        chart.addSeries("B ÷ A", labels, scenario.stream().map(p -> p.ratio().estimate()).toList(), errors)
                .setFillColor(new Color(0, 114, 178));
        return new Charts.NamedChart(scenario.get(0).a().scenarioFileName() + "-ratio",
                "B ÷ A, " + scenario.get(0).a().scenario(), "B's batch time over A's for each result; the error bar "
                + "is the ratio's 95 % interval from the fork means (the larger side, drawn on both).", chart,
                scenario.get(0).a().isSweep() ? Charts.Section.TUNING : Charts.Section.of(scenario.get(0).a().shape()));
    }

    static Charts.NamedChart chart(List<Comparison.Pair> scenario, int n, String nameA, String nameB, String envA, String envB) {
        List<Comparison.Pair> atN = scenario.stream().filter(p -> p.a().urls() == n).toList();
        List<Row> rowsA = atN.stream().map(Comparison.Pair::a).toList();
        List<Row> rowsB = atN.stream().map(Comparison.Pair::b).toList();
        String subtitle = atN.get(0).a().scenario() + " · A: " + envA + (envA.equals(envB) ? "" : " · B: " + envB);
        CategoryChart chart = Charts.barChart("A " + nameA + " vs B " + nameB + " at N=" + n, subtitle,
                "ms per batch of " + n + " fetches", rowsA.stream().map(Row::setting).toList(), List.of(
                        new Charts.Bars("A: " + nameA, rowsA.stream().map(Row::measuredMs).toList(),
                                Charts.errors(rowsA), new Color(80, 120, 220)),
                        new Charts.Bars("B: " + nameB, rowsB.stream().map(Row::measuredMs).toList(),
                                Charts.errors(rowsB), new Color(240, 150, 40))));
        return new Charts.NamedChart(atN.get(0).a().scenarioFileName() + "-compare-N" + n,
                "A vs B at N=" + n, "Batch time in run A and run B, error bars half the 95 % interval from the fork means.", chart,
                atN.get(0).a().isSweep() ? Charts.Section.TUNING : Charts.Section.of(atN.get(0).a().shape()));
    }

    private static String csv(List<Comparison.Pair> pairs) {
        StringBuilder csv = new StringBuilder("scenario,setting,urls,a_ms,a_half_width_ms,a_forks,b_ms,b_half_width_ms,"
                + "b_forks,b_over_a,b_over_a_low,b_over_a_high,judgement,score\n");
        for (Comparison.Pair p : pairs) {
            csv.append(String.format(Locale.ROOT, "\"%s\",\"%s\",%d,%.3f,%.3f,%d,%.3f,%.3f,%d,%.4f,%.4f,%.4f,%s,%.3f%n",
                    p.a().scenario(), p.a().setting(), p.a().urls(), p.a().measuredMs(), p.a().halfWidthMs(),
                    p.a().forkMeans().forks(), p.b().measuredMs(), p.b().halfWidthMs(), p.b().forkMeans().forks(),
                    p.ratio().estimate(), p.ratio().low(), p.ratio().high(), p.judgement(), p.ratio().score()));
        }
        return csv.toString();
    }

    /** The page: what differs between the runs, the charts, every pair's ratio, and what only one run has. */
    private static List<Section> page(Comparison.Matched matched, JmhRun a, JmhRun b, List<String> warnings,
                                      List<Figure> figures) {
        List<Block> about = new ArrayList<>();
        warnings.forEach(w -> about.add(Paragraph.warning("Warning: " + w)));
        about.add(Paragraph.fact("A: " + a.environment()));
        about.add(Paragraph.fact("B: " + b.environment()));
        about.add(Paragraph.fact(agreement(Comparison.AaCheck.of(matched.pairs()), a, b)));
        List<String> load = LoadLines.sloAgreement(fetchbench.analysis.Load.of(a), fetchbench.analysis.Load.of(b));
        if (!load.isEmpty()) {
            about.add(Paragraph.of("Under load, each setting's SLO rate (two runs of one commit: the same or adjacent):"));
            about.add(Bullets.of(load));
        }
        about.add(Paragraph.legend("B ÷ A: " + RankingLines.comparisonLegend() + "."));
        List<List<Table.Cell>> ratios = matched.pairs().stream().map(p -> List.of(Table.Cell.of(p.a().scenario()),
                Table.Cell.of(p.a().setting()), Table.Cell.number(p.a().urls(), "%.0f"),
                Table.Cell.number(p.a().measuredMs(), "%.1f"), Table.Cell.number(p.a().halfWidthMs(), "%.1f"),
                Table.Cell.number(p.b().measuredMs(), "%.1f"), Table.Cell.number(p.b().halfWidthMs(), "%.1f"),
                new Table.Cell(Text.of(Words.ratio(p.ratio())), p.ratio().estimate()),
                p.judgement() == Judgement.different ? Table.Cell.of(Text.strong(p.judgement().name()))
                        : Table.Cell.of(p.judgement().name()))).toList();
        return List.of(new Section("runs", "The two runs", about),
                new Section("charts", "Charts", List.copyOf(figures)),
                new Section("ratio", "B ÷ A", List.of(new Table("ratios", RATIO_COLUMNS, ratios))),
                unmatched("only-a", "Only in A", matched.onlyA()), unmatched("only-b", "Only in B", matched.onlyB()))
                .stream().filter(section -> !section.isEmpty()).toList();
    }

    private static final List<Table.Column> RATIO_COLUMNS = List.of(Table.Column.text("scenario"),
            Table.Column.text("model (setting)"), Table.Column.number("N"), Table.Column.number("A ms"),
            Table.Column.number("± A"), Table.Column.number("B ms"), Table.Column.number("± B"),
            Table.Column.number("B ÷ A [95 %]"), Table.Column.text("judgement"));

    private static Section unmatched(String id, String title, List<Row> rows) {
        return new Section(id, title, rows.isEmpty() ? List.of() : List.of(Bullets.of(rows.stream()
                .map(r -> r.scenario() + " · " + r.setting() + " · N=" + r.urls()).toList())));
    }

    /** The console's summary: the warnings, then the differences, largest first, then the counts and the A/A check. */
    static String summary(Comparison.Matched matched, List<String> warnings, JmhRun a, JmhRun b) {
        StringBuilder text = new StringBuilder();
        warnings.forEach(w -> text.append("warning: ").append(w).append('\n'));
        List<Comparison.Pair> different = matched.pairs().stream().filter(p -> p.judgement() == Judgement.different)
                .sorted(Comparator.comparingDouble((Comparison.Pair p) -> -Math.abs(Math.log(p.ratio().estimate()))))
                .toList();
        different.forEach(p -> text.append(p.ratio().estimate() > 1 ? "slower: " : "faster: ").append(p.describe())
                .append('\n'));
        Map<Judgement, Long> counts = matched.pairs().stream().collect(Collectors.groupingBy(Comparison.Pair::judgement,
                () -> new EnumMap<>(Judgement.class), Collectors.counting()));
        text.append(String.format(Locale.ROOT, "%d matched results: %d different, %d equivalent, %d inconclusive; "
                        + "%d only in A, %d only in B%n", matched.pairs().size(), counts.getOrDefault(Judgement.different, 0L),
                counts.getOrDefault(Judgement.equivalent, 0L), counts.getOrDefault(Judgement.inconclusive, 0L),
                matched.onlyA().size(), matched.onlyB().size()));
        text.append(agreement(Comparison.AaCheck.of(matched.pairs()), a, b)).append('\n');
        LoadLines.sloAgreement(fetchbench.analysis.Load.of(a), fetchbench.analysis.Load.of(b))
                .forEach(line -> text.append("under load: ").append(line).append('\n'));
        return text.toString();
    }

    /** How far the two runs agree, read as two runs of one commit would have to; says whether they are. */
    static String agreement(Comparison.AaCheck check, JmhRun a, JmhRun b) {
        Optional<String> sourceA = a.forkProperty(ResultKeys.SOURCE);
        boolean sameCode = sourceA.isPresent() && sourceA.equals(b.forkProperty(ResultKeys.SOURCE));
        String figures = String.format(Locale.ROOT, "%d of %d results with an interval different (two runs of one "
                + "commit: at most %d); variance of the differences' standard scores around 0: %s (at most %s)",
                check.different(), check.pairs(), check.mostDifferent(), Words.number(check.scoreVariance(), "%.2f"),
                Words.number(check.mostScoreVariance(), "%.2f"));
        return sameCode ? "A/A check (the same code in both runs): " + (check.passes() ? "passed" : "FAILED") + ", "
                + figures : "Agreement: " + figures;
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
    }}
