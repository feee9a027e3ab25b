package fetchbench.analysis;

import fetchbench.result.JmhRun;

import fetchbench.result.Benchmarks;

import fetchbench.result.Metrics;

import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Knob;
import fetchbench.catalog.Model;
import fetchbench.model.Protocol;
import fetchbench.result.ResultKeys;
import fetchbench.result.ResultParams;
import fetchbench.catalog.Variant;
import fetchbench.server.ServerSettings;
import fetchbench.theory.CpuCost;
import fetchbench.catalog.Limits;
import fetchbench.theory.Scenario;
import fetchbench.theory.Theory;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import fetchbench.stats.ForkMeans;

/**
 * One result of a run with what the report says about it: the model's setting in words, the
 * queueing-theory prediction, and how far the measurement is from it.
 */
public record Row(JmhRun.Result result, Model model, int urls, int delayMs,
                  Delays delays, long seed, int concurrency, int maxRequests, double theoryMs,
                  double floorMs, double bandFloorMs, ConnectionPoolSize connectionPool, Optional<Variant> variant, Optional<Knob> swept,
                  Protocol protocol, int predictedConnections, double newConnectionMs, boolean drifting) {


    /** Orders rows as a reader scans them: scenario, then model, then setting, then N. */
    public static final Comparator<Row> READING_ORDER = Comparator.comparing(Row::shape) // the docs' order
            .thenComparing(Row::scenarioKey, ScenarioKey.ORDER)
            .thenComparing(r -> r.model().ordinal())
            .thenComparing(Row::connectionPool) // sized first
            .thenComparing(Row::concurrency)
            .thenComparing(Row::maxRequests)
            .thenComparing(Row::urls);

    /**
     * The rows of a run's models (not of its bare-client calibration, nor the forks told another
     * processor count: {@link ToldProcessors}), predictions made for the JVM that ran it where
     * jmh.json says which, and raised to the floor where the run measured it.
     */
    public static List<Row> of(JmhRun run) {
        Calibration calibration = Calibration.of(run);
        Set<JmhRun.Result> drifting = Steadiness.drifting(run.results());
        return run.results().stream().filter(r -> !Calibration.isBare(r) && !isUnderLoad(r) && !ToldProcessors.wasTold(r))
                .map(r -> of(r, theoryFor(r), calibration, drifting.contains(r))).sorted(READING_ORDER).toList();
    }

    /** A result of the gather under load: {@link Load}'s, not a row of the shapes' tables. */
    public static boolean isUnderLoad(JmhRun.Result result) {
        return result.benchmark().equals(Benchmarks.CALLERS)
                || result.benchmark().equals(Benchmarks.LOAD);
    }

    private static Theory theoryFor(JmhRun.Result result) {
        return result.forkProperty(ResultKeys.DEFAULT_EXECUTOR_THREADS)
                .map(threads -> new Theory(Integer.parseInt(threads)))
                .orElseGet(Theory::here);
    }

    /** One result; {@code drifting} when its measured batches still trend ({@link Steadiness#drifting}). */
    public static Row of(JmhRun.Result result, Theory theory, Calibration calibration, boolean drifting) {
        ResultParams p = ResultParams.decode(result.params());
        Model model = p.model();
        int urls = p.urls();
        int delayMs = p.delayMs();
        int concurrency = p.concurrency();
        int maxRequests = p.maxRequests();
        Delays delays = p.delays();
        long seed = p.seed();
        Shape shape = Shape.ofBenchmark(result.benchmark());
        JmhRun.Metric work = result.secondary().get(Metrics.WORK);
        JmhRun.Metric workAllCores = result.secondary().get(Metrics.WORK_ALL_CORES);
        double cpuWorkMs = work == null ? 0 : work.score();
        double cpuWorkAllCoresMs = workAllCores == null ? cpuWorkMs : workAllCores.score();
        int cores = result.forkProperty(ResultKeys.CORES).map(Integer::parseInt)
                .orElse(Runtime.getRuntime().availableProcessors());
        double theoryMs = theory.predictMs(Scenario.of(shape, new Limits(model, concurrency, maxRequests), urls,
                delayMs, delays, seed, new CpuCost(cpuWorkMs, cpuWorkAllCoresMs, cores)));
        ConnectionPoolSize connectionPool = p.connectionPool();
        Protocol protocol = p.protocol();
        int maxStreams = result.forkProperty(ResultKeys.MAX_CONCURRENT_STREAMS).map(Integer::parseInt)
                .orElse(ServerSettings.DEFAULT_MAX_CONCURRENT_STREAMS);
        boolean http2 = protocol.version() == Protocol.HttpVersion.HTTP_2;
        int kept = model.clientStack().keptConnections(connectionPool, urls, http2);
        int predictedConnections = theory.newConnections(new Limits(model, concurrency, maxRequests), urls,
                http2 && model.clientStack().multiplexesHttp2(), maxStreams, kept);
        double floorMs = calibration.floorMs(model.clientStack(), protocol, urls);
        int slots = theory.slots(new Limits(model, concurrency, maxRequests), urls);
        // Each wave of a gather capped below N pays the stack's time for its cap in flight, where the run
        // measured the floor at (or below) the cap; else the floor at N once, as before.
        double floorAtCap = calibration.floorBetweenMeasured(model.clientStack(), protocol, slots);
        double bandFloorMs = shape == Shape.gather && slots < urls && !Double.isNaN(floorAtCap)
                ? Theory.waves(urls, slots) * floorAtCap : floorMs;
        return new Row(result, model, urls, delayMs, delays, seed, concurrency, maxRequests, theoryMs,
                floorMs, bandFloorMs, connectionPool,
                result.forkProperty(ResultKeys.VARIANT).map(Variant::valueOf),
                result.forkProperty(ResultKeys.SWEPT).map(Knob::valueOf), protocol, predictedConnections,
                protocol.tls() ? calibration.newConnectionMs(model.clientStack(), urls) : Double.NaN, drifting);
    }

    /** The new connections a batch opened, by the server's count, on average; NaN where it did not count. */
    public double connectionsPerBatch() {
        JmhRun.Metric connects = result.secondary().get(Metrics.CONNECTIONS);
        return connects == null ? Double.NaN : connects.score();
    }

    /** What bounds the model's requests in flight in this result. */
    public Limits limits() {
        return new Limits(model, concurrency, maxRequests);
    }

    /** Requests the model can have in flight at this N, for the JVM that ran it. */
    public int slots() {
        return theoryFor(result).slots(limits(), urls);
    }

    /** Queueing theory, but never below the floor: max(⌈N/c⌉·d, floor). */
    public double predictedMs() {
        return Theory.withFloor(theoryMs, floorMs);
    }

    /**
     * What the results of one setting share, whatever their N: the key the report groups them by
     * (the words are {@link #setting()}'s, made from it).
     */
    public record SettingKey(Shape shape, Model model, int concurrency, int maxRequests,
                             ConnectionPoolSize connectionPool) {
    }

    /** What the numbers of one chart share (the words are {@link #scenario()}'s, made from it). */
    public record ScenarioKey(Shape shape, boolean sweep, int sweepUrls, int delayMs, Delays delays, long seed,
                              Protocol protocol) {

        /** The order a reader scans scenarios in: the plain runs before the sweeps, then by delay, spread, seed, protocol. */
        public static final Comparator<ScenarioKey> ORDER = Comparator.comparing(ScenarioKey::shape)
                .thenComparing(ScenarioKey::sweep).thenComparingInt(ScenarioKey::sweepUrls)
                .thenComparingInt(ScenarioKey::delayMs).thenComparing(k -> k.delays().profile())
                .thenComparingDouble(k -> k.delays().spreadParam()).thenComparingLong(ScenarioKey::seed)
                .thenComparing(ScenarioKey::protocol);
    }

    public SettingKey settingKey() {
        return new SettingKey(shape(), model, concurrency, maxRequests, connectionPool);
    }

    public ScenarioKey scenarioKey() {
        boolean fixed = delays.profile() == DelayProfile.fixed;
        return new ScenarioKey(shape(), isSweep(), isSweep() ? urls : 0, delayMs, delays, fixed ? 0 : seed, protocol);
    }

    /** The model and its setting in words, e.g. "okHttpAsync (5/host, 64 total)". */
    public String setting() {
        return setting(shape(), model, concurrency, maxRequests)
                + (connectionPool == ConnectionPoolSize.sized ? "" : " [OkHttp's default pool]");
    }

    /** The model and its setting in words, e.g. "okHttpAsync (5/host, 64 total)". */
    public static String setting(Shape shape, Model model, int concurrency, int maxRequests) {
        Limits limits = new Limits(model, concurrency, maxRequests);
        if (shape == Shape.workers) {
            int workers = model.card().workers(limits);
            return model.name() + " (" + workers + (workers == 1 ? " worker)" : " workers)");
        }
        return model.name() + model.card().settingWords(limits);
    }

    /** What the numbers of one chart share: benchmark, delay and its profile, the protocol; N too for a sweep. */
    public String scenario() {
        return (isSweep() ? "sweep at N=" + urls + ": " : "") + result.method() + ", delay " + delayMs + " ms "
                + delays.spec() + (delays.profile() == DelayProfile.fixed ? "" : " (seed " + seed + ")")
                + (protocol == Protocol.http1 ? "" : ", over " + protocol);
    }

    /** The scenario as a file-name prefix, e.g. "gather-100ms-fixed" or "sweep-N100-gather-20ms-fixed". */
    public String scenarioFileName() {
        return (isSweep() ? "sweep-N" + urls + "-" : "") + result.method() + "-" + delayMs + "ms-" + delays.spec()
                + (delays.profile() == DelayProfile.fixed ? "" : "-seed" + seed)
                + (protocol == Protocol.http1 ? "" : "-" + protocol);
    }

    /** Whether this result is one setting of a sweep (scripts/tune.sh, or the default run's small one). */
    public boolean isSweep() {
        return swept.isPresent();
    }

    public Shape shape() {
        return Shape.ofBenchmark(result.benchmark());
    }

    public double measuredMs() {
        return toMillis(result.primary().score(), result.primary().unit());
    }


    /** The median batch, in ms, beside the mean that is the score. */
    public double medianMs() {
        return toMillis(result.primary().median(), result.primary().unit());
    }

    /**
     * Why this result was not in steady state, if it was not: a fork's warm-up ran out of time
     * before its batches stopped trending; or, for a gather with a pool sized to N, its measured
     * batches opened connections, or a fork's platform threads kept growing.
     */
    public Optional<String> notSteady() {
        Optional<String> warmUp = Steadiness.warmUpCapped(result);
        if (warmUp.isPresent() || shape() != Shape.gather || connectionPool != ConnectionPoolSize.sized) {
            return warmUp;
        }
        return Steadiness.reconnected(result, urls).or(() -> Steadiness.threadsGrew(result, urls));
    }

    /** Whether a verdict may rest on this result: steady, not drifting, the server check passed at its N, the server on time. */
    public boolean trusted() {
        return !drifting && notSteady().isEmpty() && !serverCheckFailed() && serverLateMs().isEmpty();
    }

    /** A batch whose server answered this much later than asked, at its p99, marks the result: 5 % of the delay … */
    public static final double SERVER_LATE_SHARE = 0.05;
    /** … but never less than this, in ms (a millisecond's jitter is not a late server). */
    public static final double SERVER_LATE_MIN_MS = 2;

    /** Where the server's lateness p99 passed the mark in any measured batch: the worst batch's, in ms. */
    public Optional<Double> serverLateMs() {
        JmhRun.Metric late = result.secondary().get(Metrics.SERVER_LATE_P99);
        if (late == null) {
            return Optional.empty();
        }
        double worst = late.batches().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return worst > serverLateMarkMs() ? Optional.of(worst) : Optional.empty();
    }

    public double serverLateMarkMs() {
        return Math.max(SERVER_LATE_SHARE * delayMs, SERVER_LATE_MIN_MS);
    }

    /** The sum of a metric over every measured batch, and how many batches; empty where the run did not record it. */
    public Optional<double[]> secondaryTotal(String metric) {
        JmhRun.Metric value = result.secondary().get(metric);
        return value == null ? Optional.empty() : Optional.of(new double[] {
                value.batches().stream().mapToDouble(Double::doubleValue).sum(), value.batches().size()});
    }

    /** The mean of a metric over every measured batch; NaN where the run did not record it. */
    public double secondaryMean(String metric) {
        JmhRun.Metric value = result.secondary().get(metric);
        return value == null ? Double.NaN : ForkMeans.of(value.raw()).mean();
    }

    /**
     * How busy the client and the server kept the machine's cores in a batch: their CPU per request
     * times the requests, over the cores times the batch time; NaN where the run did not record both.
     */
    public double coresBusy() {
        int cores = result.forkProperty(ResultKeys.CORES).map(Integer::parseInt).orElse(Runtime.getRuntime().availableProcessors());
        double cpuMs = (secondaryMean(Metrics.CLIENT_CPU) + secondaryMean(Metrics.SERVER_CPU)) * urls / 1000;
        return cpuMs / (cores * measuredMs());
    }

    /** Whether the server check failed at this result's N: then it measures the server, not the model. */
    public boolean serverCheckFailed() {
        return result.forkProperty(ResultKeys.SERVER_CHECK_FAILED)
                .map(failed -> List.of(failed.split(",")).contains(String.valueOf(urls))).orElse(false);
    }

    /** What casts doubt on this result, in words: empty when nothing does. */
    public String flags() {
        List<String> flags = new ArrayList<>();
        if (drifting) {
            flags.add("drifting: its measured batches still trend");
        }
        notSteady().ifPresent(why -> flags.add("not steady: " + why));
        if (serverCheckFailed()) {
            flags.add("server check failed at N=" + urls);
        }
        serverLateMs().ifPresent(late -> flags.add(String.format(Locale.ROOT,
                "server late: its p99 reached %.1f ms past the delay in a batch (mark %.1f ms)", late, serverLateMarkMs())));
        if (bandTooWide()) {
            flags.add("band too wide to judge by (over half its ideal)");
        }
        return String.join("; ", flags);
    }

    /** The result fork by fork: each fork's mean batch time, in ms. */
    public ForkMeans forkMeans() {
        return Steadiness.forkMeansMs(result.primary());
    }

    /**
     * Half the {@value ForkMeans#LEVEL} interval of the mean, from the variance between forks (NaN
     * with one fork). JMH's own error, which pools the batches of all forks, stays in jmh.json.
     */
    public double halfWidthMs() {
        return forkMeans().halfWidth();
    }

    /**
     * The top of the predicted band: the ideal plus the stack's own time (the floor at N, or for a
     * gather capped below N, where the run measured the floor at its cap, that floor once per wave;
     * nothing where the run measured no floor), plus over TLS what the predicted new connections
     * cost the stack.
     */
    public double bandTopMs() {
        return theoryMs + (Double.isNaN(bandFloorMs) ? 0 : bandFloorMs)
                + (Double.isNaN(newConnectionMs) ? 0 : predictedConnections * newConnectionMs);
    }

    /** Measured ÷ the ideal (waves × d, or the greedy schedule): 1 is the schedule exactly. */
    public double ratioToIdeal() {
        return theoryMs > 0 ? measuredMs() / theoryMs : Double.NaN;
    }

    /** Where the measurement's fork interval lies against the band [ideal, ideal + floor]. */
    public Theory.Placement placement() {
        double half = halfWidthMs();
        return Theory.placement(measuredMs() - half, measuredMs() + half, theoryMs, bandTopMs() - theoryMs);
    }

    /** Whether the band is too wide to judge this result by (over half its ideal). */
    public boolean bandTooWide() {
        return Theory.tooWide(theoryMs, bandTopMs());
    }

    /** Measured ÷ predicted: 1 is the theory exactly, 2 takes twice as long. */
    public double ratio() {
        return predictedMs() > 0 ? measuredMs() / predictedMs() : Double.NaN;
    }

    public static double toMillis(double value, String unit) {
        return switch (unit.replace("/op", "")) {
            case "ns" -> value / 1e6;
            case "us" -> value / 1e3;
            case "s" -> value * 1e3;
            case "min" -> value * 60e3;
            default -> value;
        };
    }
}
