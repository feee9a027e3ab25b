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

        /** Half the 95 % interval from the fork means; NaN with one fork. */
        public double halfWidthMs() {
            return Steadiness.forkMeansMs(result.primary()).halfWidth();
        }

        public double bandTopMs() {
            return predictedMs + (Double.isNaN(floorMs) ? 0 : floorMs);
        }

        public Theory.Placement placement() {
            double half = halfWidthMs();
            return Theory.placement(measuredMs() - half, measuredMs() + half, predictedMs, bandTopMs() - predictedMs);
        }

        /** Requests a second through the shared limit, by Little's law: at most its slots over d. */
        public double littleBound() {
            return sharedSlots * 1000.0 / delayMs;
        }

        public int predictedInFlight() {
            return Math.min(callers * urls, sharedSlots);
        }

        /** "yes", or why not (see {@link Steadiness#threadsGrew}): a round is M gathers of N. */
        public String steadiness() {
            return Load.steadiness(result, (double) callers * urls);
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

        /** Half the 95 % interval of the p99 from the fork means of the windows' p99s; NaN with one fork. */
        public double p99HalfWidth() {
            return Steadiness.forkMeansMs(metric("latency.p99.ms")).halfWidth();
        }

        public double achievedRate() {
            return metric(Metrics.ACHIEVED_RATE).score();
        }

        /** "yes", or why not (see {@link Steadiness#threadsGrew}): a batch is a window of arrivals, N requests each. */
        public String steadiness() {
            return Load.steadiness(result, rate * Benchmarks.LOAD_WINDOW.toMillis() / 1000.0 * urls);
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
            double error = Double.isNaN(p99HalfWidth()) ? 0 : p99HalfWidth();
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

    /** "yes", or why not: a fork's platform threads kept growing over its measured batches of {@code requestsPerBatch} (the shapes' rule). */
    static String steadiness(JmhRun.Result result, double requestsPerBatch) {
        return Steadiness.threadsGrew(result, requestsPerBatch).map(why -> "no: " + why).orElse("yes");
    }

    public static double secondary(JmhRun.Result result, String name) {
        JmhRun.Metric metric = result.secondary().get(name);
        return metric == null ? Double.NaN : metric.score();
    }
}
