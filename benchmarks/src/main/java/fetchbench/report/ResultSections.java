package fetchbench.report;

import fetchbench.analysis.Ranking;
import fetchbench.analysis.Row;
import fetchbench.analysis.Tuning;
import fetchbench.analysis.Verdict;
import fetchbench.analysis.Words;
import fetchbench.result.JmhRun;

import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Folded;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import fetchbench.document.Text;
import fetchbench.result.Metrics;
import fetchbench.theory.Theory;
import fetchbench.workload.Kind;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The results themselves: every one in a sortable table, each scenario's table with its comparisons, and the cost. */
final class ResultSections {

    private static final String NOT_RUN = "–";

    private ResultSections() {
    }

    private static final String LEGEND = "Click a column to sort. Theory: the greedy schedule of the URLs on the c "
            + "requests the model has in flight, ⌈N/c⌉ waves of the delay when all delays are equal, read the way the "
            + "shape ends (the last result, the first success, the deadline; see docs/shapes.md). Floor: the bare "
            + "client of the model's own stack (OkHttp, or the JDK HttpClient for httpClientAsync) fetching N URLs "
            + "with a 1 ms delay on this machine. Predicted: the larger of the two. Ratio: measured ÷ predicted. "
            + "Band: the model stated before the run, from the ideal (the theory) to the ideal plus the floor (for a "
            + "gather capped below N, where the run measured the floor at its cap: that floor once per wave); "
            + "÷ ideal: measured ÷ theory; in band: where the measurement's interval lies against the band (inside it, "
            + "below or above it wholly, or straddles an edge; unknown only with one fork). ± ms: half the 95 % "
            + "interval from the fork means (Student's t, forks − 1 degrees of freedom). Batches: forks × measured "
            + "batches per fork (and JMH's warm-up batches), after each fork's own warm-up until its batches were "
            + "steady. Flags: drifting (the measured batches still trend: Mann–Kendall over the forks, Holm across "
            + "the run, α = 0.01) or not steady; a flagged result is left out of every comparison.";

    private static final List<Table.Column> EVERY_RESULT = List.of(Table.Column.text("scenario"),
            Table.Column.text("model (setting)"), Table.Column.number("N"), Table.Column.number("measured ms"),
            Table.Column.number("± ms (95 %, forks)"), Table.Column.number("median ms"), Table.Column.number("batches"),
            Table.Column.number("theory ms"), Table.Column.number("floor ms"), Table.Column.number("predicted ms"),
            Table.Column.number("measured ÷ predicted"), Table.Column.number("band ms"), Table.Column.number("÷ ideal"),
            Table.Column.text("in band"), Table.Column.text("the shape's own outcome"), Table.Column.text("flags"));

    /** "Every result": one row per result with its prediction. */
    static Section everyResult(List<Row> rows) {
        List<List<Table.Cell>> cells = rows.stream().map(row -> List.of(Table.Cell.of(row.scenario()),
                Table.Cell.of(row.setting()), Table.Cell.number(row.urls(), "%.0f"),
                Table.Cell.number(row.measuredMs(), "%.1f"), Table.Cell.number(row.halfWidthMs(), "%.1f"),
                Table.Cell.number(row.medianMs(), "%.1f"),
                Table.Cell.of(row.result().forks() + " × " + row.result().measurementIterations() + " (+"
                        + row.result().warmupIterations() + " warm-up)"),
                Table.Cell.number(row.theoryMs(), "%.0f"), Table.Cell.number(row.floorMs(), "%.1f"),
                Table.Cell.number(row.predictedMs(), "%.0f"), Table.Cell.number(row.ratio(), "%.2f"),
                Table.Cell.of(String.format(Locale.ROOT, "%.0f – %.0f", row.theoryMs(), row.bandTopMs())),
                Table.Cell.number(row.ratioToIdeal(), "%.2f"), Table.Cell.of(row.placement().words()),
                Table.Cell.of(outcome(row)), Table.Cell.of(row.flags()))).toList();
        return new Section("results", "Every result", List.of(new Folded("the table of all " + rows.size()
                + " results: theory, floor, band and outcome", List.of(Paragraph.legend(LEGEND),
                new Table("results", EVERY_RESULT, cells)))));
    }

