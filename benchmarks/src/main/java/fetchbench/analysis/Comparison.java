package fetchbench.analysis;

import fetchbench.result.NewFolder;

import fetchbench.result.JmhRun;

import fetchbench.result.RunFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;

/**
 * Run B against run A: results with the same benchmark and parameters paired, B ÷ A, and
 * whether the difference is significant: JMH's error intervals do not overlap.
 */
public final class Comparison {

    private Comparison() {
    }

    /** Is B's difference from A more than noise? */
    public enum Significance {
        SIGNIFICANT("significant"),
        NOT_SIGNIFICANT("not significant"),
        UNKNOWN("unknown (no error estimate)");

        public final String words;

        Significance(String words) {
            this.words = words;
        }

        /** Significant when the intervals score ± error do not overlap. */
        public static Significance of(JmhRun.Metric a, JmhRun.Metric b) {
            if (Double.isNaN(a.error()) || Double.isNaN(b.error())) {
                return UNKNOWN;
            }
            boolean overlap = a.score() - a.error() <= b.score() + b.error()
                    && b.score() - b.error() <= a.score() + a.error();
            return overlap ? NOT_SIGNIFICANT : SIGNIFICANT;
        }
    }

    /** The same benchmark and parameters in both runs. */
    public record Pair(Row a, Row b) {
        public double ratio() {
            return b.measuredMs() / a.measuredMs();
        }

        public Significance significance() {
            return Significance.of(a.result().primary(), b.result().primary());
        }

        /** B ÷ A from A's slowest and B's fastest plausible time to the reverse; NaN without errors. */
        public double[] ratioInterval() {
            double lowA = a.measuredMs() - a.errorMs();
            return new double[] {(b.measuredMs() - b.errorMs()) / (a.measuredMs() + a.errorMs()),
                    lowA <= 0 ? Double.POSITIVE_INFINITY : (b.measuredMs() + b.errorMs()) / lowA};
        }

        /** "gather, delay 20 ms fixed · threadPool (k=20) N=10: 22.4 ± 2.6 → 67.2 ± 0.1 ms, B ÷ A 3.00 (2.65–3.47)". */
        public String describe() {
            double[] interval = ratioInterval();
            return String.format(Locale.ROOT, "%s · %s N=%d: %s → %s ms, B ÷ A %.2f (%.2f–%.2f)", a.scenario(),
                    a.setting(), a.urls(), Words.meanAndError(a), Words.meanAndError(b), ratio(), interval[0],
                    interval[1]);
        }
    }

    /** What a reader of the comparison should know first: how the two runs differ besides the code under test. */
    public static List<String> warnings(JmhRun a, JmhRun b) {
        List<String> warnings = new ArrayList<>();
        differ(warnings, "measured batches per result", budgets(a), budgets(b));
        differ(warnings, "code version", a.forkProperty(ResultKeys.SOURCE).orElse("unknown"),
                b.forkProperty(ResultKeys.SOURCE).orElse("unknown"));
        differ(warnings, "JDK and cores", a.environment(), b.environment());
        differ(warnings, "machine", machine(a), machine(b));
        differ(warnings, "server check", a.forkProperty(ResultKeys.SERVER_CHECK_FAILED).map(n -> "FAILED at N=" + n)
                .orElse("passed"), b.forkProperty(ResultKeys.SERVER_CHECK_FAILED).map(n -> "FAILED at N=" + n)
                .orElse("passed"));
        return warnings;
    }

    /** The machine environment.json beside the run's jmh.json describes (OS, architecture, memory), if it is there. */
    private static String machine(JmhRun run) {
        Path environment = run.source().toAbsolutePath().resolveSibling(RunFolder.ENVIRONMENT_JSON);
        try {
            JsonObject env = JsonParser.parseString(Files.readString(environment)).getAsJsonObject();
            JsonObject machine = env.getAsJsonObject("machine");
            return machine.get("os").getAsString() + ", " + machine.get("arch").getAsString() + ", "
                    + machine.get("memoryBytes").getAsLong() / (1L << 30) + " GiB";
        } catch (IOException | RuntimeException e) {
            return "unknown (no environment.json)";
        }
    }

    private static void differ(List<String> warnings, String what, String a, String b) {
        if (!a.equals(b)) {
            warnings.add("the runs differ in " + what + ": A " + a + ", B " + b);
        }
    }

    /** "2×10–2×30": forks × measured batches, the smallest and the largest of the run's results. */
    private static String budgets(JmhRun run) {
        TreeSet<String> budgets = run.results().stream().filter(r -> !Calibration.isBare(r))
                .map(r -> r.forks() + "×" + r.measurementIterations())
                .collect(Collectors.toCollection(TreeSet::new));
        return String.join(", ", budgets);
    }


    public record Matched(List<Pair> pairs, List<Row> onlyA, List<Row> onlyB) {
    }

    public static Matched match(List<Row> a, List<Row> b) {
        Map<String, Row> byKeyB = new LinkedHashMap<>();
        b.forEach(r -> byKeyB.put(key(r), r));
        List<Pair> pairs = new ArrayList<>();
        List<Row> onlyA = new ArrayList<>();
        for (Row rowA : a) {
            Row rowB = byKeyB.remove(key(rowA));
            if (rowB == null) {
                onlyA.add(rowA);
            } else {
                pairs.add(new Pair(rowA, rowB));
            }
        }
        return new Matched(pairs, onlyA, List.copyOf(byKeyB.values()));
    }

    /**
     * What makes two results the same measurement: benchmark, parameters (a run from before the
     * connectionPool parameter used a pool sized to N) and whether it is a sweep's.
     */
    private static String key(Row row) {
        Map<String, String> params = new TreeMap<>(row.result().params());
        params.putIfAbsent(Param.CONNECTION_POOL.key, row.connectionPool().name());
        return row.result().benchmark() + " " + params + (row.isSweep() ? " sweep" : "");
    }


}
