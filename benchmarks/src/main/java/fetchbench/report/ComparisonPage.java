package fetchbench.report;

import fetchbench.analysis.Comparison;
import fetchbench.analysis.Load;
import fetchbench.analysis.Words;
import fetchbench.charts.Charts;
import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Figure;
import fetchbench.document.HtmlRenderer;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import fetchbench.document.Text;
import fetchbench.result.JmhRun;
import fetchbench.result.NewFolder;
import fetchbench.result.ReportException;
import fetchbench.result.ResultKeys;
import fetchbench.result.WholeFile;
import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import fetchbench.stats.Ratio;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Run B against run A, written to a new folder {@code compare-<A>-vs-<B>} beside run A (the inputs
 * are only read): a page with every shared result's B ÷ A, then their ratio charts, then A and B
 * side by side; a CSV of the results; and the console's summary of what changed. The entry point
 * of scripts/compare.sh.
 */
final class ComparisonPage {

    static final String CSV = "comparison.csv";
    static final String FAIL_ON_SLOWER = "--fail-on-slower";
    /** The exit code with {@link #FAIL_ON_SLOWER} when B is slower in a shared result. */
    static final int EXIT_SLOWER = 3;

    /** The comparison page lists its charts in its own order: their report section is not read. */
    private static final Charts.Section CHART_SECTION = Charts.Section.RESOURCES;

    private ComparisonPage() {
    }

    /** scripts/compare.sh [--fail-on-slower] A B. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        WholeFile.stopOnSignals();
        System.exit(run(List.of(args), WholeFile.quietWhenStopping(System.out),
                WholeFile.quietWhenStopping(System.err)));
    }

    /** 0 compared; 1 failed; 2 bad input (one line on stderr); 3 with --fail-on-slower, B slower somewhere. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean failOnSlower = args.contains(FAIL_ON_SLOWER);
        List<String> runs = args.stream().filter(a -> !a.equals(FAIL_ON_SLOWER)).toList();
        for (String arg : runs) {
            if (arg.startsWith("-")) {
                err.println("unknown option '" + arg + "'; allowed: " + FAIL_ON_SLOWER + " (" + ReportMain.COMPARE_USAGE + ")");
                return ReportMain.EXIT_USAGE;
            }
        }
        try {
            Margin.current();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + " (FETCHBENCH_MARGIN)");
            return ReportMain.EXIT_USAGE;
        }
        if (runs.size() != 2) {
            err.println(ReportMain.COMPARE_USAGE);
            return ReportMain.EXIT_USAGE;
        }
        try {
            Written written = writeWithSummary(ReportMain.jmhJson(runs.get(0)), ReportMain.jmhJson(runs.get(1)), out);
            out.print(written.summary());
            out.println("wrote " + written.folder().resolve(Report.INDEX));
            List<Comparison.Pair> slower = written.matched().slower();
            if (failOnSlower && !slower.isEmpty()) {
                err.println(slowerLine(slower));
                return EXIT_SLOWER;
            }
            return 0;
        } catch (ReportException e) {
            err.println(e.getMessage() + " (" + ReportMain.COMPARE_USAGE + ")");
            return ReportMain.EXIT_USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("failed: " + e);
            return 1;
        }
    }

    /** "B is slower in 2 shared results (different, and worse in B): gather, … N=10 1.30× [1.27–1.33]; …". */
    static String slowerLine(List<Comparison.Pair> slower) {
        return "B is slower in " + slower.size() + (slower.size() == 1 ? " shared result" : " shared results")
                + " (different, and worse in B): " + slower.stream()
                .map(p -> p.a().describe() + " " + Words.ratio(p.ratio())).collect(Collectors.joining("; "));
    }

    /** The folder written, the console's summary, and the comparison behind them. */
    record Written(Path folder, String summary, Comparison.Matched matched) {
    }

    static Path write(Path aJson, Path bJson) throws ReportException, IOException {
        return writeWithSummary(aJson, bJson, new PrintStream(OutputStream.nullOutputStream())).folder();
    }

