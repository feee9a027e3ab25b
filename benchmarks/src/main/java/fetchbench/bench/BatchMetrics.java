package fetchbench.bench;

import fetchbench.model.InFlight;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one batch measured besides its time: the model's in-flight gauge and what the shape
 * recorded (time to the first result, results kept by a deadline, the CPU work). JMH builds its
 * profilers itself and shows them no {@code @State}, so the benchmark state opens this channel
 * for {@link ResourceProfiler} explicitly in its set-up. It stays open after the state's tear-down,
 * which JMH runs before the profilers read the last iteration; a fork runs one trial.
 */
public final class BatchMetrics {

    public static final String FIRST_RESULT = "first.ms";
    /** New connections the server saw in a batch, whatever the client stack … */
    public static final String CONNECTIONS = "connects";
    /** … and over TLS, the handshakes: one per new connection (TLS 1.3 does not renegotiate). */
    public static final String HANDSHAKES = "handshakes";
    public static final String KEPT = "kept";
    /** The CPU-heavy shape's work per response, measured in the fork after a warm-up: alone … */
    public static final String WORK = "work.ms";
    /** … and while every core does it at once. */
    public static final String WORK_ALL_CORES = "work.allcores.ms";

    /**
     * The load benchmark's latency percentiles of one window, timed from each fan-out's intended
     * start, in ms: the percentile (100: the maximum) under its metric's name, in order.
     */
    public static final Map<String, Double> LATENCY_PERCENTILES = latencyPercentiles();
    /** The rate the load generator achieved in a window, fan-outs per second … */
    public static final String ACHIEVED_RATE = "rate.achieved";
    /** … and how late it started the arrivals, the 99th percentile, in ms. */
    public static final String LATE_P99 = "late.p99.ms";
    /** The callers benchmark: the mean of the M callers' batch times, and the requests per second of them all. */
    public static final String CALLER_MEAN = "caller.mean.ms";
    public static final String THROUGHPUT = "throughput";

    /** The model's own warm-up before JMH's (see {@link WarmUp}): requests sent, and real batches run. */
    public static final String WARMUP_REQUESTS = "warmup.requests";
    public static final String WARMUP_BATCHES = "warmup.batches";

    /** One recorded number. */
    public record Metric(String name, double value, String unit) {
    }

    private static volatile BatchMetrics open;

    private static Map<String, Double> latencyPercentiles() {
        Map<String, Double> percentiles = new java.util.LinkedHashMap<>();
        percentiles.put("latency.p50.ms", 50.0);
        percentiles.put("latency.p75.ms", 75.0);
        percentiles.put("latency.p90.ms", 90.0);
        percentiles.put("latency.p95.ms", 95.0);
        percentiles.put("latency.p99.ms", 99.0);
        percentiles.put("latency.p999.ms", 99.9);
        percentiles.put("latency.max.ms", 100.0);
        return java.util.Collections.unmodifiableMap(percentiles);
    }

    private final InFlight inFlight;
    private final Map<String, Metric> recorded = new ConcurrentHashMap<>();
    private final Map<String, Metric> trial = new ConcurrentHashMap<>();

    private BatchMetrics(InFlight inFlight) {
        this.inFlight = inFlight;
    }

    /** Opens the fork's channel for the model behind {@code inFlight}. */
    static BatchMetrics open(InFlight inFlight) {
        BatchMetrics metrics = new BatchMetrics(inFlight);
        open = metrics;
        return metrics;
    }

    /** The channel of the state being measured in this fork, if one is open (the bare client opens none). */
    static Optional<BatchMetrics> ofThisFork() {
        return Optional.ofNullable(open);
    }

    InFlight inFlight() {
        return inFlight;
    }

    void record(String name, double value, String unit) {
        recorded.put(name, new Metric(name, value, unit));
    }

    /** A number of the whole trial, reported with every batch. */
    void recordForTrial(String name, double value, String unit) {
        trial.put(name, new Metric(name, value, unit));
    }

    /** What was recorded since the last call, which forgets it, and the trial's numbers. */
    List<Metric> takeAll() {
        List<Metric> metrics = new ArrayList<>(recorded.values());
        metrics.forEach(m -> recorded.remove(m.name(), m));
        metrics.addAll(trial.values());
        return metrics;
    }
}
