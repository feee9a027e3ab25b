package fetchbench.analysis;

import fetchbench.result.JmhRun;

import fetchbench.result.Metrics;

import fetchbench.model.Protocol;
import fetchbench.stats.Judgement;
import fetchbench.theory.Theory;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * "Which model?": each model setting of the run's headline scenario (gather with equal delays)
 * with its time at every N, what it cost at its largest N, a verdict in a few words read off the
 * data there, and what to set. The README, index.html and the console show this one table.
 *
 * @param key     the setting, whose words every table shows
 * @param byN     its result at each N it ran
 * @param cost    what it cost per request at its largest N, measured
 * @param atLargest the ranking of every setting at its largest N, where it is compared with the fastest
 */
public record Verdict(Row.SettingKey key, Map<Integer, Row> byN, Cost cost, Ranking atLargest) {

    /** Client and server CPU that kept the cores this busy make a result CPU-bound. */
    public static final double CPU_BOUND_BUSY = 0.8;
    /** Virtual threads waiting for a carrier, on average over a batch, from which the carriers limit a result. */
    public static final double CARRIER_LIMITED_QUEUE = 1;

    /** Up to this many times the ideal a result is "at the ideal". */
    public static final double NEAR_IDEAL = 1.1;

    /** The result at the largest N this setting ran. */
    public Row largest() {
        return byN.values().stream().max(Comparator.comparingInt(Row::urls)).orElseThrow();
    }

    /**
     * The headline scenario's rows: gather, fixed delays, HTTP/1.1 in cleartext, no sweep, the delay
     * with the most N (then the longest). The other protocols have their own table ({@link Protocols}).
     */
    public static List<Row> headline(List<Row> rows) {
        Map<Integer, List<Row>> byDelay = rows.stream()
                .filter(r -> r.shape() == Shape.gather && !r.isSweep() && r.delays().profile() == DelayProfile.fixed
                        && r.protocol() == Protocol.http1)
                .collect(Collectors.groupingBy(Row::delayMs));
        return byDelay.values().stream().max(Comparator.<List<Row>>comparingLong(s -> s.stream().map(Row::urls)
                        .distinct().count()).thenComparingInt(s -> s.get(0).delayMs()))
                .orElse(List.of());
    }

    /** One verdict per setting of the headline scenario, in the report's reading order, without footprints. */
    public static List<Verdict> of(List<Row> rows) {
        return of(rows, List.of());
    }

    /** One verdict per setting of the headline scenario, each with its cost: its CPU, footprint and what it adds to its bare client. */
    public static List<Verdict> of(List<Row> rows, JmhRun run) {
        return of(rows, run.footprints(), Calibration.of(run));
    }

    /** One verdict per setting of the headline scenario, in the report's reading order, each with its cost. */
    public static List<Verdict> of(List<Row> rows, List<JmhRun.Result> footprints) {
        return of(rows, footprints, new Calibration(Map.of(), Map.of()));
    }

    private static List<Verdict> of(List<Row> rows, List<JmhRun.Result> footprints, Calibration calibration) {
        Map<Row.SettingKey, Map<Integer, Row>> bySetting = new LinkedHashMap<>();
        headline(rows).stream().sorted(Row.READING_ORDER).forEach(row -> bySetting
                .computeIfAbsent(row.settingKey(), s -> new LinkedHashMap<>()).put(row.urls(), row));
        List<Verdict> verdicts = new ArrayList<>();
        Map<Integer, Ranking> rankings = new LinkedHashMap<>();
        bySetting.forEach((setting, byN) -> {
            Row largest = byN.values().stream().max(Comparator.comparingInt(Row::urls)).orElseThrow();
            Ranking atN = rankings.computeIfAbsent(largest.urls(), n -> Ranking.of(n, bySetting.values().stream()
                    .map(rowsOf -> rowsOf.get(n)).filter(r -> r != null).toList()));
            verdicts.add(new Verdict(setting, byN, Cost.of(largest, footprints, calibration), atN));
        });
        return verdicts;
    }

    /** The model and its setting in words, as every table names it. */
    public String setting() {
        return largest().setting();
    }

    /** Why it takes the time it does at its largest N. */
    public String verdict() {
        return verdict(largest());
    }

    /**
     * The setting that gets the most out of it, from the data where its card would say "nothing":
     * a setting that is not steady, pinned, or slower than the fastest beyond the margin always
     * gets a word of what to do.
     */
    public String toSet() {
        Row row = largest();
        String card = toSet(row);
        if (!card.startsWith("nothing")) {
            return card;
        }
        List<String> but = new ArrayList<>();
        row.notSteady().ifPresent(why -> but.add("it was not steady (" + why + "): give its pools a warm-up"));
        pinned(row).ifPresent(pinned -> but.add("its virtual threads pinned (" + pinned + "): find where with JFR's "
                + "jdk.VirtualThreadPinned and move the blocking out of it"));
        atLargest.others().stream().filter(a -> a.row() == row && a.judgement() == Judgement.different
                        && a.ratio().estimate() > 1).findFirst()
                .ifPresent(a -> but.add(Words.ratio(a.ratio()) + " the time of " + atLargest.best().setting()
                        + " here, a cost of its own: choose that"));
        return but.isEmpty() ? card : "none of its own; " + String.join("; ", but);
    }

    /** "at N = 1000: " and the {@link #reason}. */
    public static String verdict(Row row) {
        return "at N = " + row.urls() + ": " + reason(row);
    }

