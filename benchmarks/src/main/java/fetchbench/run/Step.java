package fetchbench.run;

import fetchbench.result.Benchmarks;

import fetchbench.result.Param;

import fetchbench.result.ResultKeys;

import fetchbench.catalog.Variant;

import fetchbench.bench.BareClientBenchmark;
import fetchbench.bench.CallersBenchmark;
import fetchbench.bench.LoadBenchmark;
import fetchbench.model.ClientStack;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Knob;
import fetchbench.catalog.Model;
import fetchbench.model.Protocol;
import fetchbench.theory.CpuCost;
import fetchbench.catalog.Limits;
import fetchbench.theory.Scenario;
import fetchbench.theory.Machine;
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

    /** Seconds JMH needs per parameter combination and fork besides the batches: fork start, set-up, JIT warm-up. */
    double FORK_OVERHEAD_SECONDS = 1.9;
    /** Real batches the model's own warm-up runs, on average, before JMH's (see the bench package's WarmUp). */
    int WARM_UP_BATCHES = 2;
    /** The CPU-heavy shape's work per response, for planning only (each fork measures it). */
    double PLANNING_CPU_WORK_MS = 10;

    /** One line for the progress output, {@code --plan} and environment.json. */
    String describe();

    /** Before anything is measured: can the server answer N fetches at once in time, for each N and delay? */
    record ServerCheck(List<Integer> urls, List<Integer> delayMs) implements Step {
        @Override
        public String describe() {
            return "server check at urls=" + joined(urls) + " delayMs=" + joined(delayMs);
        }
    }

    /** A step JMH runs. */
    sealed interface Jmh extends Step {

        /** The JMH benchmark name, e.g. {@code fetchbench.bench.DeadlineBenchmark.deadline}. */
        String benchmarkName();

        /** Every JMH parameter of the step with its values, in a fixed order; JMH runs their cross product. */
        Map<String, List<String>> params();

        Batches batches();

        /** Predicted batch times of every parameter combination, in ms. */
        List<Double> batchMillis();

        /** What the report needs beyond the parameters, as {@code -Dfetchbench.*} fork properties. */
        default Map<String, String> forkProperties() {
            return Map.of();
        }

        /** (Batches × predicted batch time + fork overhead) × forks, for the progress line. */
        default double predictedSeconds(int runWarmup, int runMeasurement, int forks) {
            int batches = batches().warmup(runWarmup) + batches().measurement(runMeasurement) + WARM_UP_BATCHES;
            return forks * batchMillis().stream().mapToDouble(ms -> FORK_OVERHEAD_SECONDS + batches * ms / 1000).sum();
        }
    }

    /**
     * The floor of each client stack: the bare client fetching N URLs delayed by {@link Benchmarks#FLOOR_DELAY_MS},
     * through the same delayed-response path as the benchmarks, which no model of that stack does
     * much better than, over each protocol. With {@code newClientPerBatch}, a new client for every
     * batch: every request opens a connection, and over TLS does a handshake, which the same
     * client kept does not; the difference is what a new connection costs the stack.
     */
    record Floor(List<Integer> urls, List<ClientStack> stacks, List<Protocol> protocols, boolean newClientPerBatch)
            implements Jmh {
        /** The floor's delay: 1 ms, not 0, so the server takes its delayed path (0 may skip it). */

        /** Over HTTP/1.1 in cleartext, the client kept. */
        public Floor(List<Integer> urls, List<ClientStack> stacks) {
            this(urls, stacks, List.of(Protocol.http1), false);
        }

        @Override
        public String describe() {
            return (newClientPerBatch ? "new connections: bare client, a new one per batch (" : "floor: bare client (")
                    + joined(stacks) + ") with a " + Benchmarks.FLOOR_DELAY_MS + " ms delay, urls=" + joined(urls)
                    + (protocols.equals(List.of(Protocol.http1)) ? "" : " protocol=" + joined(protocols));
        }

        @Override
        public String benchmarkName() {
            return Benchmarks.BARE_CLIENT;
        }

        @Override
        public Map<String, List<String>> params() {
            Map<String, List<String>> params = bareClient(urls, List.of(Benchmarks.FLOOR_DELAY_MS), stacks);
            params.put(Benchmarks.PROTOCOL, strings(protocols));
            params.put(Benchmarks.NEW_CLIENT_PER_BATCH, List.of(String.valueOf(newClientPerBatch)));
            return params;
        }

        @Override
        public Batches batches() {
            return Batches.FLOOR;
        }

        @Override
        public List<Double> batchMillis() {
            return stacks.stream().flatMap(stack -> protocols.stream().flatMap(protocol -> urls.stream()
                    .map(n -> Theory.allAtOnceMs(Benchmarks.FLOOR_DELAY_MS)))).toList();
        }
    }

    /**
     * The bare client at the run's delays: a model's time over it is what the suite's own
     * scaffolding costs. OkHttp, like the virtualThreads model it stands beside, and with its batches.
     */
    record Baseline(List<Integer> urls, List<Integer> delayMs, Batches batches) implements Jmh {
        @Override
        public String describe() {
            return "baseline: bare client, urls=" + joined(urls) + " delayMs=" + joined(delayMs);
        }

        @Override
        public String benchmarkName() {
            return Benchmarks.BARE_CLIENT;
        }

        @Override
        public Map<String, List<String>> params() {
            return bareClient(urls, delayMs, List.of(ClientStack.okHttp));
        }

        @Override
        public List<Double> batchMillis() {
            return urls.stream().flatMap(n -> delayMs.stream().map(Theory::allAtOnceMs)).toList();
        }
    }

    /**
     * The values of a measurement's workload that JMH crosses. The delay profiles share one spread
     * parameter (0: each profile's own default), so that JMH's cross product is right.
     */
    record Workloads(List<Integer> urls, List<Integer> delayMs, List<Delays> delays, List<Long> seeds) {
        public Workloads {
            if (delays.stream().map(Delays::spreadParam).distinct().count() != 1) {
                throw new IllegalArgumentException("one step's delay profiles share one spread: " + delays);
            }
        }

        Workloads withUrls(List<Integer> fewer) {
            return new Workloads(fewer, delayMs, delays, seeds);
        }
    }

    /** The values of a model's settings that JMH crosses, and the protocols it speaks. */
    record Settings(List<Integer> concurrency, List<Integer> maxRequests, List<ConnectionPoolSize> connectionPools,
                    List<Protocol> protocols) {
        Settings(List<Integer> concurrency, List<Integer> maxRequests, List<ConnectionPoolSize> connectionPools) {
            this(concurrency, maxRequests, connectionPools, List.of(Protocol.http1));
        }

        Settings withConcurrency(List<Integer> values) {
            return new Settings(values, maxRequests, connectionPools, protocols);
        }

        Settings withConnectionPools(List<ConnectionPoolSize> values) {
            return new Settings(concurrency, maxRequests, values, protocols);
        }

        Settings withProtocols(List<Protocol> values) {
            return new Settings(concurrency, maxRequests, connectionPools, values);
        }
    }

    /**
     * A shape measured with one variant of a model. When {@code sweep}, the model's {@link Knob}
     * is what varies, and the report draws it as a tuning curve.
     */
    record Measure(Shape shape, Variant variant, Workloads workloads, Settings settings, Batches batches,
                   boolean sweep, Machine machine) implements Jmh {

        @Override
        public String describe() {
            return settingsText() + (sweep ? " (sweep of " + variant.model().knob() + ")" : "");
        }

        /** The shape (unless gather), the variant and the parameters it runs with. */
        String settingsText() {
            StringBuilder text = new StringBuilder(shape == Shape.gather ? "" : shape + " · ").append(variant);
            Model model = variant.model();
            text.append(' ').append(Param.URLS.key).append('=').append(joined(workloads.urls()))
                    .append(' ').append(Param.DELAY_MS.key).append('=').append(joined(workloads.delayMs()));
            if (model.hasConcurrencyKnob() || shape == Shape.workers) {
                text.append(' ').append(Param.CONCURRENCY.key).append('=').append(joined(settings.concurrency()));
            }
            if (model.knob() == Knob.dispatcherLimit) {
                text.append(' ').append(Param.MAX_REQUESTS.key).append('=').append(joined(settings.maxRequests()));
            }
            if (!workloads.delays().equals(List.of(Delays.of(Profile.DELAY_PROFILE)))) {
                text.append(' ').append(Param.DELAY_PROFILE.key).append('=')
                        .append(joined(workloads.delays().stream().map(Delays::spec).toList()));
            }
            if (!settings.connectionPools().equals(List.of(ConnectionPoolSize.sized))) {
                text.append(' ').append(Param.CONNECTION_POOL.key).append('=').append(joined(settings.connectionPools()));
            }
            if (!settings.protocols().equals(List.of(Protocol.http1))) {
                text.append(' ').append(Param.PROTOCOL.key).append('=').append(joined(settings.protocols()));
            }
            return text.toString();
        }

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
            params.put(Param.DELAY_PROFILE.key, workloads.delays().stream().map(d -> d.profile().name()).toList());
            params.put(Param.SPREAD, List.of(String.valueOf(workloads.delays().get(0).spreadParam())));
            params.put(Param.CONNECTION_POOL.key, strings(settings.connectionPools()));
            params.put(Param.SEED.key, strings(workloads.seeds()));
            params.put(Param.PROTOCOL.key, strings(settings.protocols()));
            return params;
        }

        @Override
        public Map<String, String> forkProperties() {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put(ResultKeys.VARIANT, variant.name());
            if (sweep) {
                properties.put(ResultKeys.SWEPT, variant.model().knob().name());
            }
            return properties;
        }

        @Override
        public List<Double> batchMillis() {
            CpuCost planning = new CpuCost(PLANNING_CPU_WORK_MS, PLANNING_CPU_WORK_MS, machine.cores());
            Theory theory = machine.theory();
            int copies = settings.connectionPools().size() * workloads.seeds().size() * settings.protocols().size();
            List<Double> millis = new ArrayList<>();
            for (Delays delays : workloads.delays()) {
                for (int n : workloads.urls()) {
                    for (int d : workloads.delayMs()) {
                        for (int c : settings.concurrency()) {
                            for (int m : settings.maxRequests()) {
                                double ms = theory.predictMs(Scenario.of(shape, new Limits(variant.model(), c, m), n, d,
                                        delays, workloads.seeds().get(0), planning));
                                millis.addAll(Collections.nCopies(copies, ms));
                            }
                        }
                    }
                }
            }
            return millis;
        }

        /** The most requests any setting of this step has in flight at once at N. */
        int mostInFlight(int urls) {
            Theory theory = machine.theory();
            return settings.concurrency().stream().flatMap(c -> settings.maxRequests().stream()
                    .map(m -> theory.slots(new Limits(variant.model(), c, m), urls))).max(Integer::compare).orElse(1);
        }

        /** The predicted batch time at N for the slowest setting of this step. */
        double slowestBatchMillis(int urls) {
            return with(workloads.withUrls(List.of(urls))).batchMillis().stream().mapToDouble(Double::doubleValue)
                    .max().orElse(0);
        }

        Measure with(Workloads changed) {
            return new Measure(shape, variant, changed, settings, batches, sweep, machine);
        }

        Measure with(Settings changed) {
            return new Measure(shape, variant, workloads, changed, batches, sweep, machine);
        }

        Measure with(Batches changed) {
            return new Measure(shape, variant, workloads, settings, changed, sweep, machine);
        }
    }

    /**
     * A gather under load, with one variant at one N and delay: M callers at once through the one
     * model ({@code callers}), or gathers arriving at each rate for a window each ({@code rate}).
     */
    record UnderLoad(Load load, Measure gather, List<Integer> values) implements Jmh {

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
            double warmUpSeconds = WARM_UP_BATCHES * gather.batchMillis().get(0) / 1000;
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

    private static Map<String, List<String>> bareClient(List<Integer> urls, List<Integer> delayMs,
                                                        List<ClientStack> stacks) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put(Param.URLS.key, strings(urls));
        params.put(Param.DELAY_MS.key, strings(delayMs));
        params.put(Benchmarks.CLIENT, strings(stacks));
        return params;
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static String joined(List<?> values) {
        return String.join(",", strings(values));
    }
}
