package fetchbench.model;

import java.util.Optional;

/**
 * The HTTP clients the models fetch with, each with its card. Each stack has its own CPU cost per
 * request, so the floor is measured once per stack and each result is read against its own.
 */
public enum ClientStack {
    okHttp(new OkHttpStack()),
    jdkHttpClient(new JdkHttpClientStack()),
    reactorNetty(new ReactorNettyStack()),
    apacheAsync(new ApacheAsyncStack()),
    apacheClassic(new ApacheClassicStack()),
    jetty(new JettyStack());

    private final StackCard card;

    ClientStack(StackCard card) {
        this.card = card;
    }

    public StackCard card() {
        return card;
    }

    /** The connections the stack keeps open from one batch of N to the next. */
    public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
        return card.keptConnections(pool, urls, http2);
    }

    /** The connections its pool may open for N URLs. */
    public int poolConnections(ConnectionPoolSize pool, int urls) {
        return card.poolConnections(pool, urls);
    }

    /** Whether the server counts a GET twice when it closed the connection without an answer. */
    public boolean resendsOnClosedConnection() {
        return card.resendsOnClosedConnection();
    }

    /** Whether over HTTP/2 it runs many streams on one connection ({@link StackCard#multiplexesHttp2}). */
    public boolean multiplexesHttp2() {
        return card.multiplexesHttp2();
    }

    /** Whether, asked for h2, it offers HTTP/1.1 too ({@link StackCard#offersHttp1BesideH2}). */
    public boolean offersHttp1BesideH2() {
        return card.offersHttp1BesideH2();
    }

    /** Why it cannot speak {@code protocol}, if it cannot. */
    public Optional<String> cannotSpeak(Protocol protocol) {
        return card.cannotSpeak(protocol);
    }
}
