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

    /** One recorded number. */
    public record Metric(String name, double value, String unit) {
    }

    private static volatile BatchMetrics open;

    /** Null for the bare client, which counts no requests in flight. */
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

    /** Opens the fork's channel for the bare client: its warm-up's facts, no requests in flight. */
    static BatchMetrics openWithoutInFlight() {
        BatchMetrics metrics = new BatchMetrics(null);
        open = metrics;
        return metrics;
    }

    /** The channel of the state being measured in this fork, if one is open (every benchmark state opens one). */
    static Optional<BatchMetrics> ofThisFork() {
        return Optional.ofNullable(open);
    }

    Optional<InFlight> inFlight() {
        return Optional.ofNullable(inFlight);
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
