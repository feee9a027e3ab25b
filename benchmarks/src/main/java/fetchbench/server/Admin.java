package fetchbench.server;

import fetchbench.model.Tls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The suite's own calls to a WireMock admin API (stubs, counts, the reachability probe): one JDK
 * client, which over HTTPS trusts only the truststore the run was given, like every other client.
 */
final class Admin {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static HttpClient overTls;

    private Admin() {
    }

    /** The client for {@code server}'s admin API. */
    static synchronized HttpClient client(URI server) {
        if (!"https".equals(server.getScheme())) {
            return PLAIN;
        }
        if (overTls == null) {
            Tls tls = Tls.fromForkProperties().orElseThrow(() -> new IllegalStateException("an https server needs a "
                    + "truststore: -D" + Tls.TRUSTSTORE_PROPERTY + "=… (and -D" + Tls.PASSWORD_PROPERTY + "=…)"));
            overTls = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(tls.context())
                    .sslParameters(tls.parameters()).build();
        }
        return overTls;
    }

    /** Sends one admin request and returns its response. */
    static HttpResponse<String> send(URI server, HttpRequest.Builder request) throws IOException {
        try {
            return client(server).send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the admin API of " + server, e);
        }
    }
}
