package fetchbench.run;

import fetchbench.result.Benchmarks;
import fetchbench.result.Metrics;
import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import fetchbench.bench.LoadBenchmark;
import fetchbench.catalog.Limits;
import fetchbench.theory.LoadPrediction;
import fetchbench.theory.Theory;
import fetchbench.workload.Arrivals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import static fetchbench.run.Step.joined;
import static fetchbench.run.Step.strings;

/**
 * A gather under load, with one variant at one N and delay: M callers at once through the one
 * model ({@code callers}), or gathers arriving at each rate ({@code rate}). Rates are given, or
 * predicted during the run from the unloaded gather it measured first ({@link Rates}).
 */
public record UnderLoad(Load load, Measure gather, List<Integer> values, Rates rates, Arrivals arrivals,
                        double boundMs, Optional<LoadPrediction> prediction) implements Step.Jmh {

    /** What varies: the callers at once, or the arrival rate. */
    public enum Load {
        callers(Benchmarks.CALLERS, "CallersBenchmark", Param.CALLERS),
        rate(Benchmarks.LOAD, "LoadBenchmark", Param.RATE);

        /** The JMH benchmark name, the class users name, and the parameter the load varies. */
        public final String benchmarkName;
        public final String benchmarkClass;
        public final Param param;

        Load(String benchmarkName, String benchmarkClass, Param param) {
            this.benchmarkName = benchmarkName;
            this.benchmarkClass = benchmarkClass;
            this.param = param;
        }
    }

    /** Where the rates come from: as listed, or from the prediction: the grid around the SLO rate, or the overload. */
    public enum Rates { given, grid, overload }

    /** Windows of a predicted rate per fork: a few seconds for the queue to settle, then the measured ones. */
    static final int WARM_UP_WINDOWS = 4;
    static final int MEASURED_WINDOWS = 10;
    /** Predicted rates run in this many forks; the overload in one, for its measured windows only. */
    static final int LOAD_FORKS = 3;
    static final Batches GRID_BATCHES = new Batches(WARM_UP_WINDOWS, WARM_UP_WINDOWS, MEASURED_WINDOWS, MEASURED_WINDOWS, LOAD_FORKS);
    static final Batches OVERLOAD_BATCHES = new Batches(0, 0, MEASURED_WINDOWS, MEASURED_WINDOWS, 1);

    /** Rates past this utilisation of a model's limit are not planned unasked: the queue grows all the while. */
    public static final double MOST_UTILISATION = 2;

    /** Given values. */
    public UnderLoad(Load load, Measure gather, List<Integer> values, Arrivals arrivals) {
        this(load, gather, values, Rates.given, arrivals, Double.NaN, Optional.empty());
    }

    public int urls() {
        return gather.workloads().urls().get(0);
    }

    public int delayMs() {
        return gather.workloads().delayMs().get(0);
    }

    @Override
    public String describe() {
        if (rates != Rates.given && prediction.isEmpty()) {
            return load + " · " + gather.settingsText() + " rate=" + (rates == Rates.grid
                    ? LoadPrediction.GRID + " × the SLO rate" : LoadPrediction.OVERLOAD + " × saturation")
                    + " predicted from its unloaded gather";
        }
        String text = load + " · " + gather.settingsText() + " " + load.param.key + "=" + joined(values);
        if (load == Load.rate) {
            text += " " + arrivals;
            if (prediction.isPresent()) {
                LoadPrediction p = prediction.get();
                text += String.format(java.util.Locale.ROOT, " (predicted: SLO rate %.0f/s for p99 ≤ %.0f ms, saturation %.0f/s)",
                        p.sloRate(), p.boundMs(), p.saturation());
            }
        }
        return text + (gather.sweep() ? " (sweep of " + gather.variant().model().knob() + ")" : "");
    }

    /**
     * The step with its rates, where they are predicted: from the unloaded gather of the same
     * setting among the results so far. Given rates stay as they are.
     */
    @Override
    public Step.Jmh resolved(Collection<RunResult> done) {
        if (rates == Rates.given || prediction.isPresent()) {
            return this;
        }
        LoadPrediction p = predict(done);
        List<Integer> predicted = rates == Rates.grid ? p.grid()
                : p.overload().stream().boxed().toList();
        if (predicted.isEmpty()) {
            throw new IllegalStateException("no rate to run for " + gather.settingsText() + ": its unloaded gather of "
                    + String.format(java.util.Locale.ROOT, "%.1f ms", p.gatherMs()) + " leaves no rate within the p99 bound of "
                    + String.format(java.util.Locale.ROOT, "%.0f ms", boundMs));
        }
        return new UnderLoad(load, gather, predicted, rates, arrivals, boundMs, Optional.of(p));
    }

    /** The prediction from the unloaded gather among {@code done}: its mean time and its client's and server's CPU per request. */
    LoadPrediction predict(Collection<RunResult> done) {
        Map<String, List<String>> wanted = gather.params();
        RunResult unloaded = done.stream()
                .filter(r -> r.getParams().getBenchmark().equals(gather.benchmarkName()))
                .filter(r -> wanted.entrySet().stream().allMatch(e -> e.getValue().contains(r.getParams().getParam(e.getKey()))))
                .findFirst().orElseThrow(() -> new IllegalStateException("no unloaded gather of "
                        + gather.settingsText() + " measured before its load: nothing to predict its rates from"));
        Result<?> time = unloaded.getPrimaryResult();
        double gatherMs = time.getScore() * millisPer(time.getScoreUnit());
        Map<String, Result> secondary = unloaded.getSecondaryResults();
        Theory theory = gather.machine().theory();
        Limits limits = new Limits(gather.variant().model(), gather.settings().concurrency().get(0),
                gather.settings().maxRequests().get(0));
        return new LoadPrediction(urls(), delayMs(), gatherMs, theory.sharedLimit(limits, urls()), score(secondary, Metrics.CLIENT_CPU),
                score(secondary, Metrics.SERVER_CPU), gather.machine().cores(), boundMs, arrivals,
                gather.workloads().seeds().get(0), loneMs(unloaded));
    }

    /** Each measured batch of the unloaded gather, in ms: a batch is one gather alone. */
    private static List<Double> loneMs(RunResult unloaded) {
        List<Double> lone = new ArrayList<>();
        for (org.openjdk.jmh.results.BenchmarkResult fork : unloaded.getBenchmarkResults()) {
            for (org.openjdk.jmh.results.IterationResult batch : fork.getIterationResults()) {
                Result<?> time = batch.getPrimaryResult();
                lone.add(time.getScore() * millisPer(time.getScoreUnit()));
            }
        }
        return lone;
    }

    private static double score(Map<String, Result> secondary, String name) {
        Result<?> metric = secondary.get(name);
        return metric == null ? Double.NaN : metric.getScore();
    }

    /** ms per unit of a JMH score unit like "ms/op" or "s/op". */
    private static double millisPer(String unit) {
        return switch (unit.substring(0, unit.indexOf('/'))) {
            case "s" -> 1000;
            case "us" -> 0.001;
            case "ns" -> 1e-6;
            default -> 1;
        };
    }

    /** Requests in flight at most: M·N callers, or the requests of the load's arrivals over two delays each at its highest rate. */
    int mostInFlight() {
        int most = values.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (rates != Rates.given && values.isEmpty()) {
            // Not known before the run: what the model lets through, or its N.
            most = 0;
        }
        return load == Load.callers ? most * urls()
                : Math.max(urls(), (int) Math.ceil(most * urls() * MOST_UTILISATION * Math.max(1, delayMs()) / 1000.0));
    }

    private Limits limits(int concurrency) {
        return new Limits(gather.variant().model(), concurrency, gather.settings().maxRequests().get(0));
    }

    @Override
    public String benchmarkName() {
        return load.benchmarkName;
    }

    @Override
    public Map<String, List<String>> params() {
        Map<String, List<String>> params = gather.params();
        params.put(load.param.key, strings(values));
        if (load == Load.rate) {
            params.put(Param.ARRIVALS.key, List.of(arrivals.name()));
        }
        return params;
    }

    @Override
    public Batches batches() {
        return switch (rates) {
            case given -> gather.batches();
            case grid -> GRID_BATCHES;
            case overload -> OVERLOAD_BATCHES;
        };
    }

    @Override
    public Map<String, String> forkProperties() {
        Map<String, String> properties = new LinkedHashMap<>(gather.forkProperties());
        prediction.ifPresent(p -> properties.put(ResultKeys.LOAD_PREDICTION, p.encode()));
        if (rates == Rates.overload) {
            properties.put(ResultKeys.OVERLOAD, "true");
        }
        return properties;
    }

    /** The model's own warm-up runs single gathers; then the windows (a round of callers, or a second of arrivals). */
    @Override
    public double predictedSeconds(int runWarmup, int runMeasurement, int forks) {
        int batches = batches().warmup(runWarmup) + batches().measurement(runMeasurement);
        double warmUpSeconds = Step.warmUpSeconds(gather.batchMillis().get(0));
        return forks * batchMillis().stream().mapToDouble(ms -> FORK_OVERHEAD_SECONDS + warmUpSeconds
                + batches * ms / 1000).sum();
    }

    /** A round of M callers by theory; a window of arrivals (the load runs on between windows). */
    @Override
    public List<Double> batchMillis() {
        Theory theory = gather.machine().theory();
        List<Double> millis = new ArrayList<>();
        int count = rates == Rates.given || !values.isEmpty() ? values.size()
                : rates == Rates.grid ? LoadPrediction.GRID.size() : 1;
        for (int i = 0; i < count; i++) {
            for (int c : gather.settings().concurrency()) {
                millis.add(load == Load.callers ? theory.callersMillis(limits(c), values.get(i), urls(), delayMs())
                        : (double) LoadBenchmark.WINDOW.toMillis());
            }
        }
        return millis;
    }
}
