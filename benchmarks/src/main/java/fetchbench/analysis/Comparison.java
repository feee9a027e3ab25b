package fetchbench.analysis;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Protocol;
import fetchbench.result.Benchmarks;
import fetchbench.result.JmhRun;
import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import fetchbench.result.ResultParams;
import fetchbench.result.RunFolder;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import fetchbench.stats.Ratio;
import fetchbench.theory.Theory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Run B against run A: every timed result of jmh.json (the shapes', the bare client's floors, the
 * callers, the load, the forks told another processor count) paired by benchmark, parameters and
 * variant, B ÷ A tested on the fork means of the primary score ({@link Ratio}), the pairs at one N
 * one family ({@link Judgement}); and, for two runs of one code, whether they agree as such runs
 * should ({@link AaCheck}).
 */
public final class Comparison {

    private Comparison() {
    }

    /**
     * One result of a run as the comparison reads it: what it measured, in words, and its fork
     * means in the unit shown (ms for a time, JMH's own unit otherwise).
     *
     * @param fileName the prefix of its group's chart files, e.g. "gather-20ms-fixed"
     * @param measure  what one value is, for a chart's axis, e.g. "ms per batch of 10 fetches"
     * @param mean     the primary score in {@code unit}
     */
    public record Measured(JmhRun.Result result, String scenario, String setting, int urls, String unit,
                           String fileName, String measure, ForkMeans forkMeans, double mean) {

        /** Half the 95 % interval of the mean from the fork means; NaN with one fork. */
        public double halfWidth() {
            return forkMeans.halfWidth();
        }

        /** Whether less is better: a time, not a rate. */
        public boolean lowerIsBetter() {
            return isTime(result.primary().unit());
        }

        /** "gather, delay 20 ms fixed · threadPool (k=20) N=10". */
        public String describe() {
            return scenario + " · " + setting + (urls > 0 ? " N=" + urls : "");
        }
    }

    /** The same benchmark, parameters and variant in both runs: B ÷ A and what it allows one to say. */
    public record Pair(Measured a, Measured b, Ratio ratio, Judgement judgement) {

        /** "gather, delay 20 ms fixed · threadPool (k=20) N=10: 22.4 ± 2.6 → 67.2 ± 0.1 ms, B ÷ A 3.00× [2.65–3.47]". */
        public String describe() {
            return String.format(Locale.ROOT, "%s: %s → %s %s, B ÷ A %s", a.describe(),
                    Words.meanAndError(a.mean(), a.halfWidth()), Words.meanAndError(b.mean(), b.halfWidth()), a.unit(),
                    Words.ratio(ratio));
        }

        /** Different, and worse in B: a longer time, or a lower rate. */
        public boolean slower() {
            return judgement == Judgement.different
                    && (a.lowerIsBetter() ? ratio.estimate() > 1 : ratio.estimate() < 1);
        }
    }

    /** The shared results, paired, and those only one run has. */
    public record Matched(List<Pair> pairs, List<Measured> onlyA, List<Measured> onlyB) {

        /** The pairs B is slower in: different, and worse in B. */
        public List<Pair> slower() {
            // A gate fires on any pair: it takes every pair as one family, so two runs of one code
            // trip it with at most Holm's 5 %, not 5 % per N.
            List<Judgement> together = Judgement.of(pairs.stream().map(Pair::ratio).toList());
            List<Pair> slower = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                if (together.get(i) == Judgement.different && pairs.get(i).slower()) {
                    slower.add(pairs.get(i));
                }
            }
            return slower;
        }

