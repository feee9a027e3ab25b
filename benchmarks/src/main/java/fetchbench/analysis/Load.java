package fetchbench.analysis;

import fetchbench.result.JmhRun;

import fetchbench.result.Benchmarks;

import fetchbench.result.Metrics;

import fetchbench.catalog.Knob;
import fetchbench.catalog.Model;
import fetchbench.model.Protocol;
import fetchbench.result.ResultKeys;
import fetchbench.result.ResultParams;
import fetchbench.theory.CpuCost;
import fetchbench.catalog.Limits;
import fetchbench.theory.Scenario;
import fetchbench.theory.Theory;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gather under load: M callers at once through one model (CallersBenchmark) beside
 * the theory of its shared limit, and gathers arriving at fixed rates (LoadBenchmark) with
 * their latency percentiles, each rate's utilisation ρ and whether p99 stayed within its bound,
 * and each setting's knee, measured and predicted.
 */
public record Load(List<Callers> callers, List<Arrivals> arrivals) {

    /** A gather's p99 is within bound up to this many times its workload's unloaded band top: every URL in flight, plus the floor. */
    public static final double P99_BOUND_FACTOR = 2;
    /** Below this utilisation p99 is predicted within its bound; above {@link #OVER}, over it; between, either. */
    public static final double WITHIN = 0.9;
    public static final double OVER = 1.1;
    /** The generator fell behind when its arrivals' p99 lateness passes this share of the p99 bound (at least 1 ms). */
    public static final double LATE_SHARE = 0.1;

    /** One result of the callers benchmark, with its theory. */
    public record Callers(JmhRun.Result result, Limits limits, Protocol protocol, int callers, int urls, int delayMs,
                          int sharedSlots, double predictedMs, double floorMs) {

        public Model model() {
            return limits.model();
        }

        /** The setting in words, e.g. "threadPool (k=20)". */
        public String setting() {
            return words(limits, protocol);
        }

        public double measuredMs() {
            return Row.toMillis(result.primary().score(), result.primary().unit());
        }

        public double errorMs() {
            return Row.toMillis(result.primary().error(), result.primary().unit());
        }

        public double bandTopMs() {
            return predictedMs + (Double.isNaN(floorMs) ? 0 : floorMs);
        }

        public Theory.Placement placement() {
            double error = errorMs();
            if (Double.isNaN(error) || error > measuredMs() * Tuning.MAX_HALF_WIDTH_PERCENT / 100) {
                return Theory.Placement.unknown;
            }
            return Theory.placement(measuredMs() - error, measuredMs() + error, predictedMs, bandTopMs() - predictedMs);
        }

        /** Requests a second through the shared limit, by Little's law: at most its slots over d. */
        public double littleBound() {
            return sharedSlots * 1000.0 / delayMs;
        }

        public int predictedInFlight() {
            return Math.min(callers * urls, sharedSlots);
        }
    }

    /** One rate of the load benchmark, with its prediction and the bound its p99 is read against. */
    public record Arrivals(JmhRun.Result result, Limits limits, Protocol protocol, int urls, int delayMs,
                           int rate, double utilisation, double capacity, double boundMs, Optional<Knob> swept) {

        public Model model() {
            return limits.model();
        }

        /** The setting in words, e.g. "threadPool (k=20)". */
        public String setting() {
            return words(limits, protocol);
        }

        /** What the arrivals of one curve share: the setting, N and the delay; their rates differ. */
        public Curve curve() {
            return new Curve(limits, protocol, urls, delayMs);
        }

        public JmhRun.Metric metric(String name) {
            JmhRun.Metric metric = result.secondary().get(name);
            return metric == null ? new JmhRun.Metric(Double.NaN, Double.NaN, "ms") : metric;
        }

        public double p99() {
            return metric("latency.p99.ms").score();
        }

        public double p99Error() {
            return metric("latency.p99.ms").error();
        }

        public double achievedRate() {
            return metric(Metrics.ACHIEVED_RATE).score();
        }

        public double lateP99() {
            return metric(Metrics.LATE_P99).score();
        }

        /** Whether the generator could not start the arrivals on time: the machine, not the model, set those latencies. */
        public boolean generatorBehind() {
            return achievedRate() < 0.95 * rate || lateP99() > Math.max(1, LATE_SHARE * boundMs);
        }

        /** What theory says of p99 at this rate, before the run: within, over, or "at the knee" (either). */
        public String predicted() {
            return utilisation < WITHIN ? "within" : utilisation > OVER ? "over" : "at the knee";
        }

        /** What the run says: within or over the bound (the interval wholly on one side), else "at the bound". */
        public String measured() {
            if (generatorBehind()) {
                return "generator behind";
            }
            double error = Double.isNaN(p99Error()) ? 0 : p99Error();
            return p99() + error <= boundMs ? "within" : p99() - error > boundMs ? "over" : "at the bound";
        }

        /** Whether the measurement agrees with the prediction ("at the knee" agrees with anything). */
        public boolean agrees() {
            String measured = measured();
            return predicted().equals("at the knee") || measured.equals("at the bound") || measured.equals(predicted());
        }
    }