    /** At ideal, capped by its limit (the model's card says which), or CPU-bound, at the row's N; not steady, why. */
    public static String reason(Row row) {
        int n = row.urls();
        String verdict = row.limits().card().boundVerdict(row.limits(), row.slots(), n).orElseGet(() -> {
            double times = row.ratioToIdeal();
            Theory.Placement placement = row.placement();
            if (times <= NEAR_IDEAL && placement != Theory.Placement.above && placement != Theory.Placement.unknown) {
                return "at the ideal: all " + n + " in flight";
            }
            return switch (placement) {
                case below, inside -> String.format(Locale.ROOT, "all %d in flight, %.2f× the ideal: within the ideal "
                        + "plus the floor, the client's own cost for %d requests", n, times, n);
                case above -> String.format(Locale.ROOT, "all %d in flight but CPU-bound at this N: %.2f× the ideal, "
                        + "past the ideal plus the floor", n, times);
                case straddles -> String.format(Locale.ROOT, "all %d in flight, %.2f× the ideal; its interval "
                        + "straddles an edge of the band", n, times);
                case tooWide -> String.format(Locale.ROOT, "all %d in flight, %.2f× the ideal; the band (the ideal "
                        + "plus the floor, the client's own cost for %d requests) is too wide to judge by", n, times, n);
                case unknown -> String.format(Locale.ROOT, "all %d in flight, %.2f× the ideal; one fork, no "
                        + "interval", n, times);
            };
        });
        Optional<String> notSteady = row.notSteady();
        return verdict + measured(row)
                + (row.drifting() ? "; drifting (its measured batches still trend)" : "")
                + notSteady.map(why -> "; not steady (" + why + ")").orElse("");
    }

    /** What the batches measured that explains the time: the cores busy, the carriers, the pinning, a late server. */
    static String measured(Row row) {
        StringBuilder text = new StringBuilder();
        double busy = row.coresBusy();
        if (busy >= CPU_BOUND_BUSY) {
            text.append(String.format(Locale.ROOT, "; CPU-bound: the client and the server kept the cores %.0f %% busy",
                    100 * busy));
        }
        double queued = row.secondaryMean(Metrics.CARRIER_QUEUE_MEAN);
        if (queued >= CARRIER_LIMITED_QUEUE) {
            text.append(String.format(Locale.ROOT, "; limited by its carrier threads: %.0f virtual threads waited for "
                    + "one of its %.0f on average", queued, row.secondaryMean(Metrics.CARRIERS)));
        }
        pinned(row).ifPresent(pinned -> text.append("; pinned: ").append(pinned));
        row.serverLateMs().ifPresent(late -> text.append(String.format(Locale.ROOT, "; the server was late "
                + "(p99 %.1f ms past the delay in a batch): the time is partly the server's", late)));
        return text.toString();
    }

    /** "3 blocks on a carrier in 25 batches, 6.0 ms in all", where any virtual thread blocked while pinned. */
    static Optional<String> pinned(Row row) {
        return row.secondaryTotal(Metrics.PINNED).filter(total -> total[0] > 0).map(total -> String.format(Locale.ROOT,
                "%.0f block%s on a carrier in %.0f batches, %.1f ms in all", total[0], total[0] == 1 ? "" : "s", total[1],
                row.secondaryTotal(Metrics.PINNED_MS).map(ms -> ms[0]).orElse(Double.NaN)));
    }

    /** What to set for your N requests in flight: nothing where the default already has them all in flight. */
    public static String toSet(Row row) {
        return row.limits().card().toSet(row.limits(), row.slots() >= row.urls());
    }

    /** Per N, the settings tested against the fastest of them ({@link Ranking}). */
    public static List<Ranking> rankings(List<Verdict> verdicts) {
        return columns(verdicts).stream().map(n -> Ranking.of(n, verdicts.stream().map(v -> v.byN().get(n))
                .filter(r -> r != null).toList())).toList();
    }

    /** "102.4 ± 0.8 (1.02×, 5×10)": mean ± half the fork interval, × the ideal, forks × measured batches; flagged where the server check failed at its N; a dash where the setting did not run. */
    public static String cell(Row row) {
        return row == null ? "–" : String.format(Locale.ROOT, "%s (%.2f×, %s)%s%s", Words.meanAndError(row),
                row.ratioToIdeal(), Words.samples(row), row.serverCheckFailed() ? " ⚑ server check failed at this N" : "",
                row.serverLateMs().isPresent() ? " ⚑ server late" : "");
    }

    /**
     * What it cost per request at its largest N ({@link Cost#words}), and what it added to its
     * client stack's bare client where the run measured both at one delay (the cost profile); in a
     * run that measured none of it, its platform threads at their peak there.
     */
    public String costWords() {
        return cost.words().orElseGet(() -> peakThreads(largest()));
    }

    /** "48 platform threads at N=1000", from the resource metrics (RSS under a fixed heap is no footprint: not shown). */
    static String peakThreads(Row row) {
        JmhRun.Metric threads = row.result().secondary().get(Metrics.THREADS);
        return threads == null ? "–"
                : String.format(Locale.ROOT, "%.0f platform threads at N=%d", threads.score(), row.urls());
    }

    /** The N of the table's columns. */
    public static List<Integer> columns(List<Verdict> verdicts) {
        return new ArrayList<>(new TreeSet<>(verdicts.stream().flatMap(v -> v.byN().keySet().stream()).toList()));
    }

}
