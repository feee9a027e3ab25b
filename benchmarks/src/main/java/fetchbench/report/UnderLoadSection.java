package fetchbench.report;

import fetchbench.analysis.Load;
import fetchbench.analysis.MergedLatency;
import fetchbench.analysis.Words;

import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Figure;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import fetchbench.result.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Under load": the callers' rounds and the arrivals' latencies beside their predictions. */
final class UnderLoadSection {

    private UnderLoadSection() {
    }

    /** The callers' table: a round of M callers per row. */
    static Table callers(Load load) {
        List<List<String>> rows = new ArrayList<>();
        for (Load.Callers c : load.callers()) {
            rows.add(List.of(c.setting(), String.valueOf(c.callers()), String.valueOf(c.urls()),
                    Words.meanAndError(c.measuredMs(), c.halfWidthMs()),
                    String.format(Locale.ROOT, "%.0f – %.0f", c.predictedMs(), c.bandTopMs()), c.placement().words(),
                    Words.number(Load.secondary(c.result(), Metrics.CALLER_MEAN), "%.1f"),
                    Words.number(Load.secondary(c.result(), Metrics.THROUGHPUT), "%.0f") + " ("
                            + String.format(Locale.ROOT, "%.0f", c.littleBound()) + ")",
                    Words.number(Load.secondary(c.result(), Metrics.IN_FLIGHT), "%.0f") + " (" + c.predictedInFlight() + ")",
                    Words.number(Load.secondary(c.result(), Metrics.CONNECTIONS), "%.1f"), c.steadiness()));
        }
        return Table.ofWords("", CALLERS_COLUMNS, rows);
    }

    private static final List<Table.Column> CALLERS_COLUMNS = List.of(Table.Column.text("model (setting)"),
            Table.Column.number("callers M"), Table.Column.number("N"), Table.Column.number("ms per round"),
            Table.Column.number("band ms"), Table.Column.text("in band"), Table.Column.number("ms per caller (mean)"),
            Table.Column.number("requests/s (Little's bound)"), Table.Column.number("peak in flight (predicted)"),
            Table.Column.number("new connections per round"), Table.Column.text("steady"));

    /** The arrivals' table: a rate of a setting per row, its latencies merged from every window of every fork. */
    static Table arrivals(Load load) {
        List<List<String>> rows = new ArrayList<>();
        for (Load.Arrivals a : load.arrivals()) {
            if (a.overload()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(a.setting(), a.spacing().name(), String.valueOf(a.rate()),
                    Words.number(a.utilisation(), "%.2f")));
            if (a.latency().isPresent()) {
                MergedLatency l = a.latency().get();
                row.add(String.valueOf(l.count()));
                row.add(Words.interval(l.interval(50)));
                row.add(Words.interval(l.interval(90)));
                row.add(Words.interval(a.p99()));
                row.add(l.p999().map(v -> Words.interval(l.interval(99.9))).orElse("too few samples"));
                row.add(Words.number(l.ms(100), "%.1f"));
                row.add(Words.number(l.uncorrectedMs(99), "%.1f"));
                row.add(Words.number(l.latenessMs(99), "%.2f") + " / " + Words.number(l.latenessMs(100), "%.1f"));
            } else {
                row.addAll(java.util.Collections.nCopies(8, "–"));
            }
            row.add(String.format(Locale.ROOT, "%.0f", a.boundMs()));
            row.add(a.measured());
            row.add(Words.number(Load.secondary(a.result(), Metrics.THREADS), "%.0f") + " / "
                    + Words.number(Load.secondary(a.result(), Metrics.CONNECTIONS), "%.1f"));
            row.add(a.steadiness());
            rows.add(row);
        }
        return Table.ofWords("", ARRIVALS_COLUMNS, rows);
    }

    private static final List<Table.Column> ARRIVALS_COLUMNS = List.of(Table.Column.text("model (setting)"),
            Table.Column.text("arrivals"), Table.Column.number("rate /s"), Table.Column.number("ρ"),
            Table.Column.number("gathers"), Table.Column.number("p50 ms [95 %]"), Table.Column.number("p90 ms [95 %]"),
            Table.Column.number("p99 ms [95 %]"), Table.Column.number("p99.9 ms [95 %]"), Table.Column.number("max ms"),
            Table.Column.number("p99 from the send ms"), Table.Column.number("late p99 / max ms"),
            Table.Column.number("bound ms"), Table.Column.text("p99"), Table.Column.number("threads / new connections a window"),
            Table.Column.text("steady"));

