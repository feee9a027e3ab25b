package fetchbench.report;

import fetchbench.bench.BareClientBenchmark;
import fetchbench.model.ClientStack;
import fetchbench.run.Param;
import fetchbench.run.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bare-client results of a run: the floor per client stack and N (a 1 ms delay), which no model
 * of that stack can beat, and the bare client at the run's delay, against which the suite's own
 * overhead is measured.
 */
public record Calibration(Map<ClientStack, Map<Integer, JmhRun.Metric>> floors,
                          Map<String, JmhRun.Metric> baselines) {

    public static Calibration of(JmhRun run) {
        Map<ClientStack, Map<Integer, JmhRun.Metric>> floors = new EnumMap<>(ClientStack.class);
        Map<String, JmhRun.Metric> baselines = new TreeMap<>();
        for (JmhRun.Result result : run.results()) {
            if (!isBare(result)) {
                continue;
            }
            int n = Integer.parseInt(result.params().get(Param.URLS.key));
            int delay = Integer.parseInt(result.params().get(Param.DELAY_MS.key));
            if (delay <= Step.Floor.DELAY_MS) { // runs before 2026-11-23 measured the floor at 0 ms
                ClientStack stack = ClientStack.valueOf(result.params().getOrDefault(BareClientBenchmark.CLIENT,
                        ClientStack.okHttp.name()));
                floors.computeIfAbsent(stack, s -> new TreeMap<>()).put(n, result.primary());
            } else {
                baselines.put(key(n, delay), result.primary());
            }
        }
        return new Calibration(floors, baselines);
    }

    static boolean isBare(JmhRun.Result result) {
        return result.benchmark().equals(BareClientBenchmark.NAME);
    }

    /**
     * The floor of a client stack at N in ms. Where the run did not measure N (a shape's own small
     * N), it is read between the two measured N around it, in a straight line (a request costs
     * about the same CPU at any N), or as the smallest N's below it; NaN above the largest.
     */
    public double floorMs(ClientStack stack, int n) {
        NavigableMap<Integer, JmhRun.Metric> byN = new TreeMap<>(floors.getOrDefault(stack, Map.of()));
        Map.Entry<Integer, JmhRun.Metric> above = byN.ceilingEntry(n);
        if (above == null) {
            return Double.NaN;
        }
        Map.Entry<Integer, JmhRun.Metric> below = byN.floorEntry(n);
        double aboveMs = Row.toMillis(above.getValue().score(), above.getValue().unit());
        if (below == null || below.getKey() == n) {
            return below == null ? aboveMs : Row.toMillis(below.getValue().score(), below.getValue().unit());
        }
        double belowMs = Row.toMillis(below.getValue().score(), below.getValue().unit());
        return belowMs + (aboveMs - belowMs) * (n - below.getKey()) / (above.getKey() - below.getKey());
    }

    /** "floor at N=100 (okHttp bare client, 1 ms delay): 12.3 ± 0.4 ms", per stack and N. */
    public List<String> floorLines() {
        List<String> lines = new ArrayList<>();
        floors.forEach((stack, byN) -> byN.forEach((n, floor) -> lines.add(String.format(Locale.ROOT,
                "floor at N=%d (%s bare client, %d ms delay): %.1f ± %.1f ms", n, stack, Step.Floor.DELAY_MS,
                floorMs(stack, n), Row.toMillis(floor.error(), floor.unit())))));
        return lines;
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
            double bareLow = bareMs - Row.toMillis(bare.error(), bare.unit());
            double upper = Double.isNaN(bare.error()) || Double.isNaN(model.error()) ? Double.NaN
                    // A bare interval reaching down to 0 bounds nothing: the overhead may be any size.
                    : bareLow <= 0 ? Double.POSITIVE_INFINITY
                    : 100 * ((modelMs + Row.toMillis(model.error(), model.unit())) / bareLow - 1);
            return new Overhead(100 * (modelMs / bareMs - 1), upper);
        }

        /**
         * Passes only when even the upper end of the interval is under the limit, and is not
         * negative: a model faster than the bare client beyond both intervals means the bare
         * client was no baseline.
         */
        boolean passes(double limitPercent) {
            return upperPercent < limitPercent && upperPercent >= 0;
        }

        String verdict(double limitPercent) {
            if (Double.isNaN(upperPercent)) {
                return "unknown: no error estimate";
            }
            if (upperPercent < 0) {
                return String.format(Locale.ROOT, "fails: the model is faster than the bare client beyond both "
                        + "intervals (at most %+.1f %%), so the bare client is no baseline here", upperPercent);
            }
            return String.format(Locale.ROOT, passes(limitPercent) ? "passes: at most %+.1f %%, under %d %%"
                    : "fails: up to %+.1f %%, not shown to be under %d %%", upperPercent, (int) limitPercent);
        }
    }
}
