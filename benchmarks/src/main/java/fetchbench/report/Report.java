package fetchbench.report;

import fetchbench.model.Model;
import fetchbench.run.Param;
import fetchbench.run.ResultKeys;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

/**
 * Renders a run from its jmh.json alone: every chart as PNG and SVG, and an offline
 * {@code index.html} with the charts, a sortable table of every result with its prediction,
 * the environment and the command that reproduces the run.
 */
public final class Report {

    public static final String INDEX = "index.html";
    /** The suite's scaffolding may cost this much over the bare client before the report says so. */
    static final int MAX_OVERHEAD_PERCENT = 5;

    private Report() {
    }

    /** Writes the report next to {@code jmhJson} (never touching it) and returns what it wrote. */
    public static List<Path> render(Path jmhJson) throws ReportException, IOException {
        JmhRun run = JmhRun.read(jmhJson);
        Path folder = jmhJson.toAbsolutePath().getParent();
        List<Row> rows = Row.of(run);
        List<Charts.NamedChart> charts = Charts.of(rows, run.environment());
        List<Path> written = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        for (Charts.NamedChart chart : charts) {
            written.addAll(save(chart, folder));
            figures.append(figure(chart, folder));
        }
        Path index = folder.resolve(INDEX);
        Files.writeString(index, page(run, rows, figures.toString()));
        written.add(index);
        return written;
    }

    /** PNG and SVG of one chart. */
    static List<Path> save(Charts.NamedChart chart, Path folder) throws IOException {
        Path png = folder.resolve(chart.fileName() + ".png");
        Path svg = folder.resolve(chart.fileName() + ".svg");
        BitmapEncoder.saveBitmap(chart.chart(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart.chart(), svg.toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return List.of(png, svg);
    }

    /** The chart embedded as a data URI, so index.html shows it even when copied on its own. */
    static String figure(Charts.NamedChart chart, Path folder) throws IOException {
        String png = Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve(chart.fileName() + ".png")));
        return """
                <figure id="%1$s">
                <img src="data:image/png;base64,%2$s" alt="%3$s" width="%4$d" height="%5$d">
                <figcaption>%6$s Files: <a href="%1$s.svg">SVG</a>, <a href="%1$s.png">PNG</a>.</figcaption>
                </figure>
                """.formatted(chart.fileName(), png, Html.escape(chart.title() + ": " + chart.chart().getTitle()),
                Charts.WIDTH, Charts.HEIGHT, Html.escape(chart.caption()));
    }

