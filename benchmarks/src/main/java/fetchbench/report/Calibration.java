package fetchbench.report;

import fetchbench.bench.BareClientBenchmark;
import fetchbench.run.Param;
import fetchbench.run.Step;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bare-client results of a run: the floor per N (a 1 ms delay), which no model can beat, and the
 * bare client at the run's delay, against which the suite's own overhead is measured.
 */
public record Calibration(Map<Integer, JmhRun.Metric> floors, Map<String, JmhRun.Metric> baselines) {


    public static Calibration of(JmhRun run) {
        Map<Integer, JmhRun.Metric> floors = new TreeMap<>();
        Map<String, JmhRun.Metric> baselines = new TreeMap<>();
        for (JmhRun.Result result : run.results()) {
            if (!isBare(result)) {
                continue;
            }
            int n = Integer.parseInt(result.params().get(Param.URLS.key));
            int delay = Integer.parseInt(result.params().get(Param.DELAY_MS.key));
            if (delay <= Step.Floor.DELAY_MS) { // runs before 2026-11-23 measured the floor at 0 ms
                floors.put(n, result.primary());
            } else {
                baselines.put(key(n, delay), result.primary());
            }
        }
        return new Calibration(floors, baselines);
    }

    static boolean isBare(JmhRun.Result result) {
        return result.benchmark().equals(BareClientBenchmark.NAME);
    }

    /** The floor at N in ms, NaN when the run did not measure it. */
    public double floorMs(int n) {
        JmhRun.Metric floor = floors.get(n);
        return floor == null ? Double.NaN : Row.toMillis(floor.score(), floor.unit());
    }

    /** The bare client at N and this delay, when the run measured it. */
    public Optional<JmhRun.Metric> baseline(int n, int delayMs) {
        return Optional.ofNullable(baselines.get(key(n, delayMs)));
    }

    private static String key(int n, int delayMs) {
        return n + "/" + delayMs;
    }

    /**
     * The suite's own overhead: a model's time over the bare client's, with the upper end of its
     * interval, the model's slowest plausible time over the bare client's fastest (JMH's errors).
     */
    public record Overhead(double percent, double upperPercent) {

        static Overhead of(JmhRun.Metric bare, JmhRun.Metric model) {
            double bareMs = Row.toMillis(bare.score(), bare.unit());
            double modelMs = Row.toMillis(model.score(), model.unit());
            double upper = Double.isNaN(bare.error()) || Double.isNaN(model.error()) ? Double.NaN
                    : 100 * ((modelMs + Row.toMillis(model.error(), model.unit()))
                    / (bareMs - Row.toMillis(bare.error(), bare.unit())) - 1);
            return new Overhead(100 * (modelMs / bareMs - 1), upper);
        }

        /** Passes only when even the upper end of the interval is under the limit. */
        boolean passes(double limitPercent) {
            return upperPercent < limitPercent;
        }

        String verdict(double limitPercent) {
            if (Double.isNaN(upperPercent)) {
                return "unknown: no error estimate";
            }
            return String.format(Locale.ROOT, passes(limitPercent) ? "passes: at most %+.1f %%, under %d %%"
                    : "fails: up to %+.1f %%, not shown to be under %d %%", upperPercent, (int) limitPercent);
        }
    }
}
