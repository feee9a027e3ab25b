package fetchbench.model;

import java.util.Optional;

/**
 * The protocol a client speaks and, over TLS, what it trusts. Every client of the suite, the
 * models' and the bare one's, is built from one.
 */
public record Transport(Protocol protocol, Optional<Tls> tls) {

    /** HTTP/1.1 in cleartext, the default. */
    public static final Transport PLAIN = new Transport(Protocol.http1, Optional.empty());

    public Transport {
        if (protocol.tls() && tls.isEmpty()) {
            throw new IllegalArgumentException("protocol " + protocol + " needs a truststore (-D"
                    + Tls.TRUSTSTORE_PROPERTY + "=…)");
        }
    }

    /** The protocol, with the fork's truststore where it needs one. */
    public static Transport forFork(Protocol protocol) {
        return new Transport(protocol, protocol.tls() ? Tls.fromForkProperties() : Optional.empty());
    }

    /** The TLS set-up; only for a protocol over TLS. */
    public Tls requireTls() {
        return tls.orElseThrow();
    }
}
