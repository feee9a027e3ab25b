package fetchbench.report;

import fetchbench.analysis.Load;
import fetchbench.analysis.Load.Arrivals;
import fetchbench.analysis.Load.Callers;
import fetchbench.analysis.Load.Curve;
import fetchbench.analysis.Words;
import fetchbench.result.Metrics;
import fetchbench.result.PoolGrowth;
import fetchbench.theory.LoadPrediction;
import fetchbench.theory.Theory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the run under load found, in lines: the knees, the callers, what to set, and what the lines speak of. */
final class LoadLines {

    private LoadLines() {
    }

    /**
     * Each setting's two rates: "threadPool (k=20), N = 10, 10 ms: p99 ≤ 40 ms up to 120/s (predicted
     * 125/s: as predicted); saturation 189/s, the model's limit; past it, at 227/s the backlog grew …".
     */
    static List<String> sloLines(Load load) {
        List<String> lines = new ArrayList<>();
        load.curves().forEach((key, curve) -> {
            List<Arrivals> grid = Load.grid(curve);
            if (grid.isEmpty()) {
                return;
            }
            Arrivals first = grid.get(0);
            Optional<Arrivals> slo = Load.sloRate(curve);
            String measured = slo.map(a -> String.format(Locale.ROOT, "p99 ≤ %.0f ms up to %d/s", a.boundMs(), a.rate()))
                    .orElse(String.format(Locale.ROOT, "p99 not within %.0f ms even at %d/s", first.boundMs(), first.rate()));
            String predicted = first.prediction().map(p -> String.format(Locale.ROOT, " (predicted %.0f/s: %s)",
                    p.sloRate(), Load.stepsFromPredicted(curve).map(LoadLines::steps).orElse(""))).orElse("");
            String saturation = first.prediction().map(p -> String.format(Locale.ROOT, "; saturation %.0f/s, %s",
                    p.saturation(), saturatesWords(p))).orElse("");
            String past = Load.overload(curve).flatMap(o -> o.latency().map(l -> String.format(Locale.ROOT,
                    "; past it, at %d/s the backlog grew %.0f gathers a second (%.0f requests)%s", o.rate(),
                    l.backlogGrowthPerSecond(), l.backlogGrowthPerSecond() * o.urls(),
                    l.secondsToBound(o.boundMs()).map(t -> String.format(Locale.ROOT, " and p99 passed the bound "
                            + "after %.0f s", t)).orElse(" and p99 stayed within the bound for its "
                            + Math.round(l.seconds()) + " s")))).orElse("");
            String behind = grid.stream().anyMatch(Arrivals::generatorBehind) ? "; the generator fell behind at "
                    + grid.stream().filter(Arrivals::generatorBehind).map(a -> a.rate() + "/s").toList() : "";
            // Rates are whole gathers a second: around a predicted SLO rate of a few, five multiples collapse.
            String collapsed = first.prediction().isPresent() && grid.size() < LoadPrediction.GRID.size()
                    ? "; its grid is " + grid.size() + " rate" + (grid.size() == 1 ? "" : "s") + " of whole gathers a "
                    + "second, not " + LoadPrediction.GRID.size() + ", around so low a predicted SLO rate" : "";
            lines.add(key.words() + ": " + measured + predicted + saturation + past + behind + collapsed);
        });
        for (Load.MachineBound m : load.machineBound()) {
            LoadPrediction p = m.prediction();
            lines.add(String.format(Locale.ROOT, "%s: no limit of its own, so it saturates the machine, at about %.0f/s: "
                            + "%s (client %.0f µs, server %.0f µs of CPU a request, %d cores); its SLO rate predicted "
                            + "%.0f/s; its load did not run here", m.setting(), p.saturation(), saturatesWords(p),
                    p.clientCpuUs(), p.serverCpuUs(), p.cores(), p.sloRate()));
        }
        return lines;
    }

