package fetchbench.result;

/** The files of a run folder, and environment.json's fields for a run that stopped early. */
public final class RunFolder {

    public static final String JMH_JSON = "jmh.json";
    public static final String ENVIRONMENT_JSON = "environment.json";
    /** environment.json's fields for a run that stopped early: false, and why. */
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
    /** JMH's own console output, step after step. */
    public static final String JMH_LOG = "jmh.log";
    /** The load benchmark's HdrHistogram logs, one per fork ({@link LatencyLog}). */
    public static final String LATENCY_LOGS = "latency";

    private RunFolder() {
    }
}
