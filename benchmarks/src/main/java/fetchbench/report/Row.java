package fetchbench.report;

import fetchbench.bench.ShapeMetrics;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Model;
import fetchbench.model.OkHttpAsync;
import fetchbench.model.Prediction;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One result of a run with what the report says about it: the model's setting in words, the
 * queueing-theory prediction, and how far the measurement is from it.
 */
public record Row(JmhRun.Result result, Model model, String setting, int urls, int delayMs,
                  String delayProfile, long seed, int concurrency, int maxRequests, double theoryMs,
                  double floorMs, String connectionPool, String sweptSetting) {

    /** Orders rows as a reader scans them: scenario, then model, then setting, then N. */
    public static final Comparator<Row> READING_ORDER = Comparator.comparing(Row::scenario)
            .thenComparing(r -> r.model().ordinal())
            .thenComparing(Row::connectionPool, Comparator.reverseOrder()) // "sized" first
            .thenComparing(Row::concurrency)
            .thenComparing(Row::maxRequests)
            .thenComparing(Row::urls);

    /**
     * The rows of a run's models (not of its bare-client calibration), predictions made for the
     * JVM that ran it where jmh.json says which, and raised to the floor where the run measured it.
     */
    public static List<Row> of(JmhRun run) {
        Calibration calibration = Calibration.of(run);
        return run.results().stream().filter(r -> !Calibration.isBare(r))
                .map(r -> of(r, predictionFor(r), calibration)).sorted(READING_ORDER).toList();
    }

    private static Prediction predictionFor(JmhRun.Result result) {
        return result.forkProperty(Prediction.DEFAULT_EXECUTOR_THREADS_PROPERTY)
                .map(threads -> new Prediction(Integer.parseInt(threads)))
                .orElseGet(Prediction::here);
    }

    static Row of(JmhRun.Result result, Prediction prediction, Calibration calibration) {
        Map<String, String> p = result.params();
        Model model = Model.byName(p.get("model"));
        int urls = Integer.parseInt(p.get("urls"));
        int delayMs = Integer.parseInt(p.get("delayMs"));
        int concurrency = Integer.parseInt(p.getOrDefault("concurrency", "0"));
        int maxRequests = Integer.parseInt(p.getOrDefault("maxRequests", "0"));
        String delayProfile = p.getOrDefault("delayProfile", "fixed");
        long seed = Long.parseLong(p.getOrDefault("seed", "0"));
        Shape shape = Shape.byMethod(result.method());
        JmhRun.Metric work = result.secondary().get(ShapeMetrics.WORK);
        JmhRun.Metric workAllCores = result.secondary().get(ShapeMetrics.WORK_ALL_CORES);
        double cpuWorkMs = work == null ? 0 : work.score();
        double cpuWorkAllCoresMs = workAllCores == null ? cpuWorkMs : workAllCores.score();
        int cores = result.forkProperty(JmhRun.CORES_PROPERTY).map(Integer::parseInt)
                .orElse(Runtime.getRuntime().availableProcessors());
        double theoryMs = shape.predictMs(prediction, model, urls, delayMs, Delays.parse(delayProfile), seed,
                concurrency, maxRequests, new Shape.CpuCost(cpuWorkMs, cpuWorkAllCoresMs, cores));
        String connectionPool = p.getOrDefault("connectionPool", ConnectionPoolSize.SIZED.paramName());
        String setting = setting(shape, model, concurrency, maxRequests)
                + (connectionPool.equals(ConnectionPoolSize.SIZED.paramName()) ? "" : " [OkHttp's default pool]");
        return new Row(result, model, setting, urls, delayMs, delayProfile, seed, concurrency, maxRequests, theoryMs,
                calibration.floorMs(urls), connectionPool, result.forkProperty(JmhRun.SWEEP_PROPERTY).orElse(""));
    }

    /** Queueing theory, but never below the floor: max(⌈N/c⌉·d, floor). */
    public double predictedMs() {
        return Double.isNaN(floorMs) ? theoryMs : Math.max(theoryMs, floorMs);
    }

    /** The model and its setting in words, e.g. "okHttpAsync (5/host, 64 total)". */
    static String setting(Shape shape, Model model, int concurrency, int maxRequests) {
        if (shape == Shape.WORKERS) {
            return model.paramName() + (model == Model.SEQUENTIAL ? " (1 worker)" : " (" + concurrency + " workers)");
        }
        return switch (model) {
            case SEQUENTIAL, STRUCTURED -> model.paramName();
            case VIRTUAL_THREADS -> model.paramName() + (concurrency == 0 ? "" : " (at most " + concurrency + ")");
            case HTTP_CLIENT_ASYNC -> model.paramName()
                    + (concurrency == 0 ? " (default executor)" : " (executor of " + concurrency + ")");
            case THREAD_POOL -> model.paramName() + " (k=" + concurrency + ")";
            case COMPLETABLE_FUTURE -> model.paramName()
                    + (concurrency == 0 ? " (default executor)" : " (pool of " + concurrency + ")");
            case OK_HTTP_ASYNC -> model.paramName() + " ("
                    + (concurrency == 0 ? OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST : concurrency) + "/host, " + maxRequests + " total)";
        };
    }

    /** What the numbers of one chart share: benchmark, delay and its profile; N too for a sweep. */
    public String scenario() {
        return (isSweep() ? "sweep at N=" + urls + ": " : "") + result.method() + ", delay " + delayMs + " ms "
                + delayProfile + ("fixed".equals(delayProfile) ? "" : " (seed " + seed + ")");
    }

    /** The scenario as a file-name prefix, e.g. "fetchAll-100ms-fixed" or "sweep-N100-fetchAll-20ms-fixed". */
    public String scenarioFileName() {
        return (isSweep() ? "sweep-N" + urls + "-" : "") + result.method() + "-" + delayMs + "ms-" + delayProfile
                + ("fixed".equals(delayProfile) ? "" : "-seed" + seed);
    }

    /** Whether this result is one setting of a sweep (scripts/tune.sh, or the default run's small one). */
    public boolean isSweep() {
        return !sweptSetting.isEmpty();
    }

    public Shape shape() {
        return Shape.byMethod(result.method());
    }

    public double measuredMs() {
        return toMillis(result.primary().score(), result.primary().unit());
    }

    public double errorMs() {
        return toMillis(result.primary().error(), result.primary().unit());
    }

    /** Measured ÷ predicted: 1 is the theory exactly, 2 takes twice as long. */
    public double ratio() {
        return predictedMs() > 0 ? measuredMs() / predictedMs() : Double.NaN;
    }

    /** Predicted ÷ measured: 1 is as fast as theory allows. */
    public double efficiency() {
        return measuredMs() > 0 ? predictedMs() / measuredMs() : Double.NaN;
    }

    static double toMillis(double value, String unit) {
        return switch (unit.replace("/op", "")) {
            case "ns" -> value / 1e6;
            case "us" -> value / 1e3;
            case "s" -> value * 1e3;
            case "min" -> value * 60e3;
            default -> value;
        };
    }
}
