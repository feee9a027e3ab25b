package fetchbench.result;

import fetchbench.catalog.Variant;


/**
 * The facts a run records with every result besides JMH's parameters, as {@code -D} properties of
 * the forks, which JMH writes into jmh.json. The launcher writes them; the report reads them.
 */
public final class ResultKeys {

    /** The cores of the benchmarked machine. */
    public static final String CORES = "fetchbench.cores";
    /** The threads CompletableFuture's default async executor runs at once on the forks' JVM. */
    public static final String DEFAULT_EXECUTOR_THREADS = "fetchbench.defaultExecutorThreads";
    /**
     * The processors a fork was told it has ({@code -XX:ActiveProcessorCount}), where it was told:
     * the cost profile's cpus axis. The machine's cores stay {@link #CORES}.
     */
    public static final String TOLD_PROCESSORS = "fetchbench.toldProcessors";
    /** SERVER:FORKS, the CPUs of the server and of the forks where the run pinned them with taskset. */
    public static final String TASKSET = "fetchbench.taskset";
    /** The command that reproduces the run. */
    public static final String COMMAND = "fetchbench.command";
    /** The git commit of the code that made the run, and whether it had uncommitted changes. */
    public static final String SOURCE = "fetchbench.source";
    /** The server check's result, in words. */
    public static final String SERVER_CHECK = "fetchbench.serverCheck";
    /** What the server's warm-up before the run did: {@link ServerWarmUpOutcome}. */
    public static final String SERVER_WARM_UP = "fetchbench.serverWarmUp";
    /** The server's CPU per request with the template and with the extension that echo the index: {@link EchoCostOutcome}. */
    public static final String ECHO_COST = "fetchbench.echoCost";
    /** The N at which the server check failed ("100,1000"), empty when it passed everywhere. */
    public static final String SERVER_CHECK_FAILED = "fetchbench.serverCheckFailed";
    /** What the plan left out and why (a model this JVM cannot run, a budget): {@link Notes}. */
    public static final String NOTES = "fetchbench.notes";
    /** The {@link Variant} a result measured. */
    public static final String VARIANT = "fetchbench.variant";
    /** The local server's HTTP/2 stream limit (SETTINGS_MAX_CONCURRENT_STREAMS). */
    public static final String MAX_CONCURRENT_STREAMS = "fetchbench.maxConcurrentStreams";
    /** What each client stack did with twice that many requests at once: {@link ProbeOutcome}s. */
    public static final String STREAM_LIMIT_PROBE = "fetchbench.streamLimitProbe";
    /** "true" in a tuning run of the user's own workload (scripts/tune.sh), not a profile's example sweep. */
    public static final String TUNING = "fetchbench.tuning";
    /** For one setting of a sweep: the {@link fetchbench.catalog.Knob} swept. */
    public static final String SWEPT = "fetchbench.swept";

    private ResultKeys() {
    }

    /** What the load's rates were predicted from, and so what they predict: {@link fetchbench.theory.LoadPrediction#encode}. */
    public static final String LOAD_PREDICTION = "fetchbench.loadPrediction";
    /** "true" on the load's overloaded rate, which measures the backlog's growth, not a p99. */
    public static final String OVERLOAD = "fetchbench.overload";

    /** The p99 bound of a load run, in ms, where the user gave one (scripts/tune.sh --p99). */
    public static final String P99_BOUND = "fetchbench.p99Ms";
}
