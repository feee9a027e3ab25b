package fetchbench.workload;

/**
 * What a URL of a workload does, and so which stub answers it and what its uptime check should
 * say. The server-side faults are WireMock's own; "refused" is a port where nothing listens.
 */
public enum Kind {
    /** 200 with a small JSON body after the URL's delay. */
    OK("delay", Health.UP),
    /** 200 with a large JSON body after the URL's delay, for the CPU-heavy shape. */
    LARGE("large", Health.UP),
    /** HTTP 500 at once. */
    SERVER_ERROR("http-500", Health.SERVER_ERROR),
    /** The server resets the connection instead of answering. */
    RESET("reset", Health.RESET),
    /** The server closes the connection without sending anything. */
    EMPTY("empty", Health.EMPTY),
    /** 200 at once, but the JSON body lacks the "status" field. */
    MALFORMED("malformed", Health.MALFORMED),
    /** Nothing listens on the port: the connection is refused. */
    REFUSED("refused", Health.DOWN);

    private final String pathName;
    private final Health health;

    Kind(String pathName, Health health) {
        this.pathName = pathName;
        this.health = health;
    }

    /** The server path of this kind of URL, e.g. {@code /fetchbench/delay/100}. */
    public String path(int delayMs) {
        return "/fetchbench/" + pathName + "/" + delayMs;
    }

    /** What an uptime check of such a URL must report. */
    public Health health() {
        return health;
    }
}
