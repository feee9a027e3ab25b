package fetchbench.report;

import fetchbench.result.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Under load section's text and tables, written as HTML for index.html and as Markdown for the digests. */
final class LoadTables {

    private LoadTables() {
    }

    /** The callers' table: a round of M callers per row. */
    static Table callers(Load load) {
        List<List<String>> rows = new ArrayList<>();
        for (Load.Callers c : load.callers()) {
            rows.add(List.of(c.setting(), String.valueOf(c.callers()), String.valueOf(c.urls()),
                    Digest.meanAndError(c.measuredMs(), c.errorMs()),
                    String.format(Locale.ROOT, "%.0f – %.0f", c.predictedMs(), c.bandTopMs()), c.placement().name(),
                    Load.number(Load.secondary(c.result(), Metrics.CALLER_MEAN), "%.1f"),
                    Load.number(Load.secondary(c.result(), Metrics.THROUGHPUT), "%.0f") + " ("
                            + String.format(Locale.ROOT, "%.0f", c.littleBound()) + ")",
                    Load.number(Load.secondary(c.result(), Metrics.IN_FLIGHT), "%.0f") + " (" + c.predictedInFlight() + ")",
                    Load.number(Load.secondary(c.result(), Metrics.CONNECTIONS), "%.1f"), Load.steadiness(c.result())));
        }
        return new Table(CALLERS_HEADER, rows);
    }

    static final List<String> CALLERS_HEADER = List.of("model (setting)", "callers M", "N", "ms per round",
            "band ms", "in band", "ms per caller (mean)", "requests/s (Little's bound)", "peak in flight (predicted)",
            "new connections per round", "steady");

    /** The arrivals' table: a rate of a setting per row. */
    static Table arrivals(Load load) {
        List<List<String>> rows = new ArrayList<>();
        for (Load.Arrivals a : load.arrivals()) {
            List<String> row = new ArrayList<>(List.of(a.setting(), String.valueOf(a.rate()),
                    Load.number(a.utilisation(), "%.2f")));
            for (String percentile : List.of("latency.p50.ms", "latency.p90.ms")) {
                row.add(Load.ms(a.metric(percentile).score()));
            }
            row.add(Digest.meanAndError(a.p99(), a.p99Error()));
            row.add(Load.ms(a.metric("latency.p999.ms").score()));
            row.add(Load.ms(a.metric("latency.max.ms").score()));
            row.add(Load.number(a.achievedRate(), "%.1f"));
            row.add(Load.number(a.lateP99(), "%.2f"));
            row.add(String.format(Locale.ROOT, "%.0f", a.boundMs()));
            row.add(a.predicted());
            row.add(a.measured());
            row.add(Load.number(Load.secondary(a.result(), Metrics.THREADS), "%.0f") + " / "
                    + Load.number(Load.secondary(a.result(), Metrics.RSS), "%.0f MB"));
            row.add(Load.steadiness(a.result()));
            rows.add(row);
        }
        return new Table(ARRIVALS_HEADER, rows);
    }

    static final List<String> ARRIVALS_HEADER = List.of("model (setting)", "rate /s", "ρ", "p50", "p90",
            "p99 ms", "p99.9", "max", "achieved /s", "late p99 ms", "bound ms", "predicted", "measured",
            "threads / memory", "steady");

    private static final String ABOUT = "Gathers of N URLs through one shared model, under load. Callers: M "
            + "request handlers (the harness's own platform threads, released together) each gather N at once; "
            + "a round ends with the last. Theory: the model's limit L is shared (a pool, OkHttp's Dispatcher, a "
            + "semaphore, Reactor Netty's pool of N connections; a loop's and flatMap's are each caller's own), "
            + "so a round takes ⌈M·N/L⌉ delays and no more than L/d requests a second get through (Little's law); "
            + "the band's top adds the floor at M·N. Arrivals: gathers arrive at a fixed rate for a second per "
            + "batch whether or not the earlier ones are done (an open loop), each timed from its intended start "
            + "(corrected for coordinated omission), recorded in HdrHistogram; each percentile is the mean over "
            + "the measured windows of both forks, p99 with JMH's 99.9 % half-width. ρ = rate·N·d / L, or the "
            + "machine's share (rate·N × what one more request adds to the floor, between its two largest N) "
            + "where that is larger: "
            + "below 0.9 p99 is predicted within its bound, twice the workload's unloaded time (every URL in "
            + "flight at once, plus the floor) unless the run was given one, above 1.1 over it. If the generator started arrivals late (p99 "
            + "lateness over a tenth of the bound) or fell 5 % short of the rate, the client machine was "
            + "saturated and the row says \"generator behind\" instead of judging the model.";

    /** The section's text, its verdict lines and both tables, for index.html. */
    static String html(Load load) {
        StringBuilder html = new StringBuilder("<p>").append(Html.escape(ABOUT)).append("</p>\n");
        List<String> verdicts = load.verdictLines();
        if (!verdicts.isEmpty()) {
            html.append("<ul>\n");
            verdicts.forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
            html.append("</ul>\n");
        }
        if (!load.callers().isEmpty()) {
            html.append(callers(load).html());
        }
        if (!load.arrivals().isEmpty()) {
            html.append(arrivals(load).html());
        }
        return html.toString();
    }

    /** The verdict lines and both tables in Markdown, for the README's digest. */
    static String markdown(Load load) {
        StringBuilder md = new StringBuilder();
        load.verdictLines().forEach(line -> md.append("- ").append(line).append('\n'));
        if (!load.arrivals().isEmpty()) {
            md.append('\n').append(arrivals(load).markdown());
        }
        if (!load.callers().isEmpty()) {
            md.append('\n').append(callers(load).markdown());
        }
        return md.toString();
    }
}
