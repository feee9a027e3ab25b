package fetchbench.model;


/** How many idle connections OkHttp's pool keeps between batches (the connectionPool parameter). */
public enum ConnectionPoolSize {
    /** N: every connection of a batch is kept for the next, so no fetch pays a reconnect. */
    SIZED("sized"),
    /** OkHttp's own default pool, 5 idle connections: past 5 in flight, each batch reconnects. */
    OKHTTP_DEFAULT("okhttp-default");

    private final String paramName;

    ConnectionPoolSize(String paramName) {
        this.paramName = paramName;
    }

    public String paramName() {
        return paramName;
    }

    public int connections(int urls) {
        return this == SIZED ? urls : Http.OKHTTP_DEFAULT_IDLE_CONNECTIONS;
    }

    public static ConnectionPoolSize byName(String name) {
        return ParamNames.byName(values(), ConnectionPoolSize::paramName, "connection pool", name);
    }

    public static String allowedNames() {
        return ParamNames.allowedNames(values(), ConnectionPoolSize::paramName);
    }
}