    /**
     * The A/A check of the load between two runs: each setting's measured SLO rate in both, and how
     * many rates of A's grid apart they are (B's SLO rate read as A's grid rate nearest it). Two runs
     * of one commit should be the same or adjacent. Empty where either run has no load.
     */
    static List<String> sloAgreement(Load a, Load b) {
        List<String> lines = new ArrayList<>();
        a.curves().forEach((key, curveA) -> {
            List<Arrivals> curveB = b.curves().get(key);
            List<Arrivals> gridA = Load.grid(curveA);
            if (curveB == null || gridA.isEmpty() || Load.grid(curveB).isEmpty()) {
                return;
            }
            Optional<Arrivals> sloA = Load.sloRate(curveA);
            Optional<Arrivals> sloB = Load.sloRate(curveB);
            int indexA = sloA.map(gridA::indexOf).orElse(-1);
            int indexB = sloB.map(slo -> Load.nearest(gridA, slo.rate())).orElse(-1);
            int apart = Math.abs(indexA - indexB);
            lines.add(String.format(Locale.ROOT, "%s: SLO rate %s in A, %s in B: %s", key.words(),
                    sloA.map(x -> x.rate() + "/s").orElse("none"), sloB.map(x -> x.rate() + "/s").orElse("none"),
                    apart == 0 ? "the same rate of A's grid" : apart == 1 ? "adjacent rates of A's grid (agree)"
                            : apart + " rates of A's grid apart (DISAGREE)"));
        });
        return lines;
    }

    private static String steps(int steps) {
        return switch (steps) {
            case 0 -> "as predicted";
            case 1 -> "an adjacent rate of the grid";
            default -> steps + " rates of the grid away";
        };
    }

    /** Which limit saturation is, in words. */
    static String saturatesWords(LoadPrediction p) {
        return switch (p.saturates()) {
            case model -> "the model's limit of " + p.slots().getAsInt() + " in flight";
            case client -> "the client's CPU first";
            case server -> "the server's CPU first";
        };
    }

    /** What M callers at once do to each setting: the largest M beside one caller, and the theory. */
    static List<String> callersLines(Load load) {
        List<String> lines = new ArrayList<>();
        Map<String, List<Callers>> bySetting = load.callers().stream().collect(Collectors.groupingBy(Callers::setting,
                LinkedHashMap::new, Collectors.toList()));
        bySetting.forEach((setting, rows) -> {
            Callers most = rows.get(rows.size() - 1);
            Optional<Callers> one = rows.stream().filter(c -> c.callers() == 1).findFirst();
            lines.add(String.format(Locale.ROOT, "%s, %d callers of N = %d at once: a round takes %s (predicted "
                            + "⌈%d/%d⌉ × %d ms = %.0f ms, %s)%s; %s requests/s against Little's bound of %.0f",
                    setting, most.callers(), most.urls(), Words.meanAndError(most.measuredMs(), most.halfWidthMs()),
                    most.callers() * most.urls(), most.sharedSlots(), most.delayMs(), most.predictedMs(),
                    switch (most.placement()) {
                        case inside, below, above, straddles -> most.placement().words() + " its band";
                        case tooWide -> "its band too wide to judge by";
                        case unknown -> "one fork, no interval";
                    },
                    one.filter(o -> o != most).map(o -> String.format(Locale.ROOT, ", %.1f× one caller's",
                            most.measuredMs() / o.measuredMs())).orElse(""),
                    Words.number(Load.secondary(most.result(), Metrics.THROUGHPUT), "%.0f"), most.littleBound())
                    + reconnects(most));
        });
        return lines;
    }

