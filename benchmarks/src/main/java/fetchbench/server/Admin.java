package fetchbench.server;

import fetchbench.model.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The suite's own calls to a WireMock admin API (stubs, counts, the reachability probe). Over HTTPS
 * it trusts only the truststore the run was given, like every other client. HttpURLConnection
 * rather than the JDK's HttpClient: every fork makes these calls, and that client takes about
 * 0.3 s to start in a fresh JVM, which a fork of a model that does not use it would pay for nothing.
 */
final class Admin {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static SSLSocketFactory overTls;

    /** An admin call's status and body. */
    record Answer(int status, String body) {
    }

    private Admin() {
    }

    static Answer get(URI server, String pathAndQuery) throws IOException {
        return call(server, pathAndQuery, null);
    }

    static Answer post(URI server, String path, String json) throws IOException {
        return call(server, path, json);
    }

    private static Answer call(URI server, String pathAndQuery, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) server.resolve(pathAndQuery).toURL().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(overTls());
        }
        connection.setConnectTimeout((int) TIMEOUT.toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        if (json != null) {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream body = connection.getOutputStream()) {
                body.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body = "";
        if (stream != null) {
            try (stream) {
                body = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Answer(status, body);
    }

    private static synchronized SSLSocketFactory overTls() {
        if (overTls == null) {
            Tls tls = Tls.fromForkProperties().orElseThrow(() -> new IllegalStateException("an https server needs a "
                    + "truststore: -D" + Tls.TRUSTSTORE_PROPERTY + "=… (and -D" + Tls.PASSWORD_PROPERTY + "=…)"));
            overTls = tls.context().getSocketFactory();
        }
        return overTls;
    }
}
