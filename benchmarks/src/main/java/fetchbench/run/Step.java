package fetchbench.run;

import fetchbench.bench.FootprintBenchmark;
import fetchbench.bench.WarmUp;
import fetchbench.catalog.Variant;
import fetchbench.result.ResultKeys;

import fetchbench.result.Benchmarks;
import fetchbench.result.Param;
import fetchbench.model.ClientStack;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Protocol;
import fetchbench.theory.Theory;
import fetchbench.workload.Delays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a run. The server check runs in the launcher; the others are one JMH run each: the
 * floor with the bare client, a measurement with a model of the suite.
 */
public sealed interface Step {

    /** Seconds JMH needs per parameter combination and fork besides the batches and the warm-up: fork start, set-up. */
    double FORK_OVERHEAD_SECONDS = 3.2;
    /** Seconds a fork's own warm-up spends on its undelayed requests for the JIT, on average (see WarmUp). */
    double JIT_WARM_UP_SECONDS = 1.5;
    /** Windows of real batches a fork's own warm-up runs, on average, before they are steady. */
    double STEADY_WINDOWS = 1.2;

    /** A fork's own warm-up for batches predicted to take {@code batchMs}: the JIT's requests, then windows of blocks. */
    static double warmUpSeconds(double batchMs) {
        double blockSeconds = Math.max(WarmUp.BLOCK.toMillis(), batchMs) / 1000;
        double windowSeconds = Math.min(WarmUp.WINDOW * blockSeconds,
                Math.max(WarmUp.SHORT_WINDOW * blockSeconds, WarmUp.WINDOW_SPAN.toMillis() / 1000.0));
        return Math.min(WarmUp.LIMIT.toSeconds(), JIT_WARM_UP_SECONDS + STEADY_WINDOWS * windowSeconds);
    }

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
    sealed interface Jmh extends Step permits Floor, Measure, UnderLoad, Footprint {

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

        /** The step as it runs, given the results before it: itself, unless it is planned from them ({@link UnderLoad}). */
        default Jmh resolved(java.util.Collection<org.openjdk.jmh.results.RunResult> done) {
            return this;
        }

        /** (Batches × predicted batch time + fork overhead) × forks, for the progress line. */
        default double predictedSeconds(int runWarmup, int runMeasurement, int forks) {
            int batches = batches().warmup(runWarmup) + batches().measurement(runMeasurement);
            return forks * batchMillis().stream().mapToDouble(ms -> FORK_OVERHEAD_SECONDS + warmUpSeconds(ms)
                    + batches * ms / 1000).sum();
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
     * What a variant holds per request in flight at N ({@link fetchbench.bench.FootprintBenchmark}):
     * in forks of its own, with Native Memory Tracking, one held gather each, outside any timed batch.
     */
    record Footprint(Variant variant, int urls, int concurrency, int maxRequests) implements Jmh {
        /**
         * One fork of 3 held gathers, each on a new instance of the model, after the fork's undelayed
         * gathers have loaded its classes and filled its caches (no held warm-up: the default run
         * spends at most a minute on footprints): the interval comes from the holds, which a fork's
         * JIT or layout hardly changes (bytes, not time).
         */
        static final int HOLDS = 3;
        /** A fork's start and warm-up besides its holds … */
        static final double FORK_SECONDS = 2.5;
        /** … and each hold's collections and model. */
        static final double HOLD_OVERHEAD_SECONDS = 0.4;

        @Override
        public String describe() {
            return "footprint: " + variant + " with " + urls + " requests held in flight";
        }

        @Override
        public String benchmarkName() {
            return Benchmarks.FOOTPRINT;
        }

        @Override
        public Map<String, List<String>> params() {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put(Param.MODEL.key, List.of(variant.model().name()));
            params.put(Param.URLS.key, List.of(String.valueOf(urls)));
            params.put(Param.CONCURRENCY.key, List.of(String.valueOf(concurrency)));
            params.put(Param.MAX_REQUESTS.key, List.of(String.valueOf(maxRequests)));
            return params;
        }

        @Override
        public Map<String, String> forkProperties() {
            return Map.of(ResultKeys.VARIANT, variant.name());
        }

        @Override
        public Batches batches() {
            return new Batches(0, 0, HOLDS, 1, 1);
        }

        @Override
        public List<Double> batchMillis() {
            return List.of((double) FootprintBenchmark.holdMs(urls));
        }

        @Override
        public double predictedSeconds(int runWarmup, int runMeasurement, int forks) {
            int holds = batches().warmup(runWarmup) + batches().measurement(runMeasurement);
            return forks * (FORK_SECONDS + holds * (HOLD_OVERHEAD_SECONDS + FootprintBenchmark.holdMs(urls) / 1000.0));
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

    private static Map<String, List<String>> bareClient(List<Integer> urls, List<Integer> delayMs,
                                                        List<ClientStack> stacks) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put(Param.URLS.key, strings(urls));
        params.put(Param.DELAY_MS.key, strings(delayMs));
        params.put(Benchmarks.CLIENT, strings(stacks));
        return params;
    }

    static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    static String joined(List<?> values) {
        return String.join(",", strings(values));
    }
}
