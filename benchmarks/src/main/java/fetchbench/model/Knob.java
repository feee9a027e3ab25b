package fetchbench.model;

/**
 * What the concurrency parameter sets in a model: the one setting that bounds how many fetches
 * it has in flight. A sweep (scripts/tune.sh) varies it; the report words it.
 */
public enum Knob {
    /** The model has no such setting (a loop; structured concurrency forks one task per URL). */
    none,
    /** Threads of a fixed pool. */
    poolSize,
    /** Threads of the executor that runs the fetches or handles the responses. */
    executorSize,
    /** A semaphore's permits around each fetch. */
    permits,
    /** OkHttp's Dispatcher: maxRequestsPerHost, and in a sweep maxRequests too. */
    dispatcherLimit,
    /** Reactor's flatMap concurrency: how many inner fetches it subscribes to at once. */
    flatMapConcurrency
}
