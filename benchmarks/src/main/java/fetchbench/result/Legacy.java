package fetchbench.result;

import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Model;
import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import fetchbench.catalog.Variant;
import fetchbench.workload.Delays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs recorded before the parameters were typed (results up to 2026-11-22) name shapes by their
 * old methods, OkHttp's default pool "okhttp-default", a spread inside the delay profile, and a
 * sweep by a sentence. This reads such a result in today's names, so the report and compare.sh
 * treat old and new runs alike; a result in today's names passes unchanged.
 */
public final class Legacy {

    /** Old benchmark class.method → today's. */
    private static final Map<String, String> BENCHMARKS = Map.of(
            "FetchAllBenchmark.fetchAll", "GatherBenchmark.gather",
            "WorkersBenchmark.drainQueue", "WorkersBenchmark.workers",
            "FirstCompletedBenchmark.firstCompleted", "RaceBenchmark.race",
            "DeadlineBenchmark.withinDeadline", "DeadlineBenchmark.deadline",
            "FailuresBenchmark.uptimeCheck", "FailuresBenchmark.failures",
            "CpuHeavyBenchmark.fetchAndHash", "CpuHeavyBenchmark.cpuHeavy",
            "BareClientBenchmark.fetchAll", "BareClientBenchmark.gather");
    /** How an old run marked a sweep: a sentence that today is the variant and swept keys. */
    private static final String OLD_SWEEP_PROPERTY = "fetchbench.sweepOf";

    private Legacy() {
    }

    public static String benchmark(String name) {
        int dot = name.lastIndexOf('.', name.lastIndexOf('.') - 1);
        String renamed = BENCHMARKS.get(name.substring(dot + 1));
        return renamed == null ? name : name.substring(0, dot + 1) + renamed;
    }

    /** The parameters in today's names and values; changes {@code params} in place. */
    public static void params(Map<String, String> params) {
        String pool = Param.CONNECTION_POOL.key;
        if ("okhttp-default".equals(params.get(pool))) {
            params.put(pool, ConnectionPoolSize.okHttpDefault.name());
        }
        String profile = params.get(Param.DELAY_PROFILE.key);
        if (profile != null && !params.containsKey(Param.SPREAD)) {
            Delays delays = Delays.parse(profile);
            params.put(Param.DELAY_PROFILE.key, delays.profile().name());
            params.put(Param.SPREAD, String.valueOf(delays.spreadParam()));
        }
    }

    /** The fork arguments with an old sweep's sentence turned into today's variant and swept keys. */
    public static List<String> jvmArgs(List<String> jvmArgs, Map<String, String> params) {
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-D" + OLD_SWEEP_PROPERTY + "="))) {
            return jvmArgs;
        }
        Model model = Model.valueOf(params.get(Param.MODEL.key));
        Variant variant = Variant.swept(model, ConnectionPoolSize.valueOf(params.getOrDefault(Param.CONNECTION_POOL.key, ConnectionPoolSize.sized.name())))
                .orElseThrow(() -> new IllegalArgumentException("a sweep of " + model + ", which has no setting to sweep"));
        List<String> today = new ArrayList<>(jvmArgs.stream()
                .filter(a -> !a.startsWith("-D" + OLD_SWEEP_PROPERTY + "=")).toList());
        today.add("-D" + ResultKeys.VARIANT + "=" + variant);
        today.add("-D" + ResultKeys.SWEPT + "=" + model.knob());
        return today;
    }
}