    /**
     * What a shape measures besides its time: the results a deadline kept, the wait for the first
     * result as completed, the verdicts of an uptime check (each verified against its URL's kind).
     */
    static String outcome(Row row) {
        JmhRun.Metric kept = row.result().secondary().get(Metrics.KEPT);
        JmhRun.Metric first = row.result().secondary().get(Metrics.FIRST_RESULT);
        return switch (row.shape().outcome()) {
            case kept -> kept == null ? "" : String.format(Locale.ROOT, "%.1f of %d kept", kept.score(), row.urls());
            case firstResult -> first == null ? ""
                    : String.format(Locale.ROOT, "first result after %.1f ms", first.score());
            case verdicts -> {
                long up = row.shape().plan(row.urls(), row.delayMs(), row.delays(), 0).stream()
                        .filter(p -> p.kind() == Kind.OK).count();
                yield up + " up, " + (row.urls() - up) + " down, each verdict verified";
            }
            case none -> "";
        };
    }

    /** Each scenario of the run apart from the sweeps: gather's as a table of N across, the other shapes in one. */
    static List<Block> scenarios(List<Row> rows) {
        List<Block> blocks = new ArrayList<>();
        Map<Row.ScenarioKey, List<Row>> scenarios = rows.stream().filter(r -> !r.isSweep())
                .collect(Collectors.groupingBy(Row::scenarioKey, LinkedHashMap::new, Collectors.toList()));
        scenarios.values().stream().filter(s -> s.get(0).shape() == Shape.gather).forEach(s -> {
            blocks.addAll(gatherTable(s));
            blocks.add(Bullets.of(comparisons(s)));
        });
        List<Row> shapes = scenarios.values().stream().filter(s -> s.get(0).shape() != Shape.gather)
                .flatMap(List::stream).toList();
        if (!shapes.isEmpty()) {
            blocks.addAll(shapesTable(shapes));
        }
        return blocks;
    }

    /** Each sweep of the run: a table of its settings down, at its one N. */
    static List<Block> sweeps(List<Row> rows) {
        List<Block> blocks = new ArrayList<>();
        rows.stream().filter(Row::isSweep).collect(Collectors.groupingBy(Row::scenarioKey, LinkedHashMap::new,
                Collectors.toList())).values().forEach(sweep -> blocks.addAll(gatherTable(sweep)));
        return blocks;
    }