    public static Load of(JmhRun run) {
        Calibration calibration = Calibration.of(run);
        Optional<Double> givenBound = run.forkProperty(ResultKeys.P99_BOUND).map(Double::parseDouble);
        List<Callers> callers = new ArrayList<>();
        List<Arrivals> arrivals = new ArrayList<>();
        for (JmhRun.Result result : run.results()) {
            boolean isCallers = result.benchmark().equals(Benchmarks.CALLERS);
            if (!isCallers && !result.benchmark().equals(Benchmarks.LOAD)) {
                continue;
            }
            ResultParams p = ResultParams.decode(result.params());
            Model model = p.model();
            int urls = p.urls();
            int delayMs = p.delayMs();
            Limits limits = p.limits();
            Theory theory = result.forkProperty(ResultKeys.DEFAULT_EXECUTOR_THREADS)
                    .map(threads -> new Theory(Integer.parseInt(threads))).orElseGet(Theory::here);
            Protocol protocol = p.protocol();
            if (isCallers) {
                int m = p.callers();
                callers.add(new Callers(result, limits, protocol, m, urls, delayMs, theory.sharedSlots(limits, m, urls),
                        theory.callersMillis(limits, m, urls, delayMs),
                        calibration.floorMs(model.clientStack(), Protocol.http1, m * urls)));
            } else {
                int rate = p.rate();
                double cost = requestCostMs(calibration, model);
                // The bound is the setting's workload's, not the setting's: every URL in flight, plus the floor.
                double ideal = theory.predictMs(Scenario.of(Shape.gather, new Limits(Model.UNBOUNDED_REFERENCE, 0, 0), urls,
                        delayMs, p.delays(), p.seed(), CpuCost.NONE));
                double floor = calibration.floorMs(model.clientStack(), protocol, urls);
                double bound = givenBound.orElse(P99_BOUND_FACTOR * (ideal + (Double.isNaN(floor) ? 0 : floor)));
                arrivals.add(new Arrivals(result, limits, protocol, urls, delayMs, rate,
                        theory.utilisation(limits, urls, delayMs, rate, cost),
                        theory.capacityPerSecond(limits, urls, delayMs, cost), bound,
                        result.forkProperty(ResultKeys.SWEPT).map(Knob::valueOf)));
            }
        }
        callers.sort(Comparator.comparing((Callers c) -> c.model().ordinal()).thenComparing(c -> c.limits().concurrency())
                .thenComparing(c -> c.limits().maxRequests()).thenComparing(Callers::protocol)
                .thenComparingInt(Callers::urls).thenComparingInt(Callers::callers));
        arrivals.sort(Comparator.comparing((Arrivals a) -> a.model().ordinal()).thenComparing(a -> a.limits().concurrency())
                .thenComparing(a -> a.limits().maxRequests()).thenComparing(Arrivals::protocol)
                .thenComparingInt(Arrivals::rate));
        return new Load(List.copyOf(callers), List.copyOf(arrivals));
    }

