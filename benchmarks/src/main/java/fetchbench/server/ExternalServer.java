package fetchbench.server;

import fetchbench.model.Tls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A WireMock the user runs elsewhere: {@code -Dfetchbench.target=http://host:port}, or
 * {@code https://host:port} with {@code -Dfetchbench.truststore=…}, which the clients and the admin
 * calls then trust (and nothing else). Over HTTPS the run speaks https1, or h2 where asked.
 */
public final class ExternalServer implements TargetServer {

    private final URI baseUri;
    private final Optional<Trust> trust;

    private ExternalServer(URI baseUri, Optional<Trust> trust) {
        this.baseUri = baseUri;
        this.trust = trust;
    }

    /** Checks that a WireMock admin API answers at {@code baseUri}. */
    public static ExternalServer connect(URI baseUri) throws IOException {
        Optional<Trust> trust = Optional.empty();
        if ("https".equals(baseUri.getScheme())) {
            String truststore = System.getProperty(Tls.TRUSTSTORE_PROPERTY, "");
            if (truststore.isBlank()) {
                throw new IOException("an https target needs the truststore that holds its certificate: -D"
                        + Tls.TRUSTSTORE_PROPERTY + "=… (and -D" + Tls.PASSWORD_PROPERTY + "=…)");
            }
            trust = Optional.of(new Trust(Path.of(truststore), System.getProperty(Tls.PASSWORD_PROPERTY, "")));
        }
        int status;
        try {
            status = Admin.get(baseUri, "/__admin/mappings?limit=1").status();
        } catch (SocketTimeoutException silent) {
            throw new IOException("no WireMock at " + baseUri + ": the port is held, but nothing answered HTTP within "
                    + Admin.TIMEOUT.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof ConnectException ? "connection refused" : e.toString();
            throw new IOException("cannot reach WireMock at " + baseUri + ": " + why, e);
        }
        if (status != 200) {
            throw new IOException("no WireMock admin API at " + baseUri + " (GET /__admin/mappings returned "
                    + status + ")");
        }
        return new ExternalServer(baseUri, trust);
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public Optional<URI> tlsBaseUri() {
        return trust.map(t -> baseUri);
    }

    @Override
    public Optional<Trust> trust() {
        return trust;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("kind", "external WireMock (settings unknown to fetchbench)");
        server.put("url", baseUri.toString());
        return server;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
