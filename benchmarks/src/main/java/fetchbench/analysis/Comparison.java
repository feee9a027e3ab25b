package fetchbench.analysis;

import fetchbench.result.NewFolder;

import fetchbench.result.JmhRun;

import fetchbench.result.RunFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import fetchbench.stats.Ratio;
import java.awt.Color;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
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
 * Run B against run A: results with the same benchmark and parameters paired, B ÷ A tested on the
 * fork means ({@link Ratio}), the pairs at one N one family ({@link Judgement}); and, for two runs
 * of one commit, whether they agree as such runs should ({@link AaCheck}).
 */
public final class Comparison {

    private Comparison() {
    }

    /** The same benchmark and parameters in both runs: B ÷ A and what it allows one to say. */
    public record Pair(Row a, Row b, Ratio ratio, Judgement judgement) {

        /** "gather, delay 20 ms fixed · threadPool (k=20) N=10: 22.4 ± 2.6 → 67.2 ± 0.1 ms, B ÷ A 3.00× [2.65–3.47]". */
        public String describe() {
            return String.format(Locale.ROOT, "%s · %s N=%d: %s → %s ms, B ÷ A %s", a.scenario(), a.setting(), a.urls(),
                    Words.meanAndError(a), Words.meanAndError(b), Words.ratio(ratio));
        }
    }

    /**
     * What two runs of one commit must show: at most {@link #MOST_DIFFERENT_SHARE} of the shared
     * results (at least one) called different, and standard scores of the differences whose
     * variance around 0 is at most {@link #mostScoreVariance()} (1 when every interval is right).
     *
     * @param different the pairs judged different
     * @param pairs     the pairs with an interval
     * @param scores    the standard scores behind the variance
     * @param scoreVariance the variance of their standard scores around 0 (NaN with fewer than 2)
     */
    public record AaCheck(int different, int pairs, int scores, double scoreVariance) {

        public static final double MOST_DIFFERENT_SHARE = 0.02;
        /** How often two runs of one commit whose intervals are right may fail on the scores' variance. */
        public static final double SCORE_VARIANCE_FALSE_ALARMS = 0.01;

        public static AaCheck of(List<Pair> pairs) {
            List<Pair> compared = pairs.stream().filter(p -> p.ratio().hasInterval()).toList();
            List<Double> scores = compared.stream().map(p -> p.ratio().score()).filter(Double::isFinite).toList();
            double variance = scores.size() < 2 ? Double.NaN
                    : scores.stream().mapToDouble(z -> z * z).sum() / scores.size();
            return new AaCheck((int) compared.stream().filter(p -> p.judgement() == Judgement.different).count(),
                    compared.size(), scores.size(), variance);
        }

        /** The most pairs two runs of one commit may call different: max(1, 2 % of them). */
        public int mostDifferent() {
            return Math.max(1, (int) Math.floor(MOST_DIFFERENT_SHARE * pairs));
        }

        /**
         * The most the scores' variance may be: k standard normal scores squared and summed follow
         * χ² with k degrees of freedom, so its 99th percentile over k (1.47 for 60 scores, where a
         * few pairs vary a lot more: 3.78 for 3). NaN with fewer than 2 scores.
         */
        public double mostScoreVariance() {
            return scores < 2 ? Double.NaN
                    : new ChiSquaredDistribution(scores).inverseCumulativeProbability(1 - SCORE_VARIANCE_FALSE_ALARMS) / scores;
        }

        public boolean passes() {
            return different <= mostDifferent() && scoreVariance <= mostScoreVariance();
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

    /** Pairs the results of both runs and tests B ÷ A; the pairs at one N are one family. */
    public static Matched match(List<Row> a, List<Row> b) {
        Map<String, Row> byKeyB = new LinkedHashMap<>();
        b.forEach(r -> byKeyB.put(key(r), r));
        List<Row[]> matched = new ArrayList<>();
        List<Row> onlyA = new ArrayList<>();
        for (Row rowA : a) {
            Row rowB = byKeyB.remove(key(rowA));
            if (rowB == null) {
                onlyA.add(rowA);
            } else {
                matched.add(new Row[] {rowA, rowB});
            }
        }
        double margin = Margin.current();
        List<Ratio> ratios = matched.stream().map(p -> Ratio.of(p[0].forkMeans(), p[1].forkMeans(), margin)).toList();
        Judgement[] judgements = new Judgement[matched.size()];
        Map<Integer, List<Integer>> byN = new TreeMap<>();
        for (int i = 0; i < matched.size(); i++) {
            byN.computeIfAbsent(matched.get(i)[0].urls(), n -> new ArrayList<>()).add(i);
        }
        byN.values().forEach(family -> {
            List<Judgement> judged = Judgement.of(family.stream().map(ratios::get).toList());
            for (int j = 0; j < family.size(); j++) {
                judgements[family.get(j)] = judged.get(j);
            }
        });
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < matched.size(); i++) {
            pairs.add(new Pair(matched.get(i)[0], matched.get(i)[1], ratios.get(i), judgements[i]));
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
