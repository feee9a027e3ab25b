package fetchbench.result;

/** The files of a run folder, and environment.json's fields for a run that stopped early. */
public final class RunFolder {

    public static final String JMH_JSON = "jmh.json";
    public static final String ENVIRONMENT_JSON = "environment.json";
    /** environment.json's fields for a run that stopped early: false, and why. */
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
    /** JMH's own console output, step after step, while the run lasts. */
    public static final String JMH_LOG = "jmh.log";
    /** The same, compressed when the run ends, so that a run folder stays within 5 MB. */
    public static final String JMH_LOG_GZ = "jmh.log.gz";
    /** The load benchmark's HdrHistogram logs, one per fork ({@link LatencyLog}). */
    public static final String LATENCY_LOGS = "latency";

    private RunFolder() {
    }
}
