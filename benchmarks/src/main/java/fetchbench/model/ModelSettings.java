package fetchbench.model;

import java.time.Duration;

/**
 * The knobs a model may use. Which ones apply is the model's business; see {@code fetchbench.catalog.Model}.
 *
 * @param concurrency     pool size (threadPool, completableFuture, httpClientAsync's executor),
 *                        Dispatcher maxRequestsPerHost (okHttpAsync), permits (virtualThreads);
 *                        0 means the model's own default
 * @param maxRequests     OkHttp Dispatcher maxRequests, Apache pool max total, Jetty requests queued per destination; 0 = the default
 * @param connections     idle connections OkHttp's pool keeps: N so no fetch pays a reconnect, or
 *                        OkHttp's own default of 5 to see what reconnecting costs
 * @param longestResponse the slowest response expected; timeouts are set well above it
 * @param inFlight        counts requests on the wire, so tests can see the real concurrency
 * @param bodyWork        what each response body goes through on the model's threads
 * @param transport       the protocol the client speaks, and what it trusts over TLS
 */
public record ModelSettings(int concurrency, int maxRequests, int connections, Duration longestResponse,
                            InFlight inFlight, BodyWork bodyWork, Transport transport) {

    public ModelSettings {
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be >= 0, got " + concurrency);
        }
        if (maxRequests < 0) {
            throw new IllegalArgumentException("maxRequests must be >= 0, got " + maxRequests);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be >= 1, got " + connections);
        }
    }

    /** Settings over HTTP/1.1 in cleartext. */
    public ModelSettings(int concurrency, int maxRequests, int connections, Duration longestResponse,
                         InFlight inFlight, BodyWork bodyWork) {
        this(concurrency, maxRequests, connections, longestResponse, inFlight, bodyWork, Transport.PLAIN);
    }

    /** Settings whose bodies are taken as they are. */
    public ModelSettings(int concurrency, int maxRequests, int connections, Duration longestResponse,
                         InFlight inFlight) {
        this(concurrency, maxRequests, connections, longestResponse, inFlight, BodyWork.NONE);
    }

    /** The same settings over another transport. */
    public ModelSettings with(Transport other) {
        return new ModelSettings(concurrency, maxRequests, connections, longestResponse, inFlight, bodyWork, other);
    }
}
