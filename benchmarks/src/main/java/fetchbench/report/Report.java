package fetchbench.report;

import fetchbench.result.Notes;
import fetchbench.result.RunFolder;

import fetchbench.result.Metrics;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.catalog.Model;
import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Kind;
import fetchbench.workload.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;

/**
 * Renders a run from its jmh.json alone: every chart as a PNG, and an offline {@code index.html}
 * that opens with "Which model?", then the charts in the docs' order, a sortable table of every
 * result with its prediction, the environment and the command that reproduces the run.
 */
public final class Report {

    public static final String INDEX = "index.html";
    /** The suite's scaffolding may cost this much over the bare client before the report says so. */
    static final int MAX_OVERHEAD_PERCENT = 5;

    private Report() {
    }

    /**
     * Writes the report next to {@code jmhJson} (never touching it) and returns what it wrote;
     * removes the charts of an earlier rendering that this one no longer draws.
     */
    public static List<Path> render(Path jmhJson) throws ReportException, IOException {
        JmhRun run = JmhRun.read(jmhJson);
        Path folder = jmhJson.toAbsolutePath().getParent();
        List<Row> rows = Row.of(run);
        List<Charts.NamedChart> charts = new ArrayList<>(Charts.of(rows, run.environment()));
        charts.addAll(LoadCharts.of(Load.of(run), run.environment()));
        List<Path> written = new ArrayList<>();
        Map<Charts.Section, StringBuilder> figures = new EnumMap<>(Charts.Section.class);
        for (Charts.NamedChart chart : charts) {
            written.addAll(save(chart, folder));
            figures.computeIfAbsent(chart.section(), s -> new StringBuilder()).append(figure(chart));
        }
        removeChartsNotIn(folder, written);
        Path index = folder.resolve(INDEX);
        Files.writeString(index, page(run, rows, figures));
        written.add(index);
        return written;
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

    /** The chart as a PNG (an SVG of each would make a run folder too large to commit). */
    static List<Path> save(Charts.NamedChart chart, Path folder) throws IOException {
        Path png = folder.resolve(chart.fileName() + ".png");
        BitmapEncoder.saveBitmap(chart.chart(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return List.of(png);
    }

    /** The chart's PNG beside the page (not embedded, so a run folder stays small enough to commit). */
    static String figure(Charts.NamedChart chart) {
        return """
                <figure id="%1$s">
                <a href="%1$s.png"><img src="%1$s.png" alt="%2$s" width="%3$d" height="%4$d"></a>
                <figcaption>%5$s</figcaption>
                </figure>
                """.formatted(chart.fileName(), Html.escape(chart.chart().getTitle()),
                Charts.WIDTH, Charts.HEIGHT, Html.escape(chart.caption()));
    }

    /** One section of the page: its anchor, its title in the contents, and its HTML. */
    record PageSection(String id, String title, String body) {
    }

    private static String page(JmhRun run, List<Row> rows, Map<Charts.Section, StringBuilder> figures) {
        String runName = run.source().toAbsolutePath().getParent().getFileName().toString();
        String incomplete = incomplete(run.source()).map(why -> "<p class=\"sig\">Incomplete run: it "
                + Html.escape(why) + ". Every table and chart holds the steps that finished before.</p>\n").orElse("");
        Load load = Load.of(run);
        // Sections in reading order. The verdict comes first, then the contents.
        List<PageSection> sections = new ArrayList<>();
        Optional<PageSection> whichModel = whichModel(rows, load, incomplete);
        whichModel.ifPresent(sections::add);
        Protocols protocols = Protocols.of(run, rows);
        if (!protocols.isEmpty()) {
            sections.add(new PageSection("protocols", "Over TLS and HTTP/2", protocols.html()));
        }
        if (!load.isEmpty()) {
            StringBuilder loadCharts = figures.getOrDefault(Charts.Section.load, new StringBuilder());
            sections.add(new PageSection("under-load", "Under load", LoadTables.html(load) + loadCharts));
        }
        sections.add(new PageSection("run", "This run", about(run, rows, incomplete)));
        List<String> notes = notes(run);
        if (!notes.isEmpty()) {
            StringBuilder left = new StringBuilder("<ul>\n");
            notes.forEach(note -> left.append("<li>").append(Html.escape(note)).append("</li>\n"));
            sections.add(new PageSection("left-out", "Left out of this run", left.append("</ul>\n").toString()));
        }
        sections.addAll(chartSections(figures, tuning(run, rows)));
        sections.add(new PageSection("results", "Every result", RESULTS_LEGEND + table(rows)));
        String calibration = calibrationSection(rows, Calibration.of(run));
        if (!calibration.isEmpty()) {
            sections.add(new PageSection("floor", "Floor and harness overhead", calibration));
        }
        sections.add(new PageSection("reproduce", "Reproduce", "<pre>" + Html.escape(reproduceCommand(run)) + "</pre>\n"));
        return html(runName, sections, whichModel.isPresent() ? 1 : 0);
    }

    /** The page: its title, then the sections, with the contents before the one at {@code contentsAt}. */
    private static String html(String runName, List<PageSection> sections, int contentsAt) {
        StringBuilder html = new StringBuilder(Html.head("fetchbench run " + runName));
        html.append("<h1>fetchbench run ").append(Html.escape(runName)).append("</h1>\n");
        for (int i = 0; i < sections.size(); i++) {
            if (i == contentsAt) {
                html.append("<nav id=\"contents\"><h2>Contents</h2>\n<ol>\n");
                sections.forEach(section -> html.append("<li><a href=\"#").append(section.id()).append("\">")
                        .append(Html.escape(section.title())).append("</a></li>\n"));
                html.append("</ol>\n</nav>\n");
            }
            PageSection section = sections.get(i);
            html.append("<section id=\"").append(section.id()).append("\">\n<h2>").append(Html.escape(section.title()))
                    .append("</h2>\n").append(section.body()).append("</section>\n");
        }
        return html.append(Html.SORT_SCRIPT).append("</body>\n</html>\n").toString();
    }

    /** "Which model?": the verdicts and, under load, what changes; empty when the run has neither. */
    private static Optional<PageSection> whichModel(List<Row> rows, Load load, String incomplete) {
        String verdicts = verdictSection(Verdict.of(rows));
        if (!load.isEmpty()) {
            verdicts += "<p id=\"under-load-verdict\"><b>Under load</b> (" + Html.escape(load.headlineScope())
                    + "; details in <a href=\"#under-load\">Under load</a>):</p>\n<ul>\n" + load.verdictLines().stream()
                    .map(line -> "<li>" + Html.escape(line) + "</li>\n").collect(java.util.stream.Collectors.joining())
                    + "</ul>\n";
        }
        return verdicts.isEmpty() ? Optional.empty()
                : Optional.of(new PageSection("which-model", "Which model?", incomplete + verdicts));
    }

    /** "This run": the machine, the batches, the code, and the server check (with a banner where it failed). */
    private static String about(JmhRun run, List<Row> rows, String incomplete) {
        StringBuilder about = new StringBuilder();
        JmhRun.Result first = rows.isEmpty() ? run.results().get(0) : rows.get(0).result();
        IntSummaryStatistics measured = run.results().stream()
                .mapToInt(r -> r.forks() * r.measurementIterations()).summaryStatistics();
        about.append("<p class=\"env\">").append(Html.escape(run.environment())).append(" · JMH mode ")
                .append(Html.escape(first.mode())).append(", ").append(measured.getMin()).append('–')
                .append(measured.getMax()).append(" measured batches per result (each result's forks and "
                        + "batches are in the table)</p>\n");
        run.forkProperty(ResultKeys.SOURCE).ifPresent(source -> about.append("<p class=\"env\">Code: ")
                .append(Html.escape(source)).append("</p>\n"));
        // A failed check gets a banner that names only the N it concerns; the whole check follows.
        run.forkProperty(ResultKeys.SERVER_CHECK_FAILED).ifPresent(failed -> about.insert(0, "<p class=\"sig\">"
                + "Server check FAILED at N=" + Html.escape(failed) + ": the results at that N measure the server, "
                + "not the models (they are flagged in the tables).</p>\n"));
        run.forkProperty(ResultKeys.SERVER_CHECK).ifPresent(check -> about.append("<p class=\"env\">Server check: ")
                .append(Html.escape(check)).append("</p>\n"));
        return about.insert(0, incomplete).toString();
    }

    /** "Tuning: what to set", where the run swept a setting. */
    private static Optional<PageSection> tuning(JmhRun run, List<Row> rows) {
        List<Tuning.Recommendation> recommendations = Tuning.recommendations(rows);
        if (recommendations.isEmpty()) {
            return Optional.empty();
        }
        Row swept = rows.stream().filter(Row::isSweep).findFirst().orElseThrow();
        boolean tuneRun = run.forkProperty(ResultKeys.TUNING).map(Boolean::parseBoolean).orElse(false);
        StringBuilder tuning = new StringBuilder(tuneRun ? "" : "<p class=\"sig\">An example: this run's own "
                + "sweep at N=" + swept.urls() + ", " + Html.escape(swept.delayMs() + " ms " + swept.delays().spec())
                + ", not your workload. For yours: <code>scripts/tune.sh --urls N --delay PROFILE:MS</code>.</p>\n");
        tuning.append("<p>For each swept setting, the smallest value that is not "
                + "significantly slower than the best measured (their intervals, time ± JMH's 99.9 % error, "
                + "overlap), and what it costs at its peak (from the resource metrics); \"undetermined\" where "
                + "an interval is missing, or where that setting's or the best's is wider than ±")
                .append((int) Tuning.MAX_HALF_WIDTH_PERCENT).append(" %. The tuning charts below show every setting beside the prediction.</p>\n<ul>\n");
        recommendations.forEach(r -> tuning.append("<li>").append(Html.escape(r.describe())).append("</li>\n"));
        return Optional.of(new PageSection("tuning", tuneRun ? "Tuning: what to set" : "Tuning: what to set (an example)",
                tuning.append("</ul>\n").toString()));
    }

    /** Gather, the other shapes, then tuning (what to set, then its charts), then resources. */
    private static List<PageSection> chartSections(Map<Charts.Section, StringBuilder> figures,
                                                   Optional<PageSection> tuning) {
        List<PageSection> sections = new ArrayList<>();
        boolean tuningPlaced = false;
        for (Charts.Section section : Charts.Section.values()) {
            if (section.compareTo(Charts.Section.tuning) >= 0 && !tuningPlaced && tuning.isPresent()) {
                sections.add(tuning.get());
                tuningPlaced = true;
            }
            StringBuilder charts = figures.get(section);
            if (charts != null && section != Charts.Section.load) {
                sections.add(new PageSection("charts-" + section.name(), section.title(),
                        (section == Charts.Section.resources ? "<p>What each setting spent, per scenario: threads, "
                                + "memory, connections and the other metrics of the run.</p>\n" : "") + charts));
            }
        }
        return sections;
    }

    /** How to read the table of every result. */
    private static final String RESULTS_LEGEND = "<p>Click a column to sort. Theory: the greedy schedule of the "
            + "URLs on the c requests the model has in flight, ⌈N/c⌉ waves of the delay when all delays "
            + "are equal, read the way the shape ends (the last result, the first success, the deadline; "
            + "see docs/shapes.md). Floor: the bare client of the model's own stack (OkHttp, or the JDK HttpClient for httpClientAsync) fetching N URLs with a 1 ms delay on this machine. "
            + "Predicted: the larger of the two. Ratio: measured ÷ predicted. Band: the model stated "
            + "before the run, from the ideal (the theory) to the ideal plus the floor; ÷ ideal: measured ÷ "
            + "theory; in band: whether the measurement's interval meets the band (below, inside, above; unknown without an interval or with one wider than ±"
            + (int) Tuning.MAX_HALF_WIDTH_PERCENT + " %). "
            + "Batches: forks × measured batches per fork (and JMH's warm-up batches).</p>\n";

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

    /** "Which model?": each setting's time at every N, its cost, verdict and what to set, then the fastest. */
    static String verdictSection(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            return "";
        }
        List<Integer> ns = Verdict.columns(verdicts);
        StringBuilder html = new StringBuilder("<p><b>Fastest</b> (the lowest mean, and every setting whose interval "
                + "overlaps it: indistinguishable):</p>\n<ul id=\"fastest\">\n");
        Verdict.fastest(verdicts).forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
        html.append("</ul>\n<p>").append(Html.escape(verdicts.get(0).largest().scenario()))
                .append(": ms per batch, mean ± JMH's 99.9 % error (× the ideal); platform threads and memory at the "
                        + "largest N each setting ran; the verdict is read off that N.</p>\n<table id=\"verdicts\">\n"
                        + "<thead><tr><th class=\"text\">model (setting)</th>");
        ns.forEach(n -> html.append("<th class=\"num\">N = ").append(n).append("</th>"));
        html.append("<th class=\"text\">cost</th><th class=\"text\">verdict</th><th class=\"text\">what to set"
                + "</th></tr></thead>\n<tbody>\n");
        for (Verdict v : verdicts) {
            html.append("<tr>").append(Html.textCell(v.setting()));
            ns.forEach(n -> html.append(Html.textCell(Verdict.cell(v.byN().get(n)))));
            html.append(Html.textCell(Verdict.cost(v.largest()))).append(Html.textCell(v.verdict()))
                    .append(Html.textCell(v.toSet())).append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String table(List<Row> rows) {
        StringBuilder html = new StringBuilder("""
                <table class="sortable" id="results">
                <thead><tr><th class="text">scenario</th><th class="text">model (setting)</th><th class="num">N</th>\
                <th class="num">measured ms</th><th class="num">± error ms</th><th class="num">median ms</th>\
                <th class="num">batches</th><th class="num">theory ms</th>\
                <th class="num">floor ms</th><th class="num">predicted ms</th>\
                <th class="num">measured ÷ predicted</th><th class="num">band ms</th>\
                <th class="num">÷ ideal</th><th class="text">in band</th><th class="text">the shape's own outcome</th>                <th class="text">flags</th></tr></thead>
                <tbody>
                """);
        for (Row row : rows) {
            html.append("<tr>").append(Html.textCell(row.scenario())).append(Html.textCell(row.setting()))
                    .append(Html.numberCell(row.urls(), "%.0f"))
                    .append(Html.numberCell(row.measuredMs(), "%.1f"))
                    .append(Html.numberCell(row.errorMs(), "%.1f"))
                    .append(Html.numberCell(row.medianMs(), "%.1f"))
                    .append(Html.textCell(row.result().forks() + " × " + row.result().measurementIterations()
                            + " (+" + row.result().warmupIterations() + " warm-up)"))
                    .append(Html.numberCell(row.theoryMs(), "%.0f"))
                    .append(Html.numberCell(row.floorMs(), "%.1f"))
                    .append(Html.numberCell(row.predictedMs(), "%.0f"))
                    .append(Html.numberCell(row.ratio(), "%.2f"))
                    .append(Html.textCell(String.format(Locale.ROOT, "%.0f – %.0f", row.theoryMs(), row.bandTopMs())))
                    .append(Html.numberCell(row.ratioToIdeal(), "%.2f"))
                    .append(Html.textCell(row.placement().name()))
                    .append(Html.textCell(outcome(row)))
                    .append(Html.textCell(row.flags()))
                    .append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /**
     * What a shape measures besides its time: the results a deadline kept, the wait for the first
     * result as completed, the verdicts of an uptime check (each verified against its URL's kind).
     */
    static String outcome(Row row) {
        JmhRun.Metric kept = row.result().secondary().get(Metrics.KEPT);
        JmhRun.Metric first = row.result().secondary().get(Metrics.FIRST_RESULT);
        return switch (row.shape()) {
            case deadline -> kept == null ? "" : String.format(Locale.ROOT, "%.1f of %d kept", kept.score(), row.urls());
            case asCompleted -> first == null ? "" : String.format(Locale.ROOT, "first result after %.1f ms", first.score());
            case failures -> {
                long up = row.shape().plan(row.urls(), row.delayMs(), row.delays(), 0).stream()
                        .filter(p -> p.kind() == Kind.OK).count();
                yield up + " up, " + (row.urls() - up) + " down, each verdict verified";
            }
            default -> "";
        };
    }

    /** The floor per N, and the suite's overhead: its virtualThreads model against the bare client. */
    private static String calibrationSection(List<Row> rows, Calibration calibration) {
        List<String> lines = overheadLines(rows, calibration);
        if (calibration.floors().isEmpty() && lines.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul>\n");
        calibration.floorLines().forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
        lines.forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
        return html.append("</ul>\n").toString();
    }

    /** "virtualThreads at N=100, 100 ms: 122.3 ms vs bare client 118.0 ms: +3.6 % overhead". */
    static List<String> overheadLines(List<Row> rows, Calibration calibration) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            if (row.model() != Model.UNBOUNDED_REFERENCE || row.delays().profile() != DelayProfile.fixed
                    || row.shape() != Shape.gather) {
                continue;
            }
            calibration.baseline(row.urls(), row.delayMs()).ifPresent(bare -> {
                Calibration.Overhead overhead = Calibration.Overhead.of(bare, row.result().primary());
                lines.add(String.format(Locale.ROOT, "harness overhead at N=%d, %d ms: %s %.1f ms vs "
                                + "bare client %.1f ms: %+.1f %% (%s)", row.urls(), row.delayMs(), row.model(), row.measuredMs(),
                        Row.toMillis(bare.score(), bare.unit()), overhead.percent(),
                        overhead.verdict(MAX_OVERHEAD_PERCENT)));
            });
        }
        return lines;
    }

    /** The command the run recorded, or one that asks the jar for the same parameters. */
    static String reproduceCommand(JmhRun run) {
        return run.forkProperty(ResultKeys.COMMAND).orElseGet(() -> {
            StringBuilder command = new StringBuilder("java -jar benchmarks/target/benchmarks.jar");
            List<Row> rows = Row.of(run);
            for (Param param : List.of(Param.MODEL, Param.URLS, Param.DELAY_MS, Param.CONCURRENCY, Param.MAX_REQUESTS,
                    Param.DELAY_PROFILE, Param.SEED)) {
                List<String> values = rows.stream().map(r -> param == Param.DELAY_PROFILE ? r.delays().spec()
                        : r.result().params().get(param.key)).filter(Objects::nonNull).distinct().toList();
                if (!values.isEmpty()) {
                    command.append(" -p ").append(param.key).append('=').append(String.join(",", values));
                }
            }
            JmhRun.Result first = run.results().get(0);
            return command.append(" -wi ").append(first.warmupIterations()).append(" -i ")
                    .append(first.measurementIterations()).append(" -f ").append(first.forks()).toString();
        });
    }

    /** One line per result with its prediction, then the floor and overhead, for the console. */
    public static String summary(JmhRun run) {
        List<Row> rows = Row.of(run);
        Calibration calibration = Calibration.of(run);
        StringBuilder text = new StringBuilder(summary(rows));
        calibration.floorLines().forEach(line -> text.append(line).append('\n'));
        overheadLines(rows, calibration).forEach(line -> text.append(line).append('\n'));
        Tuning.recommendations(rows).forEach(r -> text.append("tuning: ").append(r.describe()).append('\n'));
        notes(run).forEach(note -> text.append("left out: ").append(note).append('\n'));
        text.append(Verdict.text(Verdict.of(rows)));
        Protocols.of(run, rows).verdictLines().forEach(line -> text.append("  ").append(line).append('\n'));
        Load load = Load.of(run);
        load.verdictLines().forEach(line -> text.append("  under load: ").append(line).append('\n'));
        load.recommendations().forEach(line -> text.append("tuning under load: ").append(line).append('\n'));
        return text.toString();
    }

    /** What the plan left out and why, as the run recorded it. */
    static List<String> notes(JmhRun run) {
        return run.forkProperty(ResultKeys.NOTES).map(Notes::decode).orElse(List.of());
    }

    static String summary(List<Row> rows) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-42s %6s %20s %15s %8s %7s%n",
                "model (setting)", "N", "measured ms", "band ms", "÷ ideal", "band"));
        String scenario = null;
        for (Row row : rows) {
            if (!row.scenario().equals(scenario)) {
                scenario = row.scenario();
                text.append("-- ").append(scenario).append('\n');
            }
            text.append(String.format(Locale.ROOT, "%-42s %6d %10.1f ± %7.1f %6.0f – %6.0f %8.2f %7s%s%n",
                    row.setting(), row.urls(), row.measuredMs(), row.errorMs(), row.theoryMs(), row.bandTopMs(),
                    row.ratioToIdeal(), row.placement(), row.flags().isEmpty() ? "" : "  " + row.flags()));
        }
        return text.toString();
    }
}
