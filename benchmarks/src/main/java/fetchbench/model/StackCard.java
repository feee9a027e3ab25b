package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A client stack's card: what the suite knows of one HTTP client apart from the models that fetch
 * with it: its bare client (the floor, what a setting adds to it, and the server check fetch with
 * it), the protocols it cannot speak, and how many connections its pool opens and keeps. A new
 * stack is a card, a constant of {@link ClientStack}, and a model card that names it.
 */
public interface StackCard {

    /** One blocking GET that reads the body: the HTTP version the answer came in, and its status. */
    interface Get {
        Reply fetch(URI url) throws Exception;
    }

    record Reply(Protocol.HttpVersion version, int status) {
    }

    /** A configured client for the bare fetches, and how to close it. */
    record Bare(Get get, Runnable close) {
    }

    /** The client with the models' configuration, for up to {@code connections} at once, without the in-flight gauge. */
    Bare bare(int connections, Duration longestResponse, Transport transport);

    /** The connections the stack keeps open from one batch of N to the next. */
    int keptConnections(ConnectionPoolSize pool, int urls, boolean http2);

    /** The connections its pool may open for N URLs: N, unless the stack's pool is a setting of the run. */
    default int poolConnections(ConnectionPoolSize pool, int urls) {
        return urls;
    }

    /**
     * Whether the client sends a GET once more when the server closes the connection without an
     * answer; the server then counts those requests twice.
     */
    default boolean resendsOnClosedConnection() {
        return false;
    }

    /**
     * Whether over HTTP/2 it runs many streams on one connection; a stack that runs one stream per
     * connection (Apache's pooling manager) needs a connection per request in flight, as over HTTP/1.1.
     */
    default boolean multiplexesHttp2() {
        return true;
    }

    /**
     * Whether, asked for h2, it offers HTTP/1.1 too by ALPN, so a server without HTTP/2 answers in
     * HTTP/1.1 (which the models refuse by the response's version); a stack that offers h2 alone
     * fails at the handshake instead.
     */
    default boolean offersHttp1BesideH2() {
        return true;
    }

    /** Why it cannot speak {@code protocol}, if it cannot. */
    default Optional<String> cannotSpeak(Protocol protocol) {
        return Optional.empty();
    }
}
