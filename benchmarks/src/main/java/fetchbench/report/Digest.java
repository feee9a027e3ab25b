package fetchbench.report;

import fetchbench.result.Metrics;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.result.ResultKeys;
import fetchbench.theory.Theory;
import fetchbench.workload.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A run in Markdown, for the README: every figure is read from the run's jmh.json (and its
 * environment.json where there is one), so the README quotes no number typed by hand. A digest
 * sits between a begin marker that names its kind and run and an end marker;
 * {@code scripts/digest.sh} rewrites every digest of the README, and a test fails when one differs
 * from what its run renders.
 */
public final class Digest {

    /** What a digest shows. */
    public enum Kind {
        /** Every result of the run, with the comparisons its intervals allow. */
        reference,
        /** The run's largest gather N: its results and what they cost. */
        scale,
        /** "Which model?": each setting's time, cost, verdict and what to set (see {@link Verdict}). */
        verdict,
        /** Each client stack over TLS and HTTP/2 beside HTTP/1.1 (see {@link Protocols}). */
        protocols,
        /** The gather under load: knees, latency percentiles, callers at once (see {@link Load}). */
        load
    }

    static final Pattern BLOCK = Pattern.compile(
            "<!-- digest (\\w+) (\\S+) -->\\n.*?<!-- end of digest -->", Pattern.DOTALL);
    private static final String NOT_RUN = "–";

    private Digest() {
    }