    /** Past saturation: the backlog's growth, not a p99. */
    static Table overload(Load load) {
        List<List<String>> rows = new ArrayList<>();
        for (Load.Arrivals a : load.arrivals()) {
            if (!a.overload() || a.latency().isEmpty()) {
                continue;
            }
            MergedLatency l = a.latency().get();
            rows.add(List.of(a.setting(), String.valueOf(a.rate()), Words.number(a.utilisation(), "%.2f"),
                    Words.number(l.sentPerSecond(), "%.0f"), Words.number(l.backlogGrowthPerSecond(), "%.1f"),
                    Words.number(l.backlogGrowthPerSecond() * a.urls(), "%.0f"),
                    l.secondsToBound(a.boundMs()).map(t -> Words.number(t, "%.0f")).orElse("not in " + Math.round(l.seconds()) + " s"),
                    String.valueOf(Math.round(l.seconds()))));
        }
        return Table.ofWords("", OVERLOAD_COLUMNS, rows);
    }

    private static final List<Table.Column> OVERLOAD_COLUMNS = List.of(Table.Column.text("model (setting)"),
            Table.Column.number("rate /s"), Table.Column.number("ρ"), Table.Column.number("sent /s"),
            Table.Column.number("backlog growth, gathers/s"), Table.Column.number("requests/s"),
            Table.Column.number("s until p99 passed the bound"), Table.Column.number("s measured"));

    private static final String ABOUT = "Gathers of N URLs through one shared model, under load. Callers: M "
            + "request handlers (the harness's own platform threads, released together) each gather N at once; "
            + "a round ends with the last. Theory: the model's limit L is shared (a pool, OkHttp's Dispatcher, a "
            + "semaphore, Reactor Netty's pool of N connections; a loop's and flatMap's are each caller's own), "
            + "so a round takes ⌈M·N/L⌉ delays and no more than L/d requests a second get through (Little's law); "
            + "the band's top adds the floor at M·N. Arrivals: gathers arrive at a mean rate, at random (Poisson, "
            + "seeded) unless evenly spaced was asked for, from a fork's first window to its last, whether or not "
            + "the earlier ones are done (an open loop). Each is timed from its intended start (corrected for "
            + "coordinated omission) and from its send; every window's histograms are kept in the run's "
            + "HdrHistogram logs, and each percentile here is of every measured window of every fork merged, "
            + "with a 95 % interval from a bootstrap (forks drawn again, then runs of two windows within each), "
            + "p99.9 only over 10,000 gathers. Within: the "
            + "interval's top is within the bound, eight times the workload's unloaded time (every URL in flight at "
            + "once) unless the run was given one; over: its bottom is past it. Before the load, the run predicts "
            + "each setting's saturation (ρ = 1: its limit over the time a request takes, or the machine's cores "
            + "over the CPU one takes) and its SLO rate (by simulating the same arrivals through its limit), and runs "
            + "0.5 to 1.1 times that rate, then 1.2 times saturation for the backlog's growth. If the generator sent "
            + "late (p99 lateness over a quarter of the bound), the client machine was saturated and the row says "
            + "\"generator behind\" instead of judging the model.";

    /** The section's text, its verdict lines, both tables and what to set under load, then the charts. */
    static Section of(Load load, List<Figure> charts) {
        List<Block> blocks = new ArrayList<>();
        if (!load.isEmpty()) {
            blocks.add(Paragraph.legend(ABOUT));
            blocks.add(Bullets.of(LoadLines.verdictLines(load)));
            if (!load.arrivals().isEmpty()) {
                blocks.add(arrivals(load));
                if (load.arrivals().stream().anyMatch(Load.Arrivals::overload)) {
                    blocks.add(Paragraph.of("Past saturation:"));
                    blocks.add(overload(load));
                }
            }
            if (!load.callers().isEmpty()) {
                blocks.add(callers(load));
            }
            List<String> toSet = LoadLines.recommendations(load);
            if (!toSet.isEmpty()) {
                blocks.add(Paragraph.of("What to set under load:"));
                blocks.add(Bullets.of(toSet));
            }
            blocks.addAll(Report.leadAndFolded(charts));
        }
        return new Section("under-load", "Under load", blocks);
    }
}