    /** Models down, N across: "mean ± error (×ideal, placement)", then what the flags say. */
    static List<Block> gatherTable(List<Row> scenario) {
        List<Integer> ns = new ArrayList<>(new TreeSet<>(scenario.stream().map(Row::urls).toList()));
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.text("model (setting)")));
        ns.forEach(n -> columns.add(Table.Column.number("N = " + n)));
        Map<Row.SettingKey, List<Row>> bySetting = scenario.stream()
                .collect(Collectors.groupingBy(Row::settingKey, LinkedHashMap::new, Collectors.toList()));
        List<String> flags = new ArrayList<>();
        List<List<Table.Cell>> cells = new ArrayList<>();
        bySetting.forEach((setting, results) -> {
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.of(results.get(0).setting())));
            for (int n : ns) {
                row.add(results.stream().filter(r -> r.urls() == n).findFirst().map(r -> cell(r, flags))
                        .orElse(Table.Cell.of(NOT_RUN)));
            }
            cells.add(row);
        });
        return withFlags(List.of(Paragraph.of(Text.strong(scenario.get(0).scenario())), new Table("", columns, cells)),
                flags);
    }

    private static List<Block> withFlags(List<Block> blocks, List<String> flags) {
        List<Block> all = new ArrayList<>(blocks);
        if (!flags.isEmpty()) {
            all.add(Bullets.of(flags));
        }
        return all;
    }

    /** "114.1 ± 3.0 (1.04×, *above*)", with a flag mark whose words go under the table. */
    private static Table.Cell cell(Row row, List<String> flags) {
        Text text = Text.of(String.format(Locale.ROOT, "%s (%.2f×", Words.meanAndError(row), row.ratioToIdeal()));
        text = row.placement() == Theory.Placement.inside ? text.then(")")
                : text.then(", ").thenEmphasis(row.placement().words()).then(")");
        if (!row.flags().isEmpty()) {
            flags.add(row.setting() + " at N=" + row.urls() + ": " + row.flags());
            text = text.then(" ⚑");
        }
        return new Table.Cell(text, row.measuredMs());
    }

    /** Per N, every result tested against the fastest ({@link RankingLines}). */
    static List<String> comparisons(List<Row> scenario) {
        return new TreeSet<>(scenario.stream().map(Row::urls).toList()).stream()
                .map(n -> RankingLines.line(Ranking.of(n, scenario.stream().filter(r -> r.urls() == n).toList())))
                .toList();
    }

    private static final List<Table.Column> SHAPES = List.of(Table.Column.text("shape"), Table.Column.number("d ms"),
            Table.Column.number("N"), Table.Column.text("model (setting)"), Table.Column.number("ms"),
            Table.Column.number("× ideal"), Table.Column.text("in band"), Table.Column.number("first result ms"),
            Table.Column.number("kept"));

    /** The other shapes, one line per result, with what each shape measures besides its time. */
    static List<Block> shapesTable(List<Row> rows) {
        List<String> flags = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            cells.add(List.of(row.shape().name(), row.delayMs() + " " + row.delays().spec(), String.valueOf(row.urls()),
                    row.setting(), Words.meanAndError(row) + (row.flags().isEmpty() ? "" : " ⚑"),
                    String.format(Locale.ROOT, "%.2f", row.ratioToIdeal()), row.placement().words(),
                    secondary(row, Metrics.FIRST_RESULT, "%.1f"), secondary(row, Metrics.KEPT, "%.1f")));
            if (!row.flags().isEmpty()) {
                flags.add(row.shape() + " · " + row.setting() + ": " + row.flags());
            }
        }
        return withFlags(List.of(Paragraph.of(Text.strong("The other shapes")), Table.ofWords("", SHAPES, cells)),
                flags);
    }

    private static final List<Table.Column> COST = List.of(Table.Column.text("model (setting)"),
            Table.Column.number("ms"), Table.Column.number("requests in flight"),
            Table.Column.number("platform threads"), Table.Column.number("client CPU µs/request"),
            Table.Column.number("server CPU µs/request"), Table.Column.number("MB allocated per batch"));

    /** JMH's gc profiler: bytes allocated per operation, here per batch. */
    static final String GC_ALLOCATED = "gc.alloc.rate.norm";

    /**
     * What each model spent at the run's largest gather N: requests and platform threads at their
     * peak, CPU per request of the client and the server, and the bytes allocated. (Not the RSS:
     * under a fixed heap it is the heap the fork touched, not a footprint.)
     */
    static List<Block> cost(List<Row> rows) {
        int largestN = rows.stream().filter(r -> r.shape() == Shape.gather && !r.isSweep()).mapToInt(Row::urls)
                .max().orElse(0);
        List<Row> largest = rows.stream().filter(r -> r.shape() == Shape.gather && !r.isSweep()
                && r.urls() == largestN).toList();
        if (largest.isEmpty()) {
            return List.of();
        }
        List<String> flags = new ArrayList<>();
        List<List<Table.Cell>> cells = new ArrayList<>();
        for (Row row : largest) {
            JmhRun.Metric allocated = row.result().secondary().get(GC_ALLOCATED);
            cells.add(List.of(Table.Cell.of(row.setting()), cell(row, flags),
                    Table.Cell.of(secondary(row, Metrics.IN_FLIGHT, "%.0f")),
                    Table.Cell.of(secondary(row, Metrics.THREADS, "%.0f")),
                    Table.Cell.of(secondary(row, Metrics.CLIENT_CPU, "%.0f")),
                    Table.Cell.of(secondary(row, Metrics.SERVER_CPU, "%.0f")),
                    Table.Cell.of(allocated == null ? NOT_RUN
                            : String.format(Locale.ROOT, "%.0f", allocated.score() / 1e6))));
        }
        return withFlags(List.of(Paragraph.of(Text.strong("What it costs at N = " + largestN + ", "
                + largest.get(0).scenario()).then(" (peaks per batch, means over the batches; what a request in flight holds is in the report's \"What each request costs\")")),
                new Table("", COST, cells)), flags);
    }

    /** The run's largest gather N, where {@link #cost} reads. */
    static int largestGatherN(List<Row> rows) {
        return rows.stream().filter(r -> r.shape() == Shape.gather && !r.isSweep()).mapToInt(Row::urls).max().orElse(0);
    }

    private static String secondary(Row row, String metric, String format) {
        JmhRun.Metric value = row.result().secondary().get(metric);
        return value == null ? NOT_RUN : String.format(Locale.ROOT, format, value.score());
    }
}