    /**
     * What one more request takes of the machine for the stack, in ms: the slope of its floor
     * between the two largest N the run measured (the floor of a few requests is mostly their round
     * trip, not the machine's time). NaN with fewer than two floors: then no machine knee is predicted.
     */
    public static double requestCostMs(Calibration calibration, Model model) {
        java.util.NavigableMap<Integer, JmhRun.Metric> floors = new java.util.TreeMap<>(calibration.floors()
                .getOrDefault(new Calibration.Over(model.clientStack(), Protocol.http1), Map.of()));
        if (floors.size() < 2) {
            return Double.NaN;
        }
        Map.Entry<Integer, JmhRun.Metric> largest = floors.lastEntry();
        Map.Entry<Integer, JmhRun.Metric> next = floors.lowerEntry(largest.getKey());
        double slope = (Row.toMillis(largest.getValue().score(), largest.getValue().unit())
                - Row.toMillis(next.getValue().score(), next.getValue().unit())) / (largest.getKey() - next.getKey());
        return slope > 0 ? slope : Double.NaN;
    }

    public boolean isEmpty() {
        return callers.isEmpty() && arrivals.isEmpty();
    }

    /** What the arrivals of one curve share. */
    public record Curve(Limits limits, Protocol protocol, int urls, int delayMs) {

        /** "threadPool (k=20), N = 10, 10 ms". */
        public String words() {
            return Load.words(limits, protocol) + ", N = " + urls + ", " + delayMs + " ms";
        }
    }

    /** A setting of the gather under load in words, e.g. "okHttpAsync (5/host, 64 total) over h2". */
    public static String words(Limits limits, Protocol protocol) {
        return Row.setting(Shape.gather, limits.model(), limits.concurrency(), limits.maxRequests())
                + (protocol == Protocol.http1 ? "" : " over " + protocol);
    }