    /**
     * Compares the runs and writes the folder whole or not at all: its files go into a hidden
     * folder beside it, which is moved into place when all are written and removed if the JVM is
     * stopped first. {@code out} gets a line when the writing begins.
     */
    static Written writeWithSummary(Path aJson, Path bJson, PrintStream out) throws ReportException, IOException {
        JmhRun a = JmhRun.read(aJson);
        JmhRun b = JmhRun.read(bJson);
        Comparison.Matched matched = Comparison.match(a, b);
        if (matched.pairs().isEmpty()) {
            throw new ReportException("no result of " + bJson + " has the benchmark and parameters of one in " + aJson);
        }
        String nameA = runName(aJson);
        String nameB = runName(bJson);
        Path folder = NewFolder.create(besideRun(aJson), "compare-" + nameA + "-vs-" + nameB);
        Path staging = WholeFile.partOf(folder);
        Thread interrupted = WholeFile.onInterrupt("fetchbench-comparison-interrupted", () -> {
            if (Files.exists(staging)) { // not moved into place: moving takes WholeFile's lock, as this hook did
                WholeFile.deleteTree(staging);
                removeIfEmpty(folder);
                System.err.println("compare: interrupted; " + folder + " was not written");
            }
        });
        try {
            Files.createDirectory(staging);
            out.println("writing " + folder + " ...");
            Written written = writeInto(staging, folder, matched, a, b, nameA, nameB);
            // rename(2) puts a folder in the place of an empty one in one step.
            if (!WholeFile.moveIntoPlace(staging, folder)) {
                throw new IOException("stopped before " + folder + " was moved into place");
            }
            return written;
        } catch (IOException | RuntimeException e) {
            if (!WholeFile.stopping()) { // stopping: the hook removes them
                WholeFile.deleteTree(staging);
                removeIfEmpty(folder);
            }
            throw e;
        } finally {
            WholeFile.removeHook(interrupted);
        }
    }

