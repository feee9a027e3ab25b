package fetchbench.analysis;

import fetchbench.result.Metrics;

import java.util.Map;
import java.util.Set;

/** The words the report uses for the metrics JMH records besides the batch time. */
public final class MetricNames {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry(Metrics.IN_FLIGHT, "requests in flight at peak"),
            Map.entry(Metrics.THREADS, "platform threads at peak (virtual threads not counted)"),
            Map.entry(Metrics.RSS, "resident memory at peak (under a fixed heap: the heap touched, not a footprint)"),
            Map.entry(Metrics.CONNECTIONS, "connections opened per batch"),
            Map.entry(Metrics.HANDSHAKES, "TLS handshakes per batch"),
            Map.entry(Metrics.CLIENT_CPU, "client CPU per request (the fork's JVM)"),
            Map.entry(Metrics.SERVER_CPU, "server CPU per request (WireMock's JVM)"),
            Map.entry(Metrics.STEAL, "steal time per batch (the machine's)"),
            Map.entry(Metrics.SERVER_LATE_P99, "server lateness, 99th percentile (its response against the delay asked for)"),
            Map.entry(Metrics.PINNED, "virtual threads blocked while pinned, per batch"),
            Map.entry(Metrics.PINNED_MS, "time virtual threads stayed pinned, per batch"),
            Map.entry(Metrics.CARRIER_QUEUE_MEAN, "virtual threads waiting for a carrier, mean of samples"),
            Map.entry(Metrics.CARRIER_QUEUE_PEAK, "virtual threads waiting for a carrier, peak"),
            Map.entry(Metrics.CARRIERS, "carrier threads (the scheduler's parallelism)"),
            Map.entry(Metrics.HEAP_PER_REQUEST, "live heap per request in flight"),
            Map.entry(Metrics.THREAD_MEMORY_PER_REQUEST, "thread memory (stacks) per request in flight"),
            Map.entry(Metrics.NATIVE_PER_REQUEST, "other native memory per request in flight"),
            Map.entry(Metrics.THREADS_PER_REQUEST, "platform threads per request in flight"),
            Map.entry(Metrics.FOOTPRINT_IN_FLIGHT, "requests in flight while the footprint was read"),
            Map.entry(Metrics.FIRST_RESULT, "time to the first result"),
            Map.entry(Metrics.KEPT, "results kept by the deadline"),
            Map.entry(Metrics.WORK, "CPU work per response, one core busy"),
            Map.entry(Metrics.WORK_ALL_CORES, "CPU work per response, all cores busy"),
            Map.entry(Metrics.WARMUP_REQUESTS, "requests of the model's own warm-up"),
            Map.entry(Metrics.WARMUP_BATCHES, "batches of the model's own warm-up"),
            Map.entry(Metrics.WARMUP_WIDEST_IN_FLIGHT, "peak in flight of the warm-up's widest batch"),
            Map.entry("gc.alloc.rate", "allocation rate"),
            Map.entry("gc.alloc.rate.norm", "memory allocated per batch"),
            Map.entry("gc.count", "garbage collections"),
            Map.entry("gc.time", "time in garbage collection"));

    /**
     * Metrics the report leaves in jmh.json without a chart: the harness's own warm-up, and the
     * collector's rates and counts, which the allocation per batch says better for a model.
     */
    public static final Set<String> NOT_CHARTED = Set.of(Metrics.WARMUP_REQUESTS, Metrics.WARMUP_BATCHES,
            Metrics.WARMUP_STEADY, Metrics.WARMUP_COMPILE_MS, Metrics.WARMUP_WIDEST_IN_FLIGHT, Metrics.CARRIERS, "gc.alloc.rate", "gc.count", "gc.time");

    private MetricNames() {
    }

    /** "platform threads at peak (virtual threads not counted)"; an unknown metric keeps its own name. */
    public static String words(String metric) {
        return WORDS.getOrDefault(metric, metric);
    }
}