    /** What the lines under "Under load" in the verdict speak of. */
    static String headlineScope(Load load) {
        List<String> parts = new ArrayList<>();
        if (!load.arrivals().isEmpty()) {
            Arrivals any = load.arrivals().get(0);
            parts.add(String.format(Locale.ROOT, "gathers of N = %d, %d ms, arriving %s at %d to %d a second through "
                            + "one shared model, p99 read against %s", any.urls(), any.delayMs(),
                    any.spacing() == fetchbench.workload.Arrivals.poisson ? "at random" : "evenly spaced",
                    load.arrivals().stream().mapToInt(Arrivals::rate).min().orElse(0),
                    load.arrivals().stream().mapToInt(Arrivals::rate).max().orElse(0),
                    load.arrivals().stream().map(a -> Math.round(a.boundMs()) + " ms").distinct().count() == 1
                            ? Math.round(any.boundMs()) + " ms" : "each setting's bound"));
        }
        if (!load.callers().isEmpty()) {
            parts.add("M callers gathering at once through it");
        }
        return String.join("; ", parts);
    }

    /**
     * What changes under load, in one line: the settings by the highest rate whose p99 held,
     * highest first, each with the saturation it was predicted to have.
     */
    static Optional<String> summary(Load load) {
        Map<Curve, List<Arrivals>> curves = load.curves();
        // Across settings swept at one rate (scripts/tune.sh --rate) there is no SLO rate to compare.
        if (curves.size() < 2 || curves.values().stream().anyMatch(curve -> Load.grid(curve).size() < 2)) {
            return Optional.empty();
        }
        List<String> parts = curves.values().stream()
                .sorted(Comparator.comparingInt((List<Arrivals> c) -> Load.sloRate(c).map(Arrivals::rate).orElse(0))
                        .reversed())
                .map(c -> c.get(0).setting() + " " + Load.sloRate(c).map(a -> "up to " + a.rate() + "/s")
                        .orElse("at no rate") + c.get(0).prediction().map(p -> String.format(Locale.ROOT,
                        " (saturation %.0f/s)", p.saturation())).orElse(""))
                .toList();
        return Optional.of("what changes under load: a model's limit, not its speed on one gather, sets the rate "
                + "whose p99 holds: " + String.join("; ", parts));
    }

    /** "; 654 new connections a round": where a round reopened more than 1 % of its requests' connections. */
    private static String reconnects(Callers c) {
        double opened = Load.secondary(c.result(), Metrics.CONNECTIONS);
        return PoolGrowth.tooManyConnections(opened, (double) c.callers() * c.urls())
                ? String.format(Locale.ROOT, "; %.0f new connections a round", opened) : "";
    }

    /** The answer under load in a few lines: the knees, then the callers. */
    static List<String> verdictLines(Load load) {
        List<String> lines = new ArrayList<>();
        summary(load).ifPresent(lines::add);
        lines.addAll(sloLines(load));
        lines.addAll(callersLines(load));
        return lines;
    }

    /**
     * scripts/tune.sh --rate: for each swept model, the smallest setting whose p99 stayed within
     * its bound at the rate, with its threads and memory; empty where no swept setting is under load.
     */
    static List<String> recommendations(Load load) {
        List<String> lines = new ArrayList<>();
        Map<List<Object>, List<Arrivals>> byModelAndRate = load.arrivals().stream().filter(a -> a.swept().isPresent())
                .collect(Collectors.groupingBy(a -> List.of(a.model(), a.rate()), LinkedHashMap::new,
                        Collectors.toList()));
        byModelAndRate.forEach((modelAndRate, rows) -> {
            String key = modelAndRate.get(0) + " at " + modelAndRate.get(1) + "/s";
            Optional<Arrivals> smallest = rows.stream().filter(a -> a.measured().equals("within"))
                    .min(Comparator.comparingInt(a -> a.limits().concurrency()));
            lines.add(smallest.map(a -> String.format(Locale.ROOT, "%s, p99 ≤ %.0f ms: set %s (p99 %s, %s threads, "
                                    + "%s MB)", key, a.boundMs(), a.setting(), Words.interval(a.p99()),
                            Words.number(Load.secondary(a.result(), Metrics.THREADS), "%.0f"),
                            Words.number(Load.secondary(a.result(), Metrics.RSS), "%.0f")))
                    .orElse(String.format(Locale.ROOT, "%s, p99 ≤ %.0f ms: no setting swept kept p99 within it",
                            key, rows.get(0).boundMs())));
        });
        return lines;
    }
}
