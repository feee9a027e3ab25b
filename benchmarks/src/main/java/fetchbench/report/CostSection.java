package fetchbench.report;

import fetchbench.analysis.Calibration;
import fetchbench.analysis.Cost;
import fetchbench.analysis.Row;
import fetchbench.analysis.ToldProcessors;
import fetchbench.analysis.Verdict;
import fetchbench.analysis.Words;
import fetchbench.document.Block;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import fetchbench.result.Benchmarks;
import fetchbench.result.EchoCostOutcome;
import fetchbench.result.JmhRun;
import fetchbench.result.Metrics;
import fetchbench.result.ResultKeys;
import fetchbench.stats.ForkMeans;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "What each request costs": the client's and the server's CPU per request of every headline
 * result and every floor, with what else a batch measured (the server's lateness, steal time,
 * pinning, the carriers); then what each setting held per request in flight in its footprint fork.
 */
final class CostSection {

    private CostSection() {
    }

    static Section of(JmhRun run, List<Row> rows) {
        List<Block> blocks = new ArrayList<>();
        List<List<String>> cpu = new ArrayList<>();
        for (Row row : Verdict.headline(rows).stream().sorted(Row.READING_ORDER).toList()) {
            cpu.add(cpuRow(row.setting(), row.urls(), row.result()));
        }
        run.results().stream().filter(Calibration::isBare)
                .sorted(Comparator.comparing((JmhRun.Result r) -> r.params().getOrDefault(Benchmarks.CLIENT, ""))
                        .thenComparingInt(r -> Integer.parseInt(r.params().get("urls"))))
                .forEach(bare -> cpu.add(cpuRow(floorName(bare), Integer.parseInt(bare.params().get("urls")), bare)));
        if (cpu.stream().anyMatch(r -> !r.get(2).equals("–"))) {
            blocks.add(Paragraph.legend("CPU time per request the server answered, in µs, the mean ± half the 95 % "
                    + "interval of the fork means: of the client's JVM (the fork: the model, its client stack and "
                    + "the harness) and of the server's (WireMock). The server's lateness is the worst batch's 99th "
                    + "percentile of how late it sent a response against the delay asked for; a result past "
                    + "max(5 % of the delay, 2 ms) is marked. Steal is the machine's, per batch. Pinned and "
                    + "carriers only for the models on virtual threads."));
            blocks.add(Table.ofWords("cost-cpu", List.of(Table.Column.text("setting"), Table.Column.number("N"),
                    Table.Column.number("client µs/request"), Table.Column.number("server µs/request"),
                    Table.Column.number("server late p99, ms"), Table.Column.number("steal, ms/batch"),
                    Table.Column.number("pinned/batch"), Table.Column.number("waiting for a carrier")), cpu));
        }
        List<List<String>> over = overBareClient(run, rows);
        if (!over.isEmpty()) {
            blocks.add(Paragraph.legend("What each setting adds to its client stack's bare client at the same N and "
                    + "the same " + Benchmarks.FLOOR_DELAY_MS + " ms delay, where the delay no longer hides it: its "
                    + "time less the bare client's, in ms, with Welch's 95 % interval from the fork means of both."));
            blocks.add(Table.ofWords("cost-over-bare", List.of(Table.Column.text("setting"), Table.Column.number("N"),
                    Table.Column.number("setting, ms"), Table.Column.number("bare client, ms"),
                    Table.Column.number("added, ms [95 %]")), over));
        }
        blocks.addAll(told(run, rows));
        run.forkProperty(ResultKeys.ECHO_COST).map(EchoCostOutcome::decode)
                .ifPresent(echo -> blocks.add(Paragraph.fact(echo.describe())));
        List<List<String>> held = new ArrayList<>();
        for (JmhRun.Result footprint : run.footprints()) {
            Cost cost = new Cost(Optional.empty(), Optional.empty(), Cost.inFlight(footprint));
            cost.footprint().ifPresent(f -> held.add(List.of(
                    footprint.forkProperty(ResultKeys.VARIANT).orElse(footprint.params().get("model")),
                    String.valueOf(f.inFlight()), kb(f.heapBytes()), kb(f.threadBytes()), kb(f.nativeBytes()),
                    Words.meanAndError(f.platformThreads().mean(), f.platformThreads().halfWidth(), 2))));
        }
        if (!held.isEmpty()) {
            blocks.add(Paragraph.legend("What each request in flight held, per request: a fork of its own per setting "
                    + "with Native Memory Tracking holds one wave of requests open with a long server delay, on a "
                    + "new instance of the model each time, and reads the live heap, the threads' memory (their "
                    + "stacks), the native memory a request can hold (direct buffers, the JDK's native side) and "
                    + "the platform threads, each less the same instance idle; the mean ± half the 95 % interval "
                    + "of its holds."));
            blocks.add(Table.ofWords("cost-footprint", List.of(Table.Column.text("setting"),
                    Table.Column.number("in flight"), Table.Column.number("heap, KB"),
                    Table.Column.number("thread stacks, KB"), Table.Column.number("native, KB"),
                    Table.Column.number("platform threads")), held));
        }
        return new Section("cost", "What each request costs", blocks);
    }

