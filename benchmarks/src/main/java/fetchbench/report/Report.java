package fetchbench.report;

import fetchbench.analysis.Calibration;
import fetchbench.analysis.Clients;
import fetchbench.analysis.Load;
import fetchbench.analysis.Protocols;
import fetchbench.analysis.Row;
import fetchbench.analysis.Verdict;
import fetchbench.charts.Charts;
import fetchbench.charts.CostCharts;
import fetchbench.charts.LoadCharts;
import fetchbench.result.JmhRun;
import fetchbench.result.ReportException;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.document.Block;
import fetchbench.document.ConsoleRenderer;
import fetchbench.document.Figure;
import fetchbench.document.Folded;
import fetchbench.document.HtmlRenderer;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.result.RunFolder;
import fetchbench.result.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;

/**
 * Renders a run from its jmh.json alone: every chart as a PNG, and an offline {@code index.html}
 * that opens with "Which model?", then the charts in the docs' order, a sortable table of every
 * result with its prediction, the environment and the command that reproduces the run.
 */
public final class Report {

    public static final String INDEX = "index.html";

    private Report() {
    }

    /**
     * Writes the report next to {@code jmhJson} (never touching it) and returns what it wrote;
     * removes the charts of an earlier rendering that this one no longer draws. Each file is
     * written whole, index.html last; stopped (Ctrl-C, SIGTERM) before index.html is written, the
     * rendering leaves an index.html that says so and how to render it again.
     */
    public static List<Path> render(Path jmhJson) throws ReportException, IOException {
        return render(jmhJson, line -> { });
    }

    /** The same, telling {@code say} when it begins ("rendering the report: …/index.html"). */
    public static List<Path> render(Path jmhJson, Consumer<String> say) throws ReportException, IOException {
        Path folder = jmhJson.toAbsolutePath().getParent();
        Path index = folder.resolve(INDEX);
        AtomicBoolean indexWritten = new AtomicBoolean();
        AtomicInteger chartsWritten = new AtomicInteger();
        Thread interrupted = WholeFile.onInterrupt("fetchbench-report-interrupted", () -> {
            if (!indexWritten.get()) {
                writeInterrupted(index, chartsWritten.get());
            }
        });
        try {
            say.accept("rendering the report: " + index);
            JmhRun run = JmhRun.read(jmhJson);
            List<Row> rows = Row.of(run);
            Load load = Load.of(run);
            List<Charts.NamedChart> charts = new ArrayList<>(Charts.of(rows, run.environment()));
            charts.addAll(LoadCharts.of(load, run.environment()));
            charts.addAll(CostCharts.of(rows, run.footprints(), run.environment()));
            List<Path> written = new ArrayList<>();
            TreeMap<Charts.Section, List<Figure>> figures = new TreeMap<>();
            for (Charts.NamedChart chart : charts) {
                written.add(save(chart, folder));
                chartsWritten.incrementAndGet();
                figures.computeIfAbsent(chart.section(), s -> new ArrayList<>()).add(figure(chart));
            }
            removeChartsNotIn(folder, written);
            String runName = folder.getFileName().toString();
            List<Section> sections = page(run, rows, load, figures);
            boolean answerFirst = sections.get(0).id().equals(WhichModelSection.ID);
            byte[] page = HtmlRenderer.page("fetchbench run " + runName, sections, answerFirst ? 1 : 0)
                    .getBytes(StandardCharsets.UTF_8);
            WholeFile.write(index, out -> {
                out.write(page);
                indexWritten.set(true); // under WholeFile's lock: a stop from here on leaves this page
            });
            written.add(index);
            return written;
        } finally {
            WholeFile.removeHook(interrupted);
        }
    }

    /** What a rendering stopped before its end leaves as index.html: that it stopped, and how to finish it. */
    private static void writeInterrupted(Path index, int charts) {
        Path folder = index.getParent();
        Section stopped = new Section("interrupted", "The report was not finished", List.of(Paragraph.warning(
                "Rendering this report was interrupted (Ctrl-C or SIGTERM) after " + charts + " charts, before this "
                        + "page was written. The results in " + RunFolder.JMH_JSON + " are as the run left them; "
                        + "scripts/chart.sh " + folder + " renders the report from them.")));
        try {
            WholeFile.writeString(index, HtmlRenderer.page("fetchbench run " + folder.getFileName()
                    + " (report interrupted)", List.of(stopped), -1));
            System.err.println("fetchbench: the report was interrupted after " + charts + " charts; scripts/chart.sh "
                    + folder + " renders it");
        } catch (IOException e) {
            System.err.println("fetchbench: the report was interrupted and its page could not be written: "
                    + e.getMessage());
        }
    }

