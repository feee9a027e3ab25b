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
import fetchbench.theory.LoadPrediction;
import fetchbench.result.LatencyLog;
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
public record Load(List<Callers> callers, List<Arrivals> arrivals, List<MachineBound> machineBound) {

    /** The generator fell behind when its arrivals' p99 lateness passes this share of the p99 bound (at least 1 ms). */
    public static final double LATE_SHARE = 0.25;

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

    /**
     * One rate of the load benchmark: its latencies merged from the logs of every fork, the bound
     * its p99 is read against, and what the run predicted before it ran (the rates the profile
     * predicts; none where the rates were given).
     */
    public record Arrivals(JmhRun.Result result, Limits limits, Protocol protocol, int urls, int delayMs,
                           int rate, fetchbench.workload.Arrivals spacing, double boundMs,
                           Optional<LoadPrediction> prediction, boolean overload, Optional<MergedLatency> latency,
                           Optional<Knob> swept) {

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

        /** The merged p99 with its interval; NaN where the run kept no latency log. */
        public MergedLatency.Interval p99() {
            return latency.map(l -> l.interval(99)).orElse(new MergedLatency.Interval(Double.NaN, Double.NaN, Double.NaN));
        }

        /**
         * "yes", or why not: platform threads grew, or connections kept opening, over the fork's
         * windows, or their p50 still trended (Mann–Kendall over the forks' load windows together,
         * at {@value Steadiness#DRIFT_ALPHA}; past saturation a backlog is expected to).
         */
        public String steadiness() {
            double requestsPerWindow = rate * Benchmarks.LOAD_WINDOW.toMillis() / 1000.0 * urls;
            Optional<String> why = Steadiness.threadsGrew(result, requestsPerWindow);
            if (why.isEmpty() && !overload && latency.isPresent()) {
                fetchbench.stats.Trend trend = fetchbench.stats.Trend.combined(latency.get().forks().stream()
                        .map(fork -> fork.stream().filter(w -> w.lateness().getTotalCount() > 0)
                                .map(w -> MergedLatency.ms(w.corrected(), 50)).filter(v -> !Double.isNaN(v)).toList())
                        .toList());
                if (trend.pairs() > 0 && trend.pValue() < Steadiness.DRIFT_ALPHA) {
                    why = Optional.of(String.format(java.util.Locale.ROOT, "its windows' p50 drifted (p = %.3g)",
                            trend.pValue()));
                }
            }
            if (why.isEmpty()) {
                double opened = secondary(result, Metrics.CONNECTIONS);
                if (fetchbench.result.PoolGrowth.tooManyConnections(opened, requestsPerWindow)) {
                    why = Optional.of(String.format(java.util.Locale.ROOT, "%.0f new connections a window", opened));
                }
            }
            return why.map(w -> "no: " + w).orElse("yes");
        }

        /** Whether the generator could not send on time: its p99 lateness passed a tenth of the bound (at least 1 ms). */
        public boolean generatorBehind() {
            return latency.isPresent() && latency.get().latenessMs(99) > Math.max(1, LATE_SHARE * boundMs);
        }

        /** ρ: the rate over the predicted saturation; NaN without a prediction. */
        public double utilisation() {
            return prediction.map(p -> rate / p.saturation()).orElse(Double.NaN);
        }

        /** Within: the upper end of p99's interval is within the bound; over: its lower end is past it; else at the bound. */
        public String measured() {
            if (latency.isEmpty()) {
                return "no latency log";
            }
            if (generatorBehind()) {
                return "generator behind";
            }
            MergedLatency.Interval p99 = p99();
            double high = Double.isNaN(p99.highMs()) ? p99.ms() : p99.highMs();
            double low = Double.isNaN(p99.lowMs()) ? p99.ms() : p99.lowMs();
            return high <= boundMs ? "within" : low > boundMs ? "over" : "at the bound";
        }
    }

    /**
     * A setting whose load did not run here: without a limit of its own it saturates the machine.
     * Its saturation, predicted from its unloaded gather.
     */
    public record MachineBound(String setting, LoadPrediction prediction) {
    }

