package fetchbench.model;

import java.util.Optional;

/**
 * How a client talks to the server (the protocol parameter). Each value fixes the scheme, TLS,
 * and the HTTP version every response must have come back in: a client that asked for HTTP/2 and
 * fell back to HTTP/1.1 fails its fetch, so the run fails instead of measuring the wrong thing.
 */
public enum Protocol {
    /** HTTP/1.1 in cleartext: the suite's default. */
    http1(false, HttpVersion.HTTP_1_1),
    /** HTTP/1.1 over TLS 1.3. */
    https1(true, HttpVersion.HTTP_1_1),
    /** HTTP/2 over TLS 1.3, chosen by ALPN. */
    h2(true, HttpVersion.HTTP_2),
    /** HTTP/2 in cleartext with prior knowledge: no upgrade from HTTP/1.1. */
    h2c(false, HttpVersion.HTTP_2);

    /** The only TLS version the suite's clients offer. */
    public static final String TLS_VERSION = "TLSv1.3";

    /** The HTTP version a response came back in, as each client stack names it in its own way. */
    public enum HttpVersion { HTTP_1_1, HTTP_2 }

    private final boolean tls;
    private final HttpVersion version;

    Protocol(boolean tls, HttpVersion version) {
        this.tls = tls;
        this.version = version;
    }

    public boolean tls() {
        return tls;
    }

    public HttpVersion version() {
        return version;
    }

    public String scheme() {
        return tls ? "https" : "http";
    }

    /** Why {@code stack} cannot speak this protocol, if it cannot. */
    public Optional<String> unsupportedBy(ClientStack stack) {
        return stack.cannotSpeak(this);
    }

    /** Null when the response came back in this protocol's HTTP version, else what went wrong. */
    public String mismatch(HttpVersion negotiated) {
        return negotiated == version ? null
                : "asked for " + this + " (" + version + ") and the response came back in " + negotiated;
    }

    /** A response in the wrong HTTP version: the fetch fails. */
    public static final class WrongProtocolException extends java.io.IOException {
        public WrongProtocolException(String message) {
            super(message);
        }
    }
}
