package fetchbench.report;

import fetchbench.analysis.Load;
import fetchbench.analysis.Load.Arrivals;
import fetchbench.analysis.Load.Callers;
import fetchbench.analysis.Load.Curve;
import fetchbench.analysis.Words;
import fetchbench.result.Metrics;
import fetchbench.result.PoolGrowth;
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

    /** "threadPool (k=20): p99 within 24 ms up to 160/s (predicted knee 200/s, ρ = 1); at 320/s p99 812 ms". */
    static List<String> kneeLines(Load load) {
        List<String> lines = new ArrayList<>();
        load.curves().forEach((key, curve) -> {
            Arrivals last = curve.get(curve.size() - 1);
            Optional<Integer> knee = Load.knee(curve);
            String predicted = Double.isInfinite(last.capacity()) ? "no knee predicted"
                    : String.format(Locale.ROOT, "predicted knee %.0f/s, where ρ = 1", last.capacity());
            Optional<Arrivals> firstMiss = curve.stream().filter(a -> !a.measured().equals("within")).findFirst();
            String measured = knee.isEmpty()
                    ? String.format(Locale.ROOT, "p99 not within %.0f ms even at %d/s", last.boundMs(), curve.get(0).rate())
                    : firstMiss.isEmpty()
                    ? String.format(Locale.ROOT, "p99 within %.0f ms at every rate up to %d/s", last.boundMs(), last.rate())
                    : String.format(Locale.ROOT, "p99 within %.0f ms up to %d/s", last.boundMs(), knee.get());
            String beyond = firstMiss.map(a -> String.format(Locale.ROOT, "; at %d/s p99 %s (%s)", a.rate(), Words.ms(a.p99()),
                    a.measured())).orElse("");
            long disagree = curve.stream().filter(a -> !a.agrees()).count();
            lines.add(key.words() + ": " + measured + " ("
                    + predicted + ")" + beyond + (disagree == 0 ? "; every rate as predicted"
                    : "; " + disagree + " of " + curve.size() + " rates not as predicted"));
        });
        return lines;
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
                    most.placement() == Theory.Placement.inside ? "inside its band" : most.placement() + " its band",
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
            parts.add(String.format(Locale.ROOT, "gathers of N = %d, %d ms, arriving at %d to %d a second through one "
                            + "shared model, p99 read against %s", any.urls(), any.delayMs(),
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
     * What changes under load, in one line: the settings by the rate they kept p99 within its
     * bound up to, highest first, each with the knee its limit predicts.
     */
    static Optional<String> summary(Load load) {
        Map<Curve, List<Arrivals>> curves = load.curves();
        // Across settings swept at one rate (scripts/tune.sh --rate) there is no knee to compare.
        if (curves.size() < 2 || curves.values().stream().anyMatch(curve -> curve.size() < 2)) {
            return Optional.empty();
        }
        List<String> parts = curves.values().stream()
                .sorted(Comparator.comparingInt((List<Arrivals> c) -> Load.knee(c).orElse(0)
                        + (c.stream().allMatch(a -> a.measured().equals("within")) ? 1 : 0)).reversed())
                .map(c -> {
                    Arrivals last = c.get(c.size() - 1);
                    String measured = c.stream().allMatch(a -> a.measured().equals("within"))
                            ? "no knee up to " + last.rate() + "/s"
                            : Load.knee(c).map(k -> "knee at " + k + "/s").orElse("no rate within");
                    return c.get(0).setting() + " " + measured + (Double.isInfinite(last.capacity()) ? ""
                            : String.format(Locale.ROOT, " (predicted %.0f/s)", last.capacity()));
                }).toList();
        return Optional.of("what changes under load: a model's limit, not its speed on one gather, sets the rate "
                + "it can take: " + String.join("; ", parts));
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
        lines.addAll(kneeLines(load));
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
                                    + "%s MB)", key, a.boundMs(), a.setting(), Words.meanAndError(a.p99(), a.p99HalfWidth()),
                            Words.number(Load.secondary(a.result(), Metrics.THREADS), "%.0f"),
                            Words.number(Load.secondary(a.result(), Metrics.RSS), "%.0f")))
                    .orElse(String.format(Locale.ROOT, "%s, p99 ≤ %.0f ms: no setting swept kept p99 within it",
                            key, rows.get(0).boundMs())));
        });
        return lines;
    }
}