    /** Chart files (PNG, and the SVGs of older reports) in the folder that this rendering did not write. */
    private static void removeChartsNotIn(Path folder, List<Path> written) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".svg"))
                    .filter(f -> !written.contains(f)).toList()) {
                Files.delete(file);
            }
        }
    }

    static {
        // PNGs are encoded in memory: ImageIO's file cache registers a shutdown hook, which fails
        // while a stopped run renders the report of what it kept.
        ImageIO.setUseCache(false);
    }

    /** The chart as a PNG (an SVG of each would make a run folder too large to commit). */
    static Path save(Charts.NamedChart chart, Path folder) throws IOException {
        Path png = folder.resolve(chart.fileName() + ".png");
        Charts.logOnlyWhereLabelled(chart.chart());
        WholeFile.write(png, out -> BitmapEncoder.saveBitmap(chart.chart(), out, BitmapEncoder.BitmapFormat.PNG));
        return png;
    }

    /** The chart as a figure of the page, its PNG beside it (not embedded, so a run folder stays small). */
    static Figure figure(Charts.NamedChart chart) {
        return new Figure(chart.fileName(), chart.chart().getTitle(), chart.caption(), Charts.WIDTH, Charts.HEIGHT);
    }

    /** The page's sections in reading order, the answer first; those with nothing to show are left out. */
    private static List<Section> page(JmhRun run, List<Row> rows, Load load,
                                      TreeMap<Charts.Section, List<Figure>> figures) {
        Optional<String> incomplete = incomplete(run.source());
        List<Section> sections = new ArrayList<>();
        List<Verdict> verdicts = Verdict.of(rows, run);
        sections.add(WhichModelSection.of(verdicts, load, incomplete));
        sections.add(WhichClientSection.of(Clients.of(verdicts)));
        sections.add(RunSections.checks(run, rows));
        sections.add(CostSection.of(run, rows));
        sections.add(ProtocolsSection.of(Protocols.of(run, rows)));
        sections.add(UnderLoadSection.of(load, figures.getOrDefault(Charts.Section.LOAD, List.of())));
        sections.add(RunSections.thisRun(run, rows, incomplete));
        sections.add(RunSections.leftOut(run));
        // Each shape's charts, then what to set, then the tuning charts and resources.
        figures.headMap(Charts.Section.TUNING).forEach((group, charts) -> sections.add(chartSection(group, charts)));
        sections.add(TuningSection.of(run, rows));
        figures.tailMap(Charts.Section.TUNING).forEach((group, charts) -> {
            if (!group.equals(Charts.Section.LOAD)) {
                sections.add(chartSection(group, charts));
            }
        });
        sections.add(ResultSections.everyResult(rows));
        sections.add(RunSections.floor(Calibration.of(run)));
        sections.add(RunSections.reproduce(run));
        return sections.stream().filter(section -> !section.isEmpty()).toList();
    }

    /**
     * A group's charts: its lead chart (a shape's scaling chart, else its first) shown, the rest
     * folded, so that the page answers one question per chart and stays short; resources all folded.
     */
    private static Section chartSection(Charts.Section group, List<Figure> charts) {
        List<Block> blocks = new ArrayList<>();
        if (group.equals(Charts.Section.RESOURCES)) {
            blocks.add(Paragraph.legend("What each setting spent, per scenario: threads, memory, connections and the "
                    + "other metrics of the run."));
            blocks.add(new Folded(charts.size() + " charts of resources", List.copyOf(charts)));
            return new Section("charts-" + group.name(), group.title(), blocks);
        }
        blocks.addAll(leadAndFolded(charts));
        return new Section("charts-" + group.name(), group.title(), blocks);
    }

    /** The lead chart, then the others behind a disclosure. */
    static List<Block> leadAndFolded(List<Figure> charts) {
        if (charts.size() <= 1) {
            return List.copyOf(charts);
        }
        Figure lead = charts.stream().filter(f -> f.name().endsWith("-scaling")).findFirst().orElse(charts.get(0));
        List<Block> rest = charts.stream().filter(f -> f != lead).map(f -> (Block) f).toList();
        return List.of(lead, new Folded(rest.size() + " more chart" + (rest.size() == 1 ? "" : "s"), rest));
    }

    /** Why the run stopped early, where environment.json beside jmh.json says it did. */
    static Optional<String> incomplete(Path jmhJson) {
        Path environment = jmhJson.toAbsolutePath().resolveSibling(RunFolder.ENVIRONMENT_JSON);
        try {
            if (Files.isRegularFile(environment)) {
                JsonObject env = JsonParser.parseString(Files.readString(environment)).getAsJsonObject();
                if (env.has(RunFolder.COMPLETE) && !env.get(RunFolder.COMPLETE).getAsBoolean()) {
                    return Optional.of(env.has(RunFolder.INCOMPLETE) ? env.get(RunFolder.INCOMPLETE).getAsString()
                            : "stopped early");
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no readable environment: nothing is known of how the run ended
        }
        return Optional.empty();
    }

    /**
     * The console's account of a run: each scenario's results, the floor, tuning and what was left
     * out, then the answer (which model, over other protocols, under load) and the checks.
     */
    public static String summary(JmhRun run) {
        List<Row> rows = Row.of(run);
        Load load = Load.of(run);
        List<Block> results = new ArrayList<>(ResultSections.scenarios(rows));
        results.addAll(ResultSections.sweeps(rows));
        List<Section> sections = List.of(new Section("scenarios", "Results", results),
                RunSections.floor(Calibration.of(run)), TuningSection.of(run, rows), RunSections.leftOut(run),
                ProtocolsSection.of(Protocols.of(run, rows)), UnderLoadSection.of(load, List.of()),
                WhichClientSection.of(Clients.of(Verdict.of(rows, run))),
                WhichModelSection.of(Verdict.of(rows, run), load, incomplete(run.source())),
                RunSections.checks(run, rows));
        return sections.stream().filter(section -> !section.isEmpty()).map(ConsoleRenderer::section)
                .collect(Collectors.joining());
    }

    /** The results of each scenario in console text. */
    static String summary(List<Row> rows) {
        return ConsoleRenderer.section(new Section("scenarios", "Results", ResultSections.scenarios(rows)));
    }
}