    private static void removeIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException notEmpty) {
            // The comparison was moved into place: it stays.
        }
    }

    /** The comparison's files in {@code staging}, which becomes {@code folder}. */
    private static Written writeInto(Path staging, Path folder, Comparison.Matched matched, JmhRun a, JmhRun b,
                                     String nameA, String nameB) throws IOException {
        List<Figure> ratioFigures = new ArrayList<>();
        List<Figure> resultFigures = new ArrayList<>();
        for (List<Comparison.Pair> group : groups(matched.pairs())) {
            Charts.NamedChart ratios = ratioChart(group, nameA, nameB, a.environment());
            Report.save(ratios, staging);
            ratioFigures.add(figure(ratios));
            for (int n : new TreeSet<>(group.stream().map(p -> p.a().urls()).toList())) {
                Charts.NamedChart chart = chart(group, n, nameA, nameB, a.environment(), b.environment());
                Report.save(chart, staging);
                resultFigures.add(figure(chart));
            }
        }
        Comparison.Code code = Comparison.code(a, b);
        List<String> warnings = Comparison.warnings(a, b, code);
        WholeFile.writeString(staging.resolve(CSV), csv(matched));
        WholeFile.writeString(staging.resolve(Report.INDEX), HtmlRenderer.page("B " + nameB + " compared with A " + nameA,
                page(matched, a, b, code, warnings, ratioFigures, resultFigures), -1));
        return new Written(folder, summary(matched, warnings, a, b, code), matched);
    }

    /** The pairs by the chart files they share (a scenario, or a kind of result), in the table's order. */
    private static List<List<Comparison.Pair>> groups(List<Comparison.Pair> pairs) {
        return List.copyOf(pairs.stream().collect(Collectors.groupingBy(p -> p.a().fileName(), LinkedHashMap::new,
                Collectors.toList())).values());
    }

    /** The chart as a figure of the page at its own size (a ratio chart grows with its results). */
    private static Figure figure(Charts.NamedChart chart) {
        return new Figure(chart.fileName(), chart.chart().getTitle(), chart.caption(), chart.chart().getWidth(),
                chart.chart().getHeight());
    }

    private static final Color DIFFERENT = new Color(213, 94, 0);
    private static final Color EQUIVALENT = new Color(0, 158, 115);
    private static final Color INCONCLUSIVE = new Color(150, 150, 150);
    /** Each result's row in a ratio chart, in pixels; the title, axis and margins take the rest. */
    static final int RATIO_ROW_PIXELS = 30;
    private static final int RATIO_CHART_FRAME_PIXELS = 220;

    static Color color(Judgement judgement) {
        return switch (judgement) {
            case different -> DIFFERENT;
            case equivalent -> EQUIVALENT;
            case inconclusive -> INCONCLUSIVE;
        };
    }

    /**
     * B ÷ A per result of a group, one row each: the ratio (a diamond) inside its 95 % interval (a
     * line), coloured by its word, against a vertical line at 1 and dotted ones at the margin.
     */
    static Charts.NamedChart ratioChart(List<Comparison.Pair> group, String nameA, String nameB, String envA) {
        Comparison.Measured first = group.get(0).a();
        int rows = group.size();
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH)
                .height(Math.max(Charts.HEIGHT, RATIO_CHART_FRAME_PIXELS + rows * RATIO_ROW_PIXELS))
                .title("B " + nameB + " ÷ A " + nameA + " (1 = unchanged)")
                .xAxisTitle("B ÷ A with its 95 % interval (right of 1: more in B)").yAxisTitle("").build();
        Charts.style(chart.getStyler(), first.scenario() + " · A: " + envA, chart);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setYAxisTitleVisible(false);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(rows + 1.0);
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setAnnotationLineColor(Color.BLACK);
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.5f));
        double margin = group.get(0).ratio().margin();
        double low = 1 / (1 + margin);
        double high = 1 + margin;
        Set<Judgement> inLegend = EnumSet.noneOf(Judgement.class);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Comparison.Pair pair = group.get(i);
            Ratio ratio = pair.ratio();
            double y = rows - i; // the table's first result on top
            labels.add(pair.a().setting() + (pair.a().urls() > 0 ? " N=" + pair.a().urls() : "") + "   "
                    + Words.ratio(ratio) + ", " + pair.judgement());
            if (!Double.isFinite(ratio.estimate())) {
                continue;
            }
            Color color = color(pair.judgement());
            if (ratio.hasInterval()) {
                XYSeries interval = chart.addSeries("interval " + i, List.of(ratio.low(), ratio.high()), List.of(y, y));
                interval.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                interval.setLineColor(color);
                interval.setLineStyle(new BasicStroke(3f));
                interval.setMarker(SeriesMarkers.NONE);
                interval.setShowInLegend(false);
                low = Math.min(low, ratio.low());
                high = Math.max(high, ratio.high());
            }
            boolean firstOfItsWord = inLegend.add(pair.judgement());
            XYSeries estimate = chart.addSeries(firstOfItsWord ? pair.judgement().name() : "B ÷ A " + i,
                    List.of(ratio.estimate()), List.of(y));
            estimate.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            estimate.setMarker(SeriesMarkers.DIAMOND);
            estimate.setMarkerColor(color);
            estimate.setShowInLegend(firstOfItsWord);
            low = Math.min(low, ratio.estimate());
            high = Math.max(high, ratio.estimate());
        }
        marginLine(chart, "margin ±" + percent(margin), 1 / (1 + margin), rows, true);
        marginLine(chart, "margin, upper", 1 + margin, rows, false);
        double pad = 0.05 * (high - low);
        chart.getStyler().setXAxisMin(low - pad);
        chart.getStyler().setXAxisMax(high + pad);
        chart.addAnnotation(new AnnotationLine(1.0, true, false));
        chart.addAnnotation(new RowLabels(labels));
        return new Charts.NamedChart(first.fileName() + "-ratio", "B ÷ A, " + first.scenario(),
                "Each shared result's B ÷ A (diamond) and its 95 % interval from the fork means (line), coloured by "
                        + "its word: different (orange), equivalent (green), inconclusive (grey). The black line is "
                        + "1 (unchanged); the dotted ones the margin, within which a result is equivalent.", chart,
                CHART_SECTION);
    }

    private static void marginLine(XYChart chart, String name, double x, int rows, boolean inLegend) {
        XYSeries line = chart.addSeries(name, List.of(x, x), List.of(0.0, rows + 1.0));
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(Color.GRAY);
        line.setLineStyle(SeriesLines.DOT_DOT);
        line.setMarker(SeriesMarkers.NONE);
        line.setShowInLegend(inLegend);
    }

    /** Each row's words at the left of the plot, above its interval: an XY chart has no category axis. */
    private static final class RowLabels extends Annotation {

        private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        private final List<String> labels;

        RowLabels(List<String> labels) {
            super(false);
            this.labels = List.copyOf(labels);
        }

        @Override
        public void paint(Graphics2D g) {
            g.setFont(FONT);
            g.setColor(Color.DARK_GRAY);
            int left = getXAxisScreenValueForMin() + 6;
            for (int i = 0; i < labels.size(); i++) {
                g.drawString(labels.get(i), left, getYAxisScreenValue(labels.size() - i) - 7);
            }
            bounds = new Rectangle2D.Double(left, getYAxisScreenValueForMin(),
                    getXAxisScreenValueForMax() - left, getYAxisScreenValueForMax() - getYAxisScreenValueForMin());
        }
    }

    /** A and B side by side for the results of a group at one N, error bars half the fork interval. */
    static Charts.NamedChart chart(List<Comparison.Pair> group, int n, String nameA, String nameB, String envA,
                                   String envB) {
        List<Comparison.Pair> atN = group.stream().filter(p -> p.a().urls() == n).toList();
        Comparison.Measured first = atN.get(0).a();
        String subtitle = first.scenario() + " · A: " + envA + (envA.equals(envB) ? "" : " · B: " + envB);
        String atWords = n > 0 ? " at N=" + n : "";
        CategoryChart chart = Charts.barChart("A " + nameA + " vs B " + nameB + atWords, subtitle, first.measure(),
                atN.stream().map(p -> p.a().setting()).toList(), List.of(
                        new Charts.Bars("A: " + nameA, atN.stream().map(p -> p.a().mean()).toList(),
                                errors(atN.stream().map(Comparison.Pair::a).toList()), new Color(80, 120, 220)),
                        new Charts.Bars("B: " + nameB, atN.stream().map(p -> p.b().mean()).toList(),
                                errors(atN.stream().map(Comparison.Pair::b).toList()), new Color(240, 150, 40))));
        return new Charts.NamedChart(first.fileName() + "-compare-N" + n, "A vs B" + atWords + ", " + first.scenario(),
                "Each result in run A and run B (" + first.measure() + "), error bars half the 95 % interval from the "
                        + "fork means.", chart, CHART_SECTION);
    }

    private static List<Double> errors(List<Comparison.Measured> results) {
        return results.stream().map(m -> Double.isNaN(m.halfWidth()) ? 0.0 : m.halfWidth()).toList();
    }

    /** Every shared result, then those only one run has (their judgement "only in A" or "only in B"). */
    private static String csv(Comparison.Matched matched) {
        StringBuilder csv = new StringBuilder("scenario,setting,urls,unit,a_mean,a_half_width,a_forks,b_mean,"
                + "b_half_width,b_forks,b_over_a,b_over_a_low,b_over_a_high,judgement,margin\n");
        for (Comparison.Pair p : matched.pairs()) {
            csv.append(words(p.a())).append(',').append(measured(p.a())).append(',').append(measured(p.b()))
                    .append(String.format(Locale.ROOT, ",%.4f,%.4f,%.4f,%s,%s\n", p.ratio().estimate(), p.ratio().low(),
                            p.ratio().high(), p.judgement(), p.ratio().margin()));
        }
        matched.onlyA().forEach(m -> csv.append(words(m)).append(',').append(measured(m)).append(",,,,,,,only in A,\n"));
        matched.onlyB().forEach(m -> csv.append(words(m)).append(",,,,").append(measured(m)).append(",,,,only in B,\n"));
        return csv.toString();
    }

    /** scenario,setting,urls,unit. */
    private static String words(Comparison.Measured m) {
        return quoted(m.scenario()) + "," + quoted(m.setting()) + "," + m.urls() + "," + quoted(m.unit());
    }

    /** mean,half_width,forks. */
    private static String measured(Comparison.Measured m) {
        return String.format(Locale.ROOT, "%.3f,%.3f,%d", m.mean(), m.halfWidth(), m.forkMeans().forks());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The page: what differs between the runs, every pair's ratio, the ratio charts, A and B side by side, what only one run has. */
    private static List<Section> page(Comparison.Matched matched, JmhRun a, JmhRun b, Comparison.Code code,
                                      List<String> warnings, List<Figure> ratioFigures, List<Figure> resultFigures) {
        List<Block> about = new ArrayList<>();
        warnings.forEach(w -> about.add(Paragraph.warning("Warning: " + w)));
        about.add(Paragraph.fact("A: " + a.environment()));
        about.add(Paragraph.fact("B: " + b.environment()));
        if (code == Comparison.Code.sameBenchmarkCode) {
            about.add(Paragraph.fact("Code: A " + a.forkProperty(ResultKeys.SOURCE).orElse("unknown") + ", B "
                    + b.forkProperty(ResultKeys.SOURCE).orElse("unknown") + ": the same benchmark code (git finds no "
                    + "change to it between the two commits)"));
        }
        about.add(Paragraph.fact(agreement(Comparison.AaCheck.of(matched.pairs()), a, code)));
        List<String> load = LoadLines.sloAgreement(Load.of(a), Load.of(b));
        if (!load.isEmpty()) {
            about.add(Paragraph.of("Under load, each setting's SLO rate (two runs of one commit: the same or adjacent):"));
            about.add(Bullets.of(load));
        }
        List<List<Table.Cell>> ratios = matched.pairs().stream().map(p -> List.of(Table.Cell.of(p.a().scenario()),
                Table.Cell.of(p.a().setting()), Table.Cell.number(p.a().urls(), "%.0f"), Table.Cell.of(p.a().unit()),
                Table.Cell.number(p.a().mean(), format(p.a())), Table.Cell.number(p.a().halfWidth(), format(p.a())),
                Table.Cell.number(p.b().mean(), format(p.b())), Table.Cell.number(p.b().halfWidth(), format(p.b())),
                new Table.Cell(Text.of(Words.ratio(p.ratio())), p.ratio().estimate()),
                p.judgement() == Judgement.different ? Table.Cell.of(Text.strong(p.judgement().name()))
                        : Table.Cell.of(p.judgement().name()))).toList();
        List<Block> table = List.of(Paragraph.fact(counts(matched) + "."),
                Paragraph.legend("B ÷ A: " + RankingLines.comparisonLegend() + "."),
                new Table("ratios", RATIO_COLUMNS, ratios));
        return List.of(new Section("runs", "The two runs", about),
                new Section("ratio", "B ÷ A", table),
                new Section("ratio-charts", "B ÷ A, charted", List.copyOf(ratioFigures)),
                new Section("charts", "A and B side by side", List.copyOf(resultFigures)),
                unmatched("only-a", "Only in A", matched.onlyA()), unmatched("only-b", "Only in B", matched.onlyB()))
                .stream().filter(section -> !section.isEmpty()).toList();
    }

    private static String format(Comparison.Measured m) {
        return m.unit().equals("ms") ? "%.1f" : "%.4g";
    }

    private static final List<Table.Column> RATIO_COLUMNS = List.of(Table.Column.text("scenario"),
            Table.Column.text("model (setting)"), Table.Column.number("N"), Table.Column.text("unit"),
            Table.Column.number("A"), Table.Column.number("± A"), Table.Column.number("B"), Table.Column.number("± B"),
            Table.Column.number("B ÷ A [95 %]"), Table.Column.text("judgement"));

    private static Section unmatched(String id, String title, List<Comparison.Measured> results) {
        return new Section(id, title, results.isEmpty() ? List.of() : List.of(Bullets.of(results.stream()
                .map(Comparison.Measured::describe).toList())));
    }

    /** "82 shared results: 1 different, 0 equivalent, 81 inconclusive (margin ±3 %); 1 only in A, 0 only in B". */
    static String counts(Comparison.Matched matched) {
        return String.format(Locale.ROOT, "%d shared results: %d different, %d equivalent, %d inconclusive "
                        + "(margin ±%s); %d only in A, %d only in B", matched.pairs().size(),
                matched.count(Judgement.different), matched.count(Judgement.equivalent),
                matched.count(Judgement.inconclusive), percent(Margin.current()), matched.onlyA().size(),
                matched.onlyB().size());
    }

    private static String percent(double share) {
        return new BigDecimal(share * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " %";
    }

    /** The console's summary: the warnings, then the differences, largest first, then the counts and the A/A check. */
    static String summary(Comparison.Matched matched, List<String> warnings, JmhRun a, JmhRun b, Comparison.Code code) {
        StringBuilder text = new StringBuilder();
        warnings.forEach(w -> text.append("warning: ").append(w).append('\n'));
        matched.pairs().stream().filter(p -> p.judgement() == Judgement.different)
                .sorted(Comparator.comparingDouble((Comparison.Pair p) -> -Math.abs(Math.log(p.ratio().estimate()))))
                .forEach(p -> text.append(p.slower() ? "slower: " : "faster: ").append(p.describe()).append('\n'));
        text.append(counts(matched)).append('\n');
        text.append(agreement(Comparison.AaCheck.of(matched.pairs()), a, code)).append('\n');
        LoadLines.sloAgreement(Load.of(a), Load.of(b)).forEach(line -> text.append("under load: ").append(line).append('\n'));
        return text.toString();
    }

    /**
     * How far the two runs agree, read as two runs of one code would have to; says whether they
     * are. The scores' variance decides the check, but only its outcome is shown.
     */
    static String agreement(Comparison.AaCheck check, JmhRun a, Comparison.Code code) {
        boolean recorded = a.forkProperty(ResultKeys.SOURCE).isPresent();
        String figures = String.format(Locale.ROOT, "%d of %d results with an interval different (two runs of one "
                + "commit: at most %d); %s", check.different(), check.pairs(), check.mostDifferent(),
                check.scores() < 2 ? "too few intervals to judge how the differences spread"
                        : check.spreadAsExpected() ? "the differences spread as their intervals allow"
                        : "the differences spread more than their intervals allow");
        String verdict = (check.passes() ? "passed" : "FAILED") + ", " + figures;
        if (recorded && code == Comparison.Code.sameVersion) {
            return "A/A check (the same code in both runs): " + verdict;
        }
        if (code == Comparison.Code.sameBenchmarkCode) {
            return "A/A check (the same benchmark code in both runs): " + verdict;
        }
        return "Agreement: " + figures;
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
