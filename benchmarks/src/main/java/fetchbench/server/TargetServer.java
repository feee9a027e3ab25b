package fetchbench.server;

import fetchbench.model.Protocol;
import fetchbench.model.Tls;
import fetchbench.model.Transport;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The WireMock the benchmarks fetch from: started here, or one the user already runs. */
public interface TargetServer extends AutoCloseable {

    /** Tells benchmark forks where the server is: cleartext, and over TLS. */
    String URL_PROPERTY = "fetchbench.serverUrl";
    String TLS_URL_PROPERTY = "fetchbench.serverTlsUrl";
    /** Tells benchmark forks the server counts requests, so a batch whose count is missing fails. */
    String COUNTS_PROPERTY = "fetchbench.serverCounts";

    /** The cleartext URL: HTTP/1.1, h2c and the admin API. */
    URI baseUri();

    /** The TLS URL (HTTPS and h2), if the server has one. */
    Optional<URI> tlsBaseUri();

    /** Why the server is gone, if it stopped while the run needed it (a server elsewhere is not watched). */
    default Optional<String> stopped() {
        return Optional.empty();
    }

    /** Whether it counts requests (fetchbench's own server does; another WireMock may not). */
    default boolean countsRequests() {
        return RequestCounter.read(baseUri()).isPresent();
    }

    /** What the clients must trust for the TLS URL. */
    Optional<Trust> trust();

    /** A truststore and its password. */
    record Trust(Path truststore, String password) {
    }

    /** The protocol, trusting what this server tells clients to trust. */
    default Transport transport(Protocol protocol) {
        return new Transport(protocol, protocol.tls() ? trust().map(trust -> Tls.trusting(trust.truststore(),
                trust.password().toCharArray())) : Optional.empty());
    }

    /** The fork arguments that tell a benchmark fork where to fetch and what to trust. */
    default Map<String, String> forkProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put(URL_PROPERTY, baseUri().toString());
        properties.put(COUNTS_PROPERTY, String.valueOf(countsRequests()));
        tlsBaseUri().ifPresent(tls -> properties.put(TLS_URL_PROPERTY, tls.toString()));
        trust().ifPresent(trust -> {
            properties.put(Tls.TRUSTSTORE_PROPERTY, trust.truststore().toString());
            properties.put(Tls.PASSWORD_PROPERTY, trust.password());
        });
        return properties;
    }

    /** What environment.json records about the server. */
    Map<String, Object> describe();

    @Override
    void close();

    /** The server URL a benchmark fork was given by the launcher. */
    static URI fromForkProperty() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no target server: run the benchmarks through fetchbench.FetchBench "
                    + "(java -jar benchmarks.jar), which starts WireMock and sets -D" + URL_PROPERTY);
        }
        return URI.create(url);
    }

    /** The URL a benchmark fork fetches from with this protocol: its scheme is the protocol's, or the fork stops. */
    static URI fromForkProperty(Protocol protocol) {
        String url = protocol.tls() ? System.getProperty(TLS_URL_PROPERTY) : fromForkProperty().toString();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("protocol " + protocol + " needs a server with TLS, and this run's has none");
        }
        URI uri = URI.create(url);
        if (!protocol.scheme().equals(uri.getScheme())) {
            throw new IllegalStateException("protocol " + protocol + " needs an " + protocol.scheme() + " URL, and the "
                    + "server is at " + uri);
        }
        return uri;
    }
}
