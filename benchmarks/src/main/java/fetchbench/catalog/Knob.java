package fetchbench.catalog;

/**
 * What the concurrency parameter sets in a model: the one setting that bounds how many fetches
 * it has in flight. A sweep (scripts/tune.sh) varies it; the report words it.
 */
public enum Knob {
    /** The model has no such setting (a loop; structured concurrency forks one task per URL). */
    none("nothing"),
    /** Threads of a fixed pool. */
    poolSize("pool size k"),
    /** Threads of the executor that runs the fetches or handles the responses. */
    executorSize("executor size"),
    /** A semaphore's permits around each fetch. */
    permits("semaphore permits"),
    /** OkHttp's Dispatcher: maxRequestsPerHost, and in a sweep maxRequests too. */
    dispatcherLimit("maxRequestsPerHost = maxRequests", true),
    /** Apache HttpClient's connection pool: max per route, and in a sweep max total too. */
    poolLimit("maxPerRoute = maxTotal", true),
    /** Jetty's HttpClient: connections per destination. */
    connectionsPerDestination("maxConnectionsPerDestination"),
    /** Reactor's flatMap concurrency: how many inner fetches it subscribes to at once. */
    flatMapConcurrency("flatMap concurrency");

    private final String words;
    private final boolean sweptWithMaxRequests;

    Knob(String words) {
        this(words, false);
    }

    Knob(String words, boolean sweptWithMaxRequests) {
        this.words = words;
        this.sweptWithMaxRequests = sweptWithMaxRequests;
    }

    /** Whether a sweep sets maxRequests to each k too: two limits that must both reach N. */
    public boolean sweptWithMaxRequests() {
        return sweptWithMaxRequests;
    }

    /** What the knob is, in the report's words. */
    public String words() {
        return words;
    }
}
