package fetchbench.report;

import fetchbench.analysis.Load;
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
                    String.format(Locale.ROOT, "%.0f – %.0f", c.predictedMs(), c.bandTopMs()), c.placement().name(),
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

    /** The arrivals' table: a rate of a setting per row. */
    static Table arrivals(Load load) {
        List<List<String>> rows = new ArrayList<>();
        for (Load.Arrivals a : load.arrivals()) {
            List<String> row = new ArrayList<>(List.of(a.setting(), String.valueOf(a.rate()),
                    Words.number(a.utilisation(), "%.2f")));
            for (String percentile : List.of("latency.p50.ms", "latency.p90.ms")) {
                row.add(Words.ms(a.metric(percentile).score()));
            }
            row.add(Words.meanAndError(a.p99(), a.p99HalfWidth()));
            row.add(Words.ms(a.metric("latency.p999.ms").score()));
            row.add(Words.ms(a.metric("latency.max.ms").score()));
            row.add(Words.number(a.achievedRate(), "%.1f"));
            row.add(Words.number(a.lateP99(), "%.2f"));
            row.add(String.format(Locale.ROOT, "%.0f", a.boundMs()));
            row.add(a.predicted());
            row.add(a.measured());
            row.add(Words.number(Load.secondary(a.result(), Metrics.THREADS), "%.0f") + " / "
                    + Words.number(Load.secondary(a.result(), Metrics.RSS), "%.0f MB"));
            row.add(a.steadiness());
            rows.add(row);
        }
        return Table.ofWords("", ARRIVALS_COLUMNS, rows);
    }

    private static final List<Table.Column> ARRIVALS_COLUMNS = List.of(Table.Column.text("model (setting)"),
            Table.Column.number("rate /s"), Table.Column.number("ρ"), Table.Column.number("p50"),
            Table.Column.number("p90"), Table.Column.number("p99 ms"), Table.Column.number("p99.9"),
            Table.Column.number("max"), Table.Column.number("achieved /s"), Table.Column.number("late p99 ms"),
            Table.Column.number("bound ms"), Table.Column.text("predicted"), Table.Column.text("measured"),
            Table.Column.number("threads / memory"), Table.Column.text("steady"));

    private static final String ABOUT = "Gathers of N URLs through one shared model, under load. Callers: M "
            + "request handlers (the harness's own platform threads, released together) each gather N at once; "
            + "a round ends with the last. Theory: the model's limit L is shared (a pool, OkHttp's Dispatcher, a "
            + "semaphore, Reactor Netty's pool of N connections; a loop's and flatMap's are each caller's own), "
            + "so a round takes ⌈M·N/L⌉ delays and no more than L/d requests a second get through (Little's law); "
            + "the band's top adds the floor at M·N. Arrivals: gathers arrive at a fixed rate for a second per "
            + "batch whether or not the earlier ones are done (an open loop), each timed from its intended start "
            + "(corrected for coordinated omission), recorded in HdrHistogram; each percentile is the mean over "
            + "the measured windows of every fork, p99 ± half its 95 % interval from the fork means. ρ = rate·N·d / L, or the "
            + "machine's share (rate·N × what one more request adds to the floor, between its two largest N) "
            + "where that is larger: "
            + "below 0.9 p99 is predicted within its bound, twice the workload's unloaded time (every URL in "
            + "flight at once, plus the floor) unless the run was given one, above 1.1 over it. If the generator started arrivals late (p99 "
            + "lateness over a tenth of the bound) or fell 5 % short of the rate, the client machine was "
            + "saturated and the row says \"generator behind\" instead of judging the model.";

    /** The section's text, its verdict lines, both tables and what to set under load, then the charts. */
    static Section of(Load load, List<Figure> charts) {
        List<Block> blocks = new ArrayList<>();
        if (!load.isEmpty()) {
            blocks.add(Paragraph.legend(ABOUT));
            blocks.add(Bullets.of(LoadLines.verdictLines(load)));
            if (!load.arrivals().isEmpty()) {
                blocks.add(arrivals(load));
            }
            if (!load.callers().isEmpty()) {
                blocks.add(callers(load));
            }
            List<String> toSet = LoadLines.recommendations(load);
            if (!toSet.isEmpty()) {
                blocks.add(Paragraph.of("What to set under load:"));
                blocks.add(Bullets.of(toSet));
            }
            blocks.addAll(charts);
        }
        return new Section("under-load", "Under load", blocks);
    }
}
