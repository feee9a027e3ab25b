package fetchbench.model;

/**
 * The HTTP client a model fetches with, and what the suite knows about it. Each stack has its own
 * CPU cost per request, so the floor is measured once per stack and each result is read against
 * its own.
 */
public enum ClientStack {
    /** OkHttp: every model but httpClientAsync and reactor. Keeps its pool's idle connections. */
    okHttp(false) {
        @Override
        public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
            return pool.connections(urls);
        }
    },
    /**
     * The JDK's {@code java.net.http.HttpClient}: httpClientAsync. Keeps every HTTP/1.1 connection
     * but one HTTP/2 connection per host (it closes any other once its streams end).
     */
    jdkHttpClient(true) {
        @Override
        public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
            return http2 ? 1 : Integer.MAX_VALUE;
        }
    },
    /** Reactor Netty's HttpClient: reactor. Keeps up to its pool's maximum, N. */
    reactorNetty(false) {
        @Override
        public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
            return urls;
        }
    };

    private final boolean resendsOnClosedConnection;

    ClientStack(boolean resendsOnClosedConnection) {
        this.resendsOnClosedConnection = resendsOnClosedConnection;
    }

    /** The connections the stack keeps open from one batch of N to the next. */
    public abstract int keptConnections(ConnectionPoolSize pool, int urls, boolean http2);

    /**
     * Whether the client sends a GET once more when the server closes the connection without an
     * answer: the JDK's HttpClient does, OkHttp (retries off) does not. The server counts those
     * requests twice.
     */
    public boolean resendsOnClosedConnection() {
        return resendsOnClosedConnection;
    }
}