        public long count(Judgement judgement) {
            return pairs.stream().filter(p -> p.judgement() == judgement).count();
        }
    }

    /**
     * What two runs of one code must show: at most {@link #MOST_DIFFERENT_SHARE} of the shared
     * results (at least one) called different, and standard scores of the differences whose
     * variance around 0 is at most {@link #mostScoreVariance()} (1 when every interval is right).
     * The scores decide the check only; the comparison shows no effect size besides B ÷ A.
     *
     * @param different     the pairs judged different
     * @param pairs         the pairs with an interval
     * @param scores        the standard scores behind the variance
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

        /** Whether the differences vary no more than their intervals allow (false with too few to tell). */
        public boolean spreadAsExpected() {
            return scoreVariance <= mostScoreVariance();
        }

        public boolean passes() {
            return different <= mostDifferent() && spreadAsExpected();
        }
    }

    /**
     * The code that makes a measurement, as paths from the repository's top: two commits that
     * agree here measure the same, whatever else changed between them (docs, the report, tests).
     */
    public static final List<String> BENCHMARK_CODE = List.of("benchmarks/src/main/java/fetchbench/bench",
            "benchmarks/src/main/java/fetchbench/model", "benchmarks/src/main/java/fetchbench/workload",
            "benchmarks/src/main/java/fetchbench/catalog", "benchmarks/src/main/java/fetchbench/server",
            "benchmarks/src/main/java/fetchbench/run", "benchmarks/src/main/java/fetchbench/probe",
            "benchmarks/src/main/java/fetchbench/theory", "benchmarks/src/main/java/fetchbench/result/Benchmarks.java",
            "benchmarks/src/main/java/fetchbench/Preflight.java", "benchmarks/src/structured", "benchmarks/pom.xml",
            "pom.xml");

    /** How long git may take to compare two commits before the comparison says it cannot tell. */
    static final int GIT_SECONDS = 30;

    /** How the code of two runs compares: the version each recorded and, where they differ, what git says. */
    public enum Code {
        /** Both recorded the same version (or neither recorded one). */
        sameVersion,
        /** Other commits, and no change to the benchmark code between them. */
        sameBenchmarkCode,
        /** Other commits, and the benchmark code changed between them. */
        otherBenchmarkCode,
        /** Other versions git cannot compare: uncommitted changes, a commit it does not have, no git. */
        unknown
    }

    /** Whether two commits have the same {@link #BENCHMARK_CODE}; empty where it cannot tell. */
    @FunctionalInterface
    public interface BenchmarkCode {
        Optional<Boolean> same(String commitA, String commitB);
    }

    /** The runs' code, asking the git checkout around run A's folder where the recorded versions differ. */
    public static Code code(JmhRun a, JmhRun b) {
        return code(a, b, git(a.source().toAbsolutePath().getParent()));
    }

    public static Code code(JmhRun a, JmhRun b, BenchmarkCode benchmarkCode) {
        String sourceA = source(a);
        String sourceB = source(b);
        if (sourceA.equals(sourceB)) {
            return Code.sameVersion;
        }
        Optional<String> commitA = commit(sourceA);
        Optional<String> commitB = commit(sourceB);
        if (commitA.isEmpty() || commitB.isEmpty()) {
            return Code.unknown;
        }
        return benchmarkCode.same(commitA.get(), commitB.get())
                .map(same -> same ? Code.sameBenchmarkCode : Code.otherBenchmarkCode).orElse(Code.unknown);
    }

    private static String source(JmhRun run) {
        return run.forkProperty(ResultKeys.SOURCE).orElse("unknown");
    }

    /** The commit of a clean checkout; empty for one with uncommitted changes, or no version at all. */
    private static Optional<String> commit(String source) {
        return source.matches("[0-9a-f]{7,40}") ? Optional.of(source) : Optional.empty();
    }

    /** {@code git diff --quiet A B -- <benchmark code>} in the checkout around {@code folder}: exit 0 same, 1 changed. */
    public static BenchmarkCode git(Path folder) {
        return (commitA, commitB) -> {
            List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString(), "diff", "--quiet",
                    "--no-ext-diff", commitA, commitB, "--"));
            BENCHMARK_CODE.forEach(path -> command.add(":(top)" + path));
            try {
                Process git = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!git.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                    git.destroyForcibly();
                    return Optional.empty();
                }
                return switch (git.exitValue()) {
                    case 0 -> Optional.of(true);
                    case 1 -> Optional.of(false);
                    default -> Optional.empty(); // not a checkout, or a commit it does not have
                };
            } catch (IOException e) {
                return Optional.empty(); // no git
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }

    /** What a reader of the comparison should know first: how the two runs differ besides the code under test. */
    public static List<String> warnings(JmhRun a, JmhRun b) {
        return warnings(a, b, code(a, b));
    }

    public static List<String> warnings(JmhRun a, JmhRun b, Code code) {
        List<String> warnings = new ArrayList<>();
        differ(warnings, "measured batches per result", budgets(a), budgets(b));
        if (code == Code.otherBenchmarkCode) {
            warnings.add("the runs differ in benchmark code: A " + source(a) + ", B " + source(b));
        } else if (code == Code.unknown) {
            warnings.add("the runs differ in code version: A " + source(a) + ", B " + source(b));
        }
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

    /**
     * Every timed result of a run (the footprints' time is not a result): the report's rows in its
     * reading order, then the rest (floors, told processors, callers, load) in jmh.json's order.
     */
    public static List<Measured> measured(JmhRun run) {
        List<Row> rows = Row.of(run);
        Map<JmhRun.Result, Row> byResult = new IdentityHashMap<>();
        rows.forEach(row -> byResult.put(row.result(), row));
        Calibration calibration = Calibration.of(run);
        List<Measured> all = new ArrayList<>(rows.stream().map(Comparison::ofRow).toList());
        run.results().stream().filter(r -> !byResult.containsKey(r)).map(r -> measured(r, calibration))
                .forEach(all::add);
        return all;
    }

    private static Measured ofRow(Row row) {
        return new Measured(row.result(), row.scenario(), row.setting(), row.urls(), "ms", row.scenarioFileName(),
                "ms per batch of " + row.urls() + " fetches", row.forkMeans(), row.measuredMs());
    }

    /** A result the report's rows leave out, in words; one whose parameters this reader does not know, in JMH's. */
    static Measured measured(JmhRun.Result result, Calibration calibration) {
        try {
            return described(result, calibration);
        } catch (RuntimeException e) {
            return inJmhWords(result);
        }
    }

    private static Measured described(JmhRun.Result result, Calibration calibration) {
        Map<String, String> params = result.params();
        String unit = unit(result);
        ForkMeans forks = Steadiness.forkMeansMs(result.primary()); // ms for a time, the unit's own values otherwise
        double mean = Row.toMillis(result.primary().score(), result.primary().unit());
        Optional<String> told = result.forkProperty(ResultKeys.TOLD_PROCESSORS);
        if (Calibration.isBare(result)) {
            int urls = Integer.parseInt(params.get(Param.URLS.key));
            int delayMs = Integer.parseInt(params.get(Param.DELAY_MS.key));
            String protocol = params.getOrDefault(Benchmarks.PROTOCOL, Protocol.http1.name());
            String setting = params.getOrDefault(Benchmarks.CLIENT, "okHttp") + " bare client"
                    + (protocol.equals(Protocol.http1.name()) ? "" : " over " + protocol)
                    + (Boolean.parseBoolean(params.get(Benchmarks.NEW_CLIENT_PER_BATCH)) ? ", a new client per batch" : "");
            return new Measured(result, "bare client (floors), delay " + delayMs + " ms", setting, urls, unit,
                    "bare-client-" + delayMs + "ms", per(unit, "batch of " + urls + " requests"), forks, mean);
        }
        ResultParams p = ResultParams.decode(params);
        String swept = result.forkProperty(ResultKeys.SWEPT).map(knob -> ", a sweep of " + knob).orElse("");
        if (result.benchmark().equals(Benchmarks.CALLERS)) {
            return new Measured(result, "callers, delay " + p.delayMs() + " ms " + p.delays().spec(),
                    Load.words(p.limits(), p.protocol()) + ", M=" + p.callers() + swept, p.urls(), unit,
                    "callers-" + p.delayMs() + "ms-" + p.delays().spec(),
                    per(unit, "round of " + p.callers() + " gathers of " + p.urls()), forks, mean);
        }
        if (result.benchmark().equals(Benchmarks.LOAD)) {
            String arrivals = params.getOrDefault(Param.ARRIVALS.key, fetchbench.workload.Arrivals.uniform.name());
            boolean overload = result.forkProperty(ResultKeys.OVERLOAD).isPresent();
            return new Measured(result, "load, delay " + p.delayMs() + " ms " + p.delays().spec() + ", " + arrivals
                    + " arrivals", Load.words(p.limits(), p.protocol()) + " at " + p.rate() + "/s"
                    + (overload ? " (overload)" : "") + swept, p.urls(), unit,
                    "load-" + p.delayMs() + "ms-" + p.delays().spec() + "-" + arrivals,
                    per(unit, Benchmarks.LOAD_WINDOW.toSeconds() + " s window of arrivals"), forks, mean);
        }
        if (told.isPresent()) {
            Row row = Row.of(result, Theory.here(), calibration, false); // for its words only
            return new Measured(result, row.scenario() + ", told " + told.get() + " processors", row.setting(),
                    row.urls(), unit, row.scenarioFileName() + "-told" + told.get(),
                    per(unit, "batch of " + row.urls() + " fetches"), forks, mean);
        }
        throw new IllegalArgumentException("not a result the report reads: " + result.benchmark());
    }

    /** The method, its parameters as JMH wrote them, and the primary score in its own unit. */
    private static Measured inJmhWords(JmhRun.Result result) {
        String setting = new TreeMap<>(result.params()).entrySet().stream()
                .filter(e -> !e.getKey().equals(Param.URLS.key)).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        int urls;
        try {
            urls = Integer.parseInt(result.params().getOrDefault(Param.URLS.key, "0"));
        } catch (NumberFormatException e) {
            urls = 0;
        }
        String unit = unit(result);
        return new Measured(result, result.method() + " (" + result.mode() + ")", setting.isEmpty() ? "–" : setting,
                urls, unit, result.method(), unit, Steadiness.forkMeansMs(result.primary()),
                Row.toMillis(result.primary().score(), result.primary().unit()));
    }

    /** "ms" for a time (in any of JMH's units), else JMH's unit as it is, e.g. "ops/ms". */
    private static String unit(JmhRun.Result result) {
        return isTime(result.primary().unit()) ? "ms" : result.primary().unit();
    }

    private static String per(String unit, String what) {
        return unit.equals("ms") ? "ms per " + what : unit;
    }

    static boolean isTime(String unit) {
        return List.of("ns", "us", "ms", "s", "min").contains(unit.replace("/op", ""));
    }

    /** Pairs the results of both runs and tests B ÷ A; the pairs at one N are one family. */
    public static Matched match(JmhRun a, JmhRun b) {
        return match(measured(a), measured(b));
    }

    public static Matched match(List<Measured> a, List<Measured> b) {
        // A run from before the variants were recorded pairs by benchmark and parameters alone.
        boolean byVariant = a.stream().anyMatch(Comparison::hasVariant) && b.stream().anyMatch(Comparison::hasVariant);
        Map<String, Deque<Measured>> byKeyB = new LinkedHashMap<>();
        b.forEach(m -> byKeyB.computeIfAbsent(key(m, byVariant), k -> new ArrayDeque<>()).add(m));
        List<Measured[]> matched = new ArrayList<>();
        List<Measured> onlyA = new ArrayList<>();
        for (Measured measuredA : a) {
            Deque<Measured> same = byKeyB.get(key(measuredA, byVariant));
            Measured measuredB = same == null ? null : same.poll();
            if (measuredB == null) {
                onlyA.add(measuredA);
            } else {
                matched.add(new Measured[] {measuredA, measuredB});
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
        List<Measured> onlyB = byKeyB.values().stream().flatMap(Deque::stream).toList();
        return new Matched(List.copyOf(pairs), List.copyOf(onlyA), onlyB);
    }

    private static boolean hasVariant(Measured measured) {
        return measured.result().forkProperty(ResultKeys.VARIANT).isPresent();
    }

    /**
     * What makes two results the same measurement: benchmark and mode, parameters (a run from
     * before the connectionPool parameter used a pool sized to N), the variant, and the fork
     * properties that set a result apart: a sweep's knob, a told processor count, the overload.
     */
    static String key(Measured measured, boolean byVariant) {
        JmhRun.Result result = measured.result();
        Map<String, String> params = new TreeMap<>(result.params());
        if (params.containsKey(Param.MODEL.key)) {
            params.putIfAbsent(Param.CONNECTION_POOL.key, ConnectionPoolSize.sized.name());
        }
        List<String> apart = new ArrayList<>(List.of(ResultKeys.SWEPT, ResultKeys.TOLD_PROCESSORS, ResultKeys.OVERLOAD));
        if (byVariant) {
            apart.add(ResultKeys.VARIANT);
        }
        String properties = apart.stream().map(name -> name + "=" + result.forkProperty(name).orElse(""))
                .collect(Collectors.joining(" "));
        return result.benchmark() + " " + result.mode() + " " + params + " " + properties;
    }
}