    /** The arrivals of each setting (and N and delay), rates ascending. */
    public Map<Curve, List<Arrivals>> curves() {
        return arrivals.stream().collect(Collectors.groupingBy(Arrivals::curve, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** The highest rate up to which every rate's p99 stayed within its bound; empty if the lowest did not. */
    public static Optional<Integer> knee(List<Arrivals> curve) {
        Integer knee = null;
        for (Arrivals a : curve) {
            if (!a.measured().equals("within")) {
                break;
            }
            knee = a.rate();
        }
        return Optional.ofNullable(knee);
    }

    /** "threadPool (k=20): p99 within 24 ms up to 160/s (predicted knee 200/s, ρ = 1); at 320/s p99 812 ms". */
    public List<String> kneeLines() {
        List<String> lines = new ArrayList<>();
        curves().forEach((key, curve) -> {
            Arrivals last = curve.get(curve.size() - 1);
            Optional<Integer> knee = knee(curve);
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
    public List<String> callersLines() {
        List<String> lines = new ArrayList<>();
        Map<String, List<Callers>> bySetting = callers.stream().collect(Collectors.groupingBy(Callers::setting,
                LinkedHashMap::new, Collectors.toList()));
        bySetting.forEach((setting, rows) -> {
            Callers most = rows.get(rows.size() - 1);
            Optional<Callers> one = rows.stream().filter(c -> c.callers() == 1).findFirst();
            lines.add(String.format(Locale.ROOT, "%s, %d callers of N = %d at once: a round takes %s (predicted "
                            + "⌈%d/%d⌉ × %d ms = %.0f ms, %s)%s; %s requests/s against Little's bound of %.0f",
                    setting, most.callers(), most.urls(), Words.meanAndError(most.measuredMs(), most.errorMs()),
                    most.callers() * most.urls(), most.sharedSlots(), most.delayMs(), most.predictedMs(),
                    most.placement() == Theory.Placement.inside ? "inside its band" : most.placement() + " its band",
                    one.filter(o -> o != most).map(o -> String.format(Locale.ROOT, ", %.1f× one caller's",
                            most.measuredMs() / o.measuredMs())).orElse(""),
                    Words.number(secondary(most.result(), Metrics.THROUGHPUT), "%.0f"), most.littleBound())
                    + reconnects(most));
        });
        return lines;
    }

    /** What the lines under "Under load" in the verdict speak of. */
    public String headlineScope() {
        List<String> parts = new ArrayList<>();
        if (!arrivals.isEmpty()) {
            Arrivals any = arrivals.get(0);
            parts.add(String.format(Locale.ROOT, "gathers of N = %d, %d ms, arriving at %d to %d a second through one "
                            + "shared model, p99 read against %s", any.urls(), any.delayMs(),
                    arrivals.stream().mapToInt(Arrivals::rate).min().orElse(0),
                    arrivals.stream().mapToInt(Arrivals::rate).max().orElse(0),
                    arrivals.stream().map(a -> Math.round(a.boundMs()) + " ms").distinct().count() == 1
                            ? Math.round(any.boundMs()) + " ms" : "each setting's bound"));
        }
        if (!callers.isEmpty()) {
            parts.add("M callers gathering at once through it");
        }
        return String.join("; ", parts);
    }

    /**
     * What changes under load, in one line: the settings by the rate they kept p99 within its
     * bound up to, highest first, each with the knee its limit predicts.
     */
    public Optional<String> summary() {
        Map<Curve, List<Arrivals>> curves = curves();
        // Across settings swept at one rate (scripts/tune.sh --rate) there is no knee to compare.
        if (curves.size() < 2 || curves.values().stream().anyMatch(curve -> curve.size() < 2)) {
            return Optional.empty();
        }
        List<String> parts = curves.values().stream()
                .sorted(Comparator.comparingInt((List<Arrivals> c) -> knee(c).orElse(0)
                        + (c.stream().allMatch(a -> a.measured().equals("within")) ? 1 : 0)).reversed())
                .map(c -> {
                    Arrivals last = c.get(c.size() - 1);
                    String measured = c.stream().allMatch(a -> a.measured().equals("within"))
                            ? "no knee up to " + last.rate() + "/s"
                            : knee(c).map(k -> "knee at " + k + "/s").orElse("no rate within");
                    return c.get(0).setting() + " " + measured + (Double.isInfinite(last.capacity()) ? ""
                            : String.format(Locale.ROOT, " (predicted %.0f/s)", last.capacity()));
                }).toList();
        return Optional.of("what changes under load: a model's limit, not its speed on one gather, sets the rate "
                + "it can take: " + String.join("; ", parts));
    }

    /** "; 654 new connections a round": where a round reopened more than 1 % of its requests' connections. */
    private static String reconnects(Callers c) {
        double opened = secondary(c.result(), Metrics.CONNECTIONS);
        return opened > Row.RECONNECTS_PERCENT / 100 * c.callers() * c.urls()
                ? String.format(Locale.ROOT, "; %.0f new connections a round", opened) : "";
    }

    /** The answer under load in a few lines: the knees, then the callers. */
    public List<String> verdictLines() {
        List<String> lines = new ArrayList<>();
        summary().ifPresent(lines::add);
        lines.addAll(kneeLines());
        lines.addAll(callersLines());
        return lines;
    }

    /** "yes", or why not: a fork's platform threads kept growing over its measured batches (the shapes' rule). */
    public static String steadiness(JmhRun.Result result) {
        return Row.threadsGrew(result).map(why -> "no: " + why).orElse("yes");
    }

    public static double secondary(JmhRun.Result result, String name) {
        JmhRun.Metric metric = result.secondary().get(name);
        return metric == null ? Double.NaN : metric.score();
    }

    /**
     * scripts/tune.sh --rate: for each swept model, the smallest setting whose p99 stayed within
     * its bound at the rate, with its threads and memory; empty where no swept setting is under load.
     */
    public List<String> recommendations() {
        List<String> lines = new ArrayList<>();
        Map<List<Object>, List<Arrivals>> byModelAndRate = arrivals.stream().filter(a -> a.swept().isPresent())
                .collect(Collectors.groupingBy(a -> List.of(a.model(), a.rate()), LinkedHashMap::new,
                        Collectors.toList()));
        byModelAndRate.forEach((modelAndRate, rows) -> {
            String key = modelAndRate.get(0) + " at " + modelAndRate.get(1) + "/s";
            Optional<Arrivals> smallest = rows.stream().filter(a -> a.measured().equals("within"))
                    .min(Comparator.comparingInt(a -> a.limits().concurrency()));
            lines.add(smallest.map(a -> String.format(Locale.ROOT, "%s, p99 ≤ %.0f ms: set %s (p99 %s, %s threads, "
                                    + "%s MB)", key, a.boundMs(), a.setting(), Words.meanAndError(a.p99(), a.p99Error()),
                            Words.number(secondary(a.result(), Metrics.THREADS), "%.0f"),
                            Words.number(secondary(a.result(), Metrics.RSS), "%.0f")))
                    .orElse(String.format(Locale.ROOT, "%s, p99 ≤ %.0f ms: no setting swept kept p99 within it",
                            key, rows.get(0).boundMs())));
        });
        return lines;
    }
}
