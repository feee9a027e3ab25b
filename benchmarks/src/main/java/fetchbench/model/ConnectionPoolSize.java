package fetchbench.model;

/** How many idle connections OkHttp's pool keeps between batches (the connectionPool parameter). */
public enum ConnectionPoolSize {
    /** N: every connection of a batch is kept for the next, so no fetch pays a reconnect. */
    sized,
    /** OkHttp's own default pool, 5 idle connections: past 5 in flight, each batch reconnects. */
    okHttpDefault;

    public int connections(int urls) {
        return this == sized ? urls : Http.OKHTTP_DEFAULT_IDLE_CONNECTIONS;
    }

}
