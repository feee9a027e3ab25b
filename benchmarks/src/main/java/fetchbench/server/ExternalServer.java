package fetchbench.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A WireMock the user runs elsewhere ({@code -Dfetchbench.target=http://host:port}). */
public final class ExternalServer implements TargetServer {

    private final URI baseUri;

    private ExternalServer(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** Checks that a WireMock admin API answers at {@code baseUri}. */
    public static ExternalServer connect(URI baseUri) throws IOException {
        HttpRequest probe = HttpRequest.newBuilder(baseUri.resolve("/__admin/mappings?limit=1"))
                .timeout(Duration.ofSeconds(10))
                .build();
        int status;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking " + baseUri, e);
        } catch (IOException e) {
            String why = e instanceof ConnectException ? "connection refused" : e.toString();
            throw new IOException("cannot reach WireMock at " + baseUri + ": " + why, e);
        }
        if (status != 200) {
            throw new IOException("no WireMock admin API at " + baseUri + " (GET /__admin/mappings returned "
                    + status + ")");
        }
        return new ExternalServer(baseUri);
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public Optional<URI> tlsBaseUri() {
        return Optional.empty();
    }

    @Override
    public Optional<Trust> trust() {
        return Optional.empty();
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