    private static String page(JmhRun run, List<Row> rows, String figures) {
        String runName = run.source().toAbsolutePath().getParent().getFileName().toString();
        StringBuilder html = new StringBuilder(Html.head("fetchbench run " + runName));
        html.append("<h1>fetchbench run ").append(Html.escape(runName)).append("</h1>\n");
        JmhRun.Result first = rows.isEmpty() ? run.results().get(0) : rows.get(0).result();
        IntSummaryStatistics measured = run.results().stream()
                .mapToInt(r -> r.forks() * r.measurementIterations()).summaryStatistics();
        html.append("<p class=\"env\">").append(Html.escape(run.environment())).append(" · JMH mode ")
                .append(Html.escape(first.mode())).append(", ").append(measured.getMin()).append('–')
                .append(measured.getMax()).append(" measured batches per result (each result's forks and "
                        + "batches are in the table)</p>\n");
        run.forkProperty(ResultKeys.SOURCE).ifPresent(source -> html.append("<p class=\"env\">Code: ")
                .append(Html.escape(source)).append("</p>\n"));
        run.forkProperty(ResultKeys.SERVER_CHECK).ifPresent(check -> html.append("<p class=\"")
                .append(run.forkProperty(ResultKeys.SERVER_CHECK_FAILED).isPresent() ? "sig" : "env")
                .append("\">Server check: ")
                .append(Html.escape(check)).append("</p>\n"));
        List<String> notes = notes(run);
        if (!notes.isEmpty()) {
            html.append("<h2>Left out of this run</h2>\n<ul>\n");
            notes.forEach(note -> html.append("<li>").append(Html.escape(note)).append("</li>\n"));
            html.append("</ul>\n");
        }
        List<Tuning.Recommendation> recommendations = Tuning.recommendations(rows);
        if (!recommendations.isEmpty()) {
            html.append("<h2>Tuning: what to set</h2>\n<p>For each swept setting, the smallest value that is not "
                    + "significantly slower than the best measured (their intervals, time ± JMH's 99.9 % error, "
                    + "overlap), and what it costs at its peak (from the resource metrics); \"undetermined\" where "
                    + "an interval is missing, or where that setting's or the best's is wider than ±")
                    .append((int) Tuning.MAX_HALF_WIDTH_PERCENT).append(" %. The tuning charts below show every setting beside the prediction.</p>\n<ul>\n");
            recommendations.forEach(r -> html.append("<li>").append(Html.escape(r.describe())).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Charts</h2>\n").append(figures);
        html.append("<h2>Every result</h2>\n<p>Click a column to sort. Theory: the greedy schedule of the "
                + "URLs on the c requests the model has in flight, ⌈N/c⌉ waves of the delay when all delays "
                + "are equal, read the way the shape ends (the last result, the first success, the deadline; "
                + "see the README). Floor: the bare client of the model's own stack (OkHttp, or the JDK HttpClient for httpClientAsync) fetching N URLs with a 1 ms delay on this machine. "
                + "Predicted: the larger of the two. Ratio: measured ÷ predicted. Band: the model stated "
                + "before the run, from the ideal (the theory) to the ideal plus the floor; ÷ ideal: measured ÷ "
                + "theory; in band: whether the measurement's interval meets the band (below, inside, above; unknown without an interval or with one wider than ±"
                + (int) Tuning.MAX_HALF_WIDTH_PERCENT + " %). "
                + "Batches: forks × measured batches per fork (and JMH's warm-up batches).</p>\n");
        html.append(table(rows));
        html.append(calibrationSection(rows, Calibration.of(run)));
        html.append("<h2>Reproduce</h2>\n<pre>").append(Html.escape(reproduceCommand(run))).append("</pre>\n");
        html.append(Html.SORT_SCRIPT).append("</body>\n</html>\n");
        return html.toString();
    }

    private static String table(List<Row> rows) {
        StringBuilder html = new StringBuilder("""
                <table class="sortable" id="results">
                <thead><tr><th class="text">scenario</th><th class="text">model (setting)</th><th class="num">N</th>\
                <th class="num">measured ms</th><th class="num">± error ms</th><th class="num">median ms</th>\
                <th class="num">batches</th><th class="num">theory ms</th>\
                <th class="num">floor ms</th><th class="num">predicted ms</th>\
                <th class="num">measured ÷ predicted</th><th class="num">band ms</th>\
                <th class="num">÷ ideal</th><th class="text">in band</th><th class="text">flags</th></tr></thead>
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
                    .append(Html.textCell(row.flags()))
                    .append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /** The floor per N, and the suite's overhead: its virtualThreads model against the bare client. */
    private static String calibrationSection(List<Row> rows, Calibration calibration) {
        List<String> lines = overheadLines(rows, calibration);
        if (calibration.floors().isEmpty() && lines.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>Floor and harness overhead</h2>\n<ul>\n");
        calibration.floorLines().forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
        lines.forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
        return html.append("</ul>\n").toString();
    }

    /** "virtualThreads at N=100, 100 ms: 122.3 ms vs bare client 118.0 ms: +3.6 % overhead". */
    static List<String> overheadLines(List<Row> rows, Calibration calibration) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            if (row.model() != Model.virtualThreads || row.delays().profile() != DelayProfile.fixed
                    || row.shape() != Shape.gather) {
                continue;
            }
            calibration.baseline(row.urls(), row.delayMs()).ifPresent(bare -> {
                Calibration.Overhead overhead = Calibration.Overhead.of(bare, row.result().primary());
                lines.add(String.format(Locale.ROOT, "harness overhead at N=%d, %d ms: virtualThreads %.1f ms vs "
                                + "bare client %.1f ms: %+.1f %% (%s)", row.urls(), row.delayMs(), row.measuredMs(),
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
        return text.toString();
    }

    /** What the plan left out and why, as the run recorded it. */
    static List<String> notes(JmhRun run) {
        return run.forkProperty(ResultKeys.NOTES)
                .map(notes -> List.of(notes.split(Pattern.quote(ResultKeys.NOTES_SEPARATOR))))
                .orElse(List.of());
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
