package fetchbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers a shape measures besides its batch time (time to the first result, results kept by a
 * deadline). The benchmark records them; {@link ResourceProfiler} reports them per iteration,
 * which is one batch in single-shot mode.
 */
public final class ShapeMetrics {

    public static final String FIRST_RESULT = "first.ms";
    public static final String KEPT = "kept";
    /** The CPU-heavy shape's work per response, measured in the fork after a warm-up: alone … */
    public static final String WORK = "work.ms";
    /** … and while every core does it at once. */
    public static final String WORK_ALL_CORES = "work.allcores.ms";

    /** One recorded number. */
    public record Metric(String name, double value, String unit) {
    }

    private static final Map<String, Metric> latest = new ConcurrentHashMap<>();

    private ShapeMetrics() {
    }

    static void record(String name, double value, String unit) {
        latest.put(name, new Metric(name, value, unit));
    }

    /** What was recorded since the last call, which forgets it. */
    static List<Metric> takeAll() {
        List<Metric> metrics = new ArrayList<>(latest.values());
        metrics.forEach(m -> latest.remove(m.name(), m));
        return metrics;
    }
}
