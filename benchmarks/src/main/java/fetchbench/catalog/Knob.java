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
    dispatcherLimit("maxRequestsPerHost = maxRequests"),
    /** Reactor's flatMap concurrency: how many inner fetches it subscribes to at once. */
    flatMapConcurrency("flatMap concurrency");

    private final String words;

    Knob(String words) {
        this.words = words;
    }

    /** What the knob is, in the report's words. */
    public String words() {
        return words;
    }
}
