package fetchbench.run;

import fetchbench.bench.CallersBenchmark;


import fetchbench.result.Benchmarks;
import fetchbench.result.Param;
import fetchbench.bench.LoadBenchmark;
import fetchbench.catalog.Limits;
import fetchbench.theory.Theory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import static fetchbench.run.Step.joined;
import static fetchbench.run.Step.strings;

/**
 * A gather under load, with one variant at one N and delay: M callers at once through the one
 * model ({@code callers}), or gathers arriving at each rate for a window each ({@code rate}).
 */
public record UnderLoad(Load load, Measure gather, List<Integer> values) implements Step.Jmh {

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

    /** Rates past this utilisation of a model's limit are not planned: the queue grows for the whole window. */
    public static final double MOST_UTILISATION = 2;

    public int urls() {
        return gather.workloads().urls().get(0);
    }

    public int delayMs() {
        return gather.workloads().delayMs().get(0);
    }

    @Override
    public String describe() {
        String text = load + " · " + gather.settingsText() + " " + load.param.key + "=" + joined(values);
        if (load == Load.rate) {
            Theory theory = gather.machine().theory();
            List<String> rho = new ArrayList<>();
            for (int rate : values) {
                for (int c : gather.settings().concurrency()) {
                    double u = theory.utilisation(limits(c), urls(), delayMs(), rate, Double.NaN);
                    rho.add(u == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2g", u));
                }
            }
            if (rho.stream().anyMatch(r -> !r.equals("-"))) {
                text += " (ρ by its limit " + String.join(", ", rho) + ")";
            }
        }
        return text + (gather.sweep() ? " (sweep of " + gather.variant().model().knob() + ")" : "");
    }

    /** Requests in flight at most: M·N callers, or the requests of the load's arrivals over two delays each at its highest rate. */
    int mostInFlight() {
        int most = values.stream().mapToInt(Integer::intValue).max().orElse(1);
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
        return params;
    }

    @Override
    public Batches batches() {
        return gather.batches();
    }

    @Override
    public Map<String, String> forkProperties() {
        return gather.forkProperties();
    }

    /** The model's own warm-up runs single gathers, not rounds or windows. */
    @Override
    public double predictedSeconds(int runWarmup, int runMeasurement, int forks) {
        int batches = batches().warmup(runWarmup) + batches().measurement(runMeasurement);
        double warmUpSeconds = Step.warmUpSeconds(gather.batchMillis().get(0));
        return forks * batchMillis().stream().mapToDouble(ms -> FORK_OVERHEAD_SECONDS + warmUpSeconds
                + batches * ms / 1000).sum();
    }

    /** A round of M callers by theory; a window, plus its drain past the model's limit. */
    @Override
    public List<Double> batchMillis() {
        Theory theory = gather.machine().theory();
        List<Double> millis = new ArrayList<>();
        for (int value : values) {
            for (int c : gather.settings().concurrency()) {
                millis.add(load == Load.callers ? theory.callersMillis(limits(c), value, urls(), delayMs())
                        : LoadBenchmark.WINDOW.toMillis() * Math.max(1, theory.utilisation(limits(c), urls(),
                        delayMs(), value, Double.NaN)) + theory.batchMillis(limits(c), urls(), delayMs()));
            }
        }
        return millis;
    }
}