    public static Load of(JmhRun run) {
        Calibration calibration = Calibration.of(run);
        List<LatencyLog.Fork> logs = LatencyLog.read(run.source().getParent());
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
                Optional<LoadPrediction> prediction = result.forkProperty(ResultKeys.LOAD_PREDICTION)
                        .map(LoadPrediction::decode);
                double bound = prediction.map(LoadPrediction::boundMs).or(() -> givenBound)
                        .orElseGet(() -> LoadPrediction.boundFor(theory, urls, delayMs, p.delays(), p.seed()));
                List<List<LatencyLog.Window>> windows = logs.stream().filter(f -> f.params().equals(result.params()))
                        .map(LatencyLog.Fork::windows).filter(w -> !w.isEmpty()).toList();
                arrivals.add(new Arrivals(result, limits, protocol, urls, delayMs, p.rate(),
                        // Runs before the arrivals parameter spaced them evenly.
                        fetchbench.workload.Arrivals.valueOf(result.params().getOrDefault(
                                fetchbench.result.Param.ARRIVALS.key, fetchbench.workload.Arrivals.uniform.name())), bound,
                        prediction, result.forkProperty(ResultKeys.OVERLOAD).isPresent(),
                        windows.isEmpty() ? Optional.empty() : Optional.of(MergedLatency.of(windows)),
                        result.forkProperty(ResultKeys.SWEPT).map(Knob::valueOf)));
            }
        }
        callers.sort(Comparator.comparing((Callers c) -> c.model().ordinal()).thenComparing(c -> c.limits().concurrency())
                .thenComparing(c -> c.limits().maxRequests()).thenComparing(Callers::protocol)
                .thenComparingInt(Callers::urls).thenComparingInt(Callers::callers));
        arrivals.sort(Comparator.comparing((Arrivals a) -> a.model().ordinal()).thenComparing(a -> a.limits().concurrency())
                .thenComparing(a -> a.limits().maxRequests()).thenComparing(Arrivals::protocol)
                .thenComparing(Arrivals::overload).thenComparingInt(Arrivals::rate));
        return new Load(List.copyOf(callers), List.copyOf(arrivals), machineBound(run, arrivals));
    }

    /**
     * The unloaded gathers at the load's N and delay of the settings whose load did not run (a
     * model without a limit of its own): each one's saturation, predicted from its CPU per request.
     */
    static List<MachineBound> machineBound(JmhRun run, List<Arrivals> arrivals) {
        if (arrivals.isEmpty()) {
            return List.of();
        }
        Arrivals any = arrivals.get(0);
        List<MachineBound> bound = new ArrayList<>();
        for (JmhRun.Result result : run.results()) {
            if (!result.benchmark().equals(Shape.gather.benchmarkName())) {
                continue;
            }
            ResultParams p = ResultParams.decode(result.params());
            Limits limits = p.limits();
            Theory theory = result.forkProperty(ResultKeys.DEFAULT_EXECUTOR_THREADS)
                    .map(threads -> new Theory(Integer.parseInt(threads))).orElseGet(Theory::here);
            if (p.urls() != any.urls() || p.delayMs() != any.delayMs()
                    || arrivals.stream().anyMatch(a -> a.limits().equals(limits) && a.protocol() == p.protocol())
                    || theory.sharedLimit(limits, p.urls()).isPresent()) {
                continue;
            }
            int cores = result.forkProperty(ResultKeys.CORES).map(Integer::parseInt)
                    .orElse(Runtime.getRuntime().availableProcessors());
            bound.add(new MachineBound(words(limits, p.protocol()), new LoadPrediction(p.urls(), p.delayMs(),
                    Row.toMillis(result.primary().score(), result.primary().unit()), theory.sharedLimit(limits, p.urls()),
                    secondary(result, Metrics.CLIENT_CPU), secondary(result, Metrics.SERVER_CPU), cores, any.boundMs(),
                    any.spacing(), p.seed(), result.primary().raw().stream().flatMap(List::stream)
                    .map(ms -> Row.toMillis(ms, result.primary().unit())).toList())));
        }
        return bound;
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

    /** The rates of a curve that measure latency: all but the overload, ascending. */
    public static List<Arrivals> grid(List<Arrivals> curve) {
        return curve.stream().filter(a -> !a.overload()).toList();
    }

    /** The curve's overloaded rate, past saturation, where it ran. */
    public static Optional<Arrivals> overload(List<Arrivals> curve) {
        return curve.stream().filter(Arrivals::overload).findFirst();
    }

    /** The measured SLO rate: the highest rate whose p99, up to the top of its interval, stayed within the bound; empty if none did. */
    public static Optional<Arrivals> sloRate(List<Arrivals> curve) {
        return grid(curve).stream().filter(a -> a.measured().equals("within")).reduce((first, second) -> second);
    }

    /**
     * Steps of the grid between the measured SLO rate and the rate nearest the predicted one: 0 as
     * predicted, 1 an adjacent rate; empty without a prediction. No rate within counts as the step below the lowest.
     */
    public static Optional<Integer> stepsFromPredicted(List<Arrivals> curve) {
        List<Arrivals> grid = grid(curve);
        if (grid.isEmpty() || grid.get(0).prediction().isEmpty()) {
            return Optional.empty();
        }
        int nearest = nearest(grid, grid.get(0).prediction().get().sloRate());
        int measured = sloRate(curve).map(grid::indexOf).orElse(-1);
        return Optional.of(Math.abs(measured - nearest));
    }

    /** The index of the grid's rate nearest {@code rate} (the lower of two as near). */
    public static int nearest(List<Arrivals> grid, double rate) {
        int nearest = 0;
        for (int i = 1; i < grid.size(); i++) {
            if (Math.abs(grid.get(i).rate() - rate) < Math.abs(grid.get(nearest).rate() - rate)) {
                nearest = i;
            }
        }
        return nearest;
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