    /** Each headline result at the floor's delay against the floor of its stack at its N. */
    private static List<List<String>> overBareClient(JmhRun run, List<Row> rows) {
        Calibration calibration = Calibration.of(run);
        List<List<String>> lines = new ArrayList<>();
        for (Row row : Verdict.headline(rows).stream().sorted(Row.READING_ORDER).toList()) {
            Cost.Added.of(row, calibration).ifPresent(added -> lines.add(List.of(row.setting(),
                    String.valueOf(row.urls()), Words.meanAndError(row),
                    Words.meanAndError(added.bareMs().mean(), added.bareMs().halfWidth()), added.interval())));
        }
        return lines;
    }

    /** The cpus axis: the machine's JVM against forks told more processors, one row per setting. */
    private static List<Block> told(JmhRun run, List<Row> rows) {
        List<ToldProcessors> told = ToldProcessors.of(run, rows);
        if (told.isEmpty()) {
            return List.of();
        }
        List<List<String>> lines = new ArrayList<>();
        for (ToldProcessors pair : told) {
            lines.add(List.of(pair.machine().setting(), String.valueOf(pair.machine().urls()),
                    Words.meanAndError(pair.machine()), Words.meanAndError(pair.told()),
                    Words.ratio(pair.ratio()) + " " + pair.judgement(),
                    meanAndError(pair.machine().result(), Metrics.CLIENT_CPU) + " → "
                            + meanAndError(pair.told().result(), Metrics.CLIENT_CPU),
                    meanAndError(pair.machine().result(), Metrics.CARRIER_QUEUE_MEAN) + " → "
                            + meanAndError(pair.told().result(), Metrics.CARRIER_QUEUE_MEAN)));
        }
        int processors = told.get(0).processors();
        return List.of(Paragraph.legend("Each setting again in forks told they have " + processors + " processors "
                        + "(-XX:ActiveProcessorCount=" + processors + ") on the same cores: the JVM sizes its common pool (CompletableFuture's default executor), the virtual "
                        + "threads' carriers and its GC threads from the count, but gets no more CPU to run them. "
                        + "Told over the machine's time, " + RankingLines.comparisonLegend() + "."),
                Table.ofWords("cost-told-processors", List.of(Table.Column.text("setting"), Table.Column.number("N"),
                        Table.Column.number("machine's JVM, ms"), Table.Column.number("told " + processors + ", ms"),
                        Table.Column.text("told ÷ machine's"), Table.Column.number("client µs/request"),
                        Table.Column.number("waiting for a carrier")), lines));
    }

    private static List<String> cpuRow(String setting, int urls, JmhRun.Result result) {
        return List.of(setting, String.valueOf(urls), meanAndError(result, Metrics.CLIENT_CPU),
                meanAndError(result, Metrics.SERVER_CPU), worst(result, Metrics.SERVER_LATE_P99),
                meanAndError(result, Metrics.STEAL), meanAndError(result, Metrics.PINNED),
                meanAndError(result, Metrics.CARRIER_QUEUE_MEAN));
    }

    private static String floorName(JmhRun.Result bare) {
        String protocol = bare.params().getOrDefault(Benchmarks.PROTOCOL, "http1");
        return "floor: " + bare.params().get(Benchmarks.CLIENT) + " bare client, " + bare.params().get("delayMs")
                + " ms" + ("http1".equals(protocol) ? "" : " over " + protocol)
                + ("true".equals(bare.params().get(Benchmarks.NEW_CLIENT_PER_BATCH)) ? ", a new client per batch" : "");
    }

    private static String meanAndError(JmhRun.Result result, String metric) {
        JmhRun.Metric value = result.secondary().get(metric);
        if (value == null) {
            return "–";
        }
        ForkMeans means = ForkMeans.of(value.raw());
        return Words.meanAndError(means.mean(), means.halfWidth(), 1);
    }

    private static String worst(JmhRun.Result result, String metric) {
        JmhRun.Metric value = result.secondary().get(metric);
        return value == null ? "–" : Words.number(value.batches().stream().mapToDouble(Double::doubleValue).max()
                .orElse(Double.NaN), "%.1f");
    }

    private static String kb(ForkMeans bytes) {
        return Words.meanAndError(bytes.mean() / 1024, bytes.halfWidth() / 1024, 1);
    }
}
