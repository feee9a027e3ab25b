package fetchbench.run;

import fetchbench.bench.BareClientBenchmark;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Knob;
import fetchbench.theory.CpuCost;
import fetchbench.theory.Scenario;
import fetchbench.theory.Theory;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a run. The server check runs in the launcher; the others are one JMH run each: the
 * floor and the baseline with the bare client, a measurement with a model of the suite.
 */
public sealed interface Step {

    /** Seconds JMH needs per parameter combination besides the batches: fork start, set-up. */
    double FORK_OVERHEAD_SECONDS = 1.5;
    /** The CPU-heavy shape's work per response, for planning only (each fork measures it). */
    double PLANNING_CPU_WORK_MS = 10;

    /** Before anything is measured: can the server answer N fetches at once in time, for each N? */
    record ServerCheck(List<Integer> urls) implements Step {
    }

    /** A step JMH runs. */
    sealed interface Jmh extends Step {

        /** The JMH benchmark name, e.g. {@code fetchbench.bench.DeadlineBenchmark.deadline}. */
        String benchmarkName();

        /** Every JMH parameter of the step with its values; JMH runs their cross product. */
        Map<String, List<String>> params();

        Batches batches();

        /** Predicted batch times of every parameter combination, in ms. */
        List<Double> batchMillis();

        /** What the report needs beyond the parameters, as {@code -Dfetchbench.*} fork properties. */
        default Map<String, String> forkProperties() {
            return Map.of();
        }

        /** Batches × predicted batch time + fork overhead, for the progress line. */
        default double predictedSeconds(int runWarmup, int runMeasurement) {
            int batches = batches().warmup(runWarmup) + batches().measurement(runMeasurement);
            return batchMillis().stream().mapToDouble(ms -> FORK_OVERHEAD_SECONDS + batches * ms / 1000).sum();
        }
    }

    /** The floor: the bare client fetching N URLs without delay, which no model does much better than. */
    record Floor(List<Integer> urls) implements Jmh {
        @Override
        public String benchmarkName() {
            return bareClient();
        }

        @Override
        public Map<String, List<String>> params() {
            return Map.of(Param.URLS.key, strings(urls), Param.DELAY_MS.key, List.of("0"));
        }

        @Override
        public Batches batches() {
            return Batches.CALIBRATION;
        }

        @Override
        public List<Double> batchMillis() {
            return urls.stream().map(n -> 0.0).toList();
        }
    }

    /** The bare client at the run's delays: what the suite's own scaffolding costs is a model's time over it. */
    record Baseline(List<Integer> urls, List<Integer> delayMs) implements Jmh {
        @Override
        public String benchmarkName() {
            return bareClient();
        }

        @Override
        public Map<String, List<String>> params() {
            return Map.of(Param.URLS.key, strings(urls), Param.DELAY_MS.key, strings(delayMs));
        }

        @Override
        public Batches batches() {
            return Batches.RUN;
        }

        /** The bare client fetches every URL at once: a batch is one delay. */
        @Override
        public List<Double> batchMillis() {
            return urls.stream().flatMap(n -> delayMs.stream().map(d -> (double) d)).toList();
        }
    }

    /** The values of a measurement's workload that JMH crosses. */
    record Workloads(List<Integer> urls, List<Integer> delayMs, Delays delays, List<Long> seeds) {
        Workloads withUrls(List<Integer> fewer) {
            return new Workloads(fewer, delayMs, delays, seeds);
        }
    }

    /** The values of a model's settings that JMH crosses. */
    record Settings(List<Integer> concurrency, List<Integer> maxRequests, List<ConnectionPoolSize> connectionPools) {
    }

    /**
     * A shape measured with one variant of a model. When {@code sweep}, the variant's
     * {@link Knob} is what varies, and the report draws it as a tuning curve.
     */
    record Measure(Shape shape, Variant variant, Workloads workloads, Settings settings, Batches batches,
                   boolean sweep) implements Jmh {

        /** Marks a result with the variant it measured. */
        public static final String VARIANT_PROPERTY = "fetchbench.variant";
        /** Marks a result as one setting of a sweep, with the knob swept. */
        public static final String SWEPT_PROPERTY = "fetchbench.swept";

        @Override
        public String benchmarkName() {
            return shape.benchmarkName();
        }

        @Override
        public Map<String, List<String>> params() {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put(Param.MODEL.key, List.of(variant.model().name()));
            params.put(Param.URLS.key, strings(workloads.urls()));
            params.put(Param.DELAY_MS.key, strings(workloads.delayMs()));
            params.put(Param.CONCURRENCY.key, strings(settings.concurrency()));
            params.put(Param.MAX_REQUESTS.key, strings(settings.maxRequests()));
            params.put(Param.DELAY_PROFILE.key, List.of(workloads.delays().profile().name()));
            params.put(Param.SPREAD, List.of(String.valueOf(workloads.delays().spread())));
            params.put(Param.CONNECTION_POOL.key, strings(settings.connectionPools()));
            params.put(Param.SEED.key, strings(workloads.seeds()));
            return params;
        }

        @Override
        public Map<String, String> forkProperties() {
            return sweep ? Map.of(VARIANT_PROPERTY, variant.name(), SWEPT_PROPERTY, variant.model().knob().name())
                    : Map.of(VARIANT_PROPERTY, variant.name());
        }

        @Override
        public List<Double> batchMillis() {
            CpuCost planning = new CpuCost(PLANNING_CPU_WORK_MS, PLANNING_CPU_WORK_MS,
                    Runtime.getRuntime().availableProcessors());
            Theory theory = Theory.here();
            int copies = settings.connectionPools().size() * workloads.seeds().size();
            List<Double> millis = new ArrayList<>();
            for (int n : workloads.urls()) {
                for (int d : workloads.delayMs()) {
                    for (int c : settings.concurrency()) {
                        for (int m : settings.maxRequests()) {
                            double ms = theory.predictMs(Scenario.of(shape, variant.model(), c, m, n, d,
                                    workloads.delays(), workloads.seeds().get(0), planning));
                            millis.addAll(Collections.nCopies(copies, ms));
                        }
                    }
                }
            }
            return millis;
        }

        /** The predicted batch time at N for the slowest setting of this step. */
        double slowestBatchMillis(int urls) {
            return new Measure(shape, variant, workloads.withUrls(List.of(urls)), settings, batches, sweep)
                    .batchMillis().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        Measure with(Workloads changed) {
            return new Measure(shape, variant, changed, settings, batches, sweep);
        }

        Measure with(Settings changed) {
            return new Measure(shape, variant, workloads, changed, batches, sweep);
        }
    }

    private static String bareClient() {
        return Shape.BENCHMARK_PACKAGE + "." + BareClientBenchmark.class.getSimpleName() + "."
                + BareClientBenchmark.METHOD;
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