    /** Every digest block of the README text rendered again from the run it names, relative to {@code root}. */
    public static String rewrite(String readme, Path root) throws ReportException, IOException {
        Matcher block = BLOCK.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            Kind kind = kind(block.group(1));
            block.appendReplacement(out, Matcher.quoteReplacement(block(kind, block.group(2), root)));
        }
        block.appendTail(out);
        return out.toString();
    }

    /** One block, markers included, e.g. for {@code results/2026-11-23T160000Z}. */
    static String block(Kind kind, String runFolder, Path root) throws ReportException, IOException {
        Path folder = root.resolve(runFolder).toAbsolutePath().normalize();
        return "<!-- digest " + kind + " " + runFolder + " -->\n" + render(kind, runFolder, folder)
                + "<!-- end of digest -->";
    }

    private static Kind kind(String name) throws ReportException {
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ReportException("unknown digest kind '" + name + "'; allowed: " + Arrays.stream(Kind.values())
                    .map(Kind::name).collect(Collectors.joining(", ")));
        }
    }

    static String render(Kind kind, String link, Path folder) throws ReportException, IOException {
        JmhRun run = JmhRun.read(ReportMain.jmhJson(folder.toString()));
        List<Row> rows = Row.of(run);
        Calibration calibration = Calibration.of(run);
        StringBuilder md = new StringBuilder(header(run, link, folder, kind));
        if (kind == Kind.verdict) {
            md.append(Verdict.markdown(Verdict.of(rows)));
            Load load = Load.of(run);
            if (!load.isEmpty()) {
                md.append("**Under load** (").append(load.headlineScope()).append("):\n\n");
                load.verdictLines().forEach(line -> md.append("- ").append(line).append('\n'));
                md.append('\n');
            }
            return md.toString();
        }
        if (kind == Kind.protocols) {
            return md.append(Protocols.of(run, rows).markdown()).append('\n').toString();
        }
        if (kind == Kind.load) {
            return md.append(LoadTables.markdown(Load.of(run))).append('\n').toString();
        }
        if (kind == Kind.reference) {
            Map<Row.ScenarioKey, List<Row>> scenarios = rows.stream().filter(r -> !r.isSweep())
                    .collect(Collectors.groupingBy(Row::scenarioKey, LinkedHashMap::new, Collectors.toList()));
            scenarios.values().stream().filter(s -> s.get(0).shape() == Shape.gather)
                    .forEach(s -> md.append(gatherTable(s)).append(comparisons(s)));
            List<Row> shapes = scenarios.values().stream().filter(s -> s.get(0).shape() != Shape.gather)
                    .flatMap(List::stream).toList();
            if (!shapes.isEmpty()) {
                md.append(shapesTable(shapes));
            }
            Tuning.recommendations(rows).forEach(r -> md.append("- Tuning: ").append(r.describe()).append('\n'));
            md.append('\n');
        }
        int largestN = rows.stream().filter(r -> r.shape() == Shape.gather && !r.isSweep()).mapToInt(Row::urls)
                .max().orElse(0);
        List<Row> largest = rows.stream().filter(r -> r.shape() == Shape.gather && !r.isSweep()
                && r.urls() == largestN).toList();
        if (!largest.isEmpty()) {
            md.append(costTable(largest));
        }
        IntPredicate shown = n -> kind == Kind.reference || n == largestN;
        (kind == Kind.reference ? calibration.floorLines() : calibration.floorLines(shown))
                .forEach(line -> md.append("- ").append(line).append('\n'));
        Report.overheadLines(rows.stream().filter(r -> shown.test(r.urls())).toList(), calibration)
                .forEach(line -> md.append("- ").append(line).append('\n'));
        run.forkProperty(ResultKeys.SERVER_CHECK).ifPresent(check -> md.append("- Server check: ").append(check)
                .append('\n'));
        return md.toString();
    }

    /** Which run, on what, with which code, how sampled, and how to read the figures. */
    private static String header(JmhRun run, String link, Path folder, Kind kind) throws IOException {
        StringBuilder md = new StringBuilder("Run [`").append(folder.getFileName()).append("`](").append(link)
                .append("/index.html)");
        Path environment = folder.resolve("environment.json");
        if (Files.isRegularFile(environment)) {
            JsonObject env = JsonParser.parseString(Files.readString(environment)).getAsJsonObject();
            if (env.has("profile")) {
                md.append(", profile ").append(env.get("profile").getAsString());
            }
            if (env.has("durationSeconds")) {
                md.append(String.format(Locale.ROOT, ", %.1f min", env.get("durationSeconds").getAsLong() / 60.0));
            }
        }
        md.append(": ").append(run.environment());
        run.forkProperty(ResultKeys.SOURCE).ifPresent(source -> md.append("; code ").append(source));
        List<Integer> measured = run.results().stream().map(r -> r.forks() * r.measurementIterations()).distinct()
                .sorted().toList();
        List<Integer> forks = run.results().stream().map(JmhRun.Result::forks).distinct().sorted().toList();
        md.append(String.format(Locale.ROOT, "; %s fork(s) and %d–%d measured batches per result.",
                forks.stream().map(String::valueOf).collect(Collectors.joining("–")), measured.get(0),
                measured.get(measured.size() - 1)));
        if (kind == Kind.verdict) {
            return md.append(" Figures are ms per batch, the mean ± JMH's 99.9 % half-width; ×: the mean over the "
                    + "ideal (waves × d).\n\n").toString();
        }
        if (kind == Kind.load) {
            return md.append(" Latencies are ms from each gather's intended start, each percentile the mean over the "
                    + "measured one-second windows, p99 ± JMH's 99.9 % half-width over them; a round of callers is "
                    + "ms, the mean ± that half-width; *inside* its band [theory, theory + the floor at M·N], "
                    + "*unknown* with an interval wider than ±" + (int) Tuning.MAX_HALF_WIDTH_PERCENT + " %.\n\n")
                    .toString();
        }
        md.append(" Figures are ms per batch, the mean ± JMH's 99.9 % half-width; ×: the mean over the ideal "
                + "(waves × d, or the greedy schedule); *below* or *above*: the interval misses the band "
                + "[ideal, ideal + the floor of the model's client stack, measured first in the run], *unknown*: "
                + "no interval, or one wider than ±" + (int) Tuning.MAX_HALF_WIDTH_PERCENT + " % (inside otherwise).\n\n");
        return md.toString();
    }

    /** Models down, N across: "mean ± error (×ideal, placement)". */
    static String gatherTable(List<Row> scenario) {
        List<Integer> ns = new ArrayList<>(new TreeSet<>(scenario.stream().map(Row::urls).toList()));
        StringBuilder md = new StringBuilder("**").append(scenario.get(0).scenario()).append("**\n\n| model (setting) |");
        ns.forEach(n -> md.append(" N = ").append(n).append(" |"));
        md.append("\n|---|").append("---:|".repeat(ns.size())).append('\n');
        Map<Row.SettingKey, List<Row>> bySetting = scenario.stream()
                .collect(Collectors.groupingBy(Row::settingKey, LinkedHashMap::new, Collectors.toList()));
        List<String> flags = new ArrayList<>();
        bySetting.forEach((setting, results) -> {
            md.append("| ").append(results.get(0).setting()).append(" |");
            for (int n : ns) {
                md.append(' ').append(results.stream().filter(r -> r.urls() == n).findFirst()
                        .map(r -> cell(r, flags)).orElse(NOT_RUN)).append(" |");
            }
            md.append('\n');
        });
        md.append('\n');
        flags.forEach(flag -> md.append("- ").append(flag).append('\n'));
        return md.toString();
    }

    private static String cell(Row row, List<String> flags) {
        String placement = row.placement() == Theory.Placement.inside ? ""
                : ", *" + row.placement() + "*";
        String text = String.format(Locale.ROOT, "%s (%.2f×%s)", meanAndError(row), row.ratioToIdeal(), placement);
        if (!row.flags().isEmpty()) {
            flags.add(row.setting() + " at N=" + row.urls() + ": " + row.flags());
            text += " ⚑";
        }
        return text;
    }

    static String meanAndError(Row row) {
        return meanAndError(row.measuredMs(), row.errorMs());
    }

    /** "114.1 ± 3.0", "1017 ± 3": one decimal below a second. */
    static String meanAndError(double mean, double error) {
        int decimals = mean >= 1000 ? 0 : 1;
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", mean, error);
    }

    /**
     * Per N, the fastest mean and every result whose interval overlaps it: those are
     * indistinguishable from it, and the others are slower beyond their intervals.
     */
    static String comparisons(List<Row> scenario) {
        StringBuilder md = new StringBuilder();
        for (int n : new TreeSet<>(scenario.stream().map(Row::urls).toList())) {
            List<Row> atN = scenario.stream().filter(r -> r.urls() == n)
                    .sorted(Comparator.comparingDouble(Row::measuredMs)).toList();
            List<Row> withoutInterval = atN.stream().filter(r -> Double.isNaN(r.errorMs())).toList();
            List<Row> compared = atN.stream().filter(r -> !Double.isNaN(r.errorMs())).toList();
            md.append("- N = ").append(n).append(": ");
            if (compared.isEmpty()) {
                md.append("no result has an interval (too few batches), so none is compared.\n");
                continue;
            }
            Row fastest = compared.get(0);
            List<Row> tied = compared.subList(1, compared.size()).stream().filter(r -> indistinguishable(fastest, r))
                    .toList();
            md.append(String.format(Locale.ROOT, compared.size() == 1 ? "the only result with an interval is %s, %s ms"
                    : "the lowest mean is %s, %s ms; ", fastest.setting(), meanAndError(fastest)));
            md.append(compared.size() == 1 ? "" : tied.isEmpty() ? "every other result is slower beyond both intervals"
                    : "indistinguishable from it (the intervals overlap): " + tied.stream()
                    .map(r -> r.setting() + " " + meanAndError(r)).collect(Collectors.joining(", "))
                    + (tied.size() == compared.size() - 1 ? "" : "; the others are slower beyond both intervals"));
            md.append(withoutInterval.isEmpty() ? "." : "; without an interval, not compared: " + withoutInterval
                    .stream().map(Row::setting).collect(Collectors.joining(", ")) + ".");
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    /** The two intervals mean ± error overlap: no difference can be claimed. */
    static boolean indistinguishable(Row a, Row b) {
        return Comparison.Significance.of(a.result().primary(), b.result().primary())
                == Comparison.Significance.NOT_SIGNIFICANT;
    }

    /** The other shapes, one line per result, with what each shape measures besides its time. */
    static String shapesTable(List<Row> rows) {
        StringBuilder md = new StringBuilder("**The other shapes**\n\n| shape | d ms | N | model (setting) | ms "
                + "| × ideal | in band | first result ms | kept |\n|---|---:|---:|---|---:|---:|---|---:|---:|\n");
        List<String> flags = new ArrayList<>();
        for (Row row : rows) {
            md.append("| ").append(row.shape()).append(" | ").append(row.delayMs()).append(' ')
                    .append(row.delays().spec()).append(" | ").append(row.urls()).append(" | ")
                    .append(row.setting()).append(" | ").append(meanAndError(row))
                    .append(row.flags().isEmpty() ? "" : " ⚑").append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", row.ratioToIdeal())).append(" | ")
                    .append(row.placement()).append(" | ")
                    .append(secondary(row, Metrics.FIRST_RESULT, "%.1f")).append(" | ")
                    .append(secondary(row, Metrics.KEPT, "%.1f")).append(" |\n");
            if (!row.flags().isEmpty()) {
                flags.add(row.shape() + " · " + row.setting() + ": " + row.flags());
            }
        }
        md.append('\n');
        flags.forEach(flag -> md.append("- ").append(flag).append('\n'));
        return md.toString();
    }

    /** What each model spent at the largest N: requests in flight, platform threads, memory. */
    static String costTable(List<Row> rows) {
        StringBuilder md = new StringBuilder("**What it costs at N = ").append(rows.get(0).urls())
                .append(", ").append(rows.get(0).scenario()).append("** (peaks per batch, means over the batches)\n\n"
                        + "| model (setting) | ms | requests in flight | platform threads | RSS MB | MB allocated "
                        + "per batch |\n|---|---:|---:|---:|---:|---:|\n");
        Function<Double, Double> mb = bytes -> bytes / 1e6;
        List<String> flags = new ArrayList<>();
        for (Row row : rows) {
            md.append("| ").append(row.setting()).append(" | ").append(cell(row, flags)).append(" | ")
                    .append(secondary(row, Metrics.IN_FLIGHT, "%.0f")).append(" | ")
                    .append(secondary(row, Metrics.THREADS, "%.0f")).append(" | ")
                    .append(secondary(row, Metrics.RSS, "%.0f")).append(" | ")
                    .append(row.result().secondary().containsKey(GC_ALLOCATED) ? String.format(Locale.ROOT, "%.0f",
                            mb.apply(row.result().secondary().get(GC_ALLOCATED).score())) : NOT_RUN)
                    .append(" |\n");
        }
        md.append('\n');
        flags.forEach(flag -> md.append("- ").append(flag).append('\n'));
        return md.toString();
    }

    /** JMH's gc profiler: bytes allocated per operation, here per batch. */
    static final String GC_ALLOCATED = "gc.alloc.rate.norm";

    private static String secondary(Row row, String metric, String format) {
        JmhRun.Metric value = row.result().secondary().get(metric);
        return value == null ? NOT_RUN : String.format(Locale.ROOT, format, value.score());
    }
}
