package fetchbench.model;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The JDK's {@code java.net.http.HttpClient}: httpClientAsync. Keeps every HTTP/1.1 connection but
 * one HTTP/2 connection per host (it closes any other once its streams end); resends a GET whose
 * connection closed without an answer; has no prior-knowledge HTTP/2 in cleartext.
 */
final class JdkHttpClientStack implements StackCard {

    @Override
    public Bare bare(int connections, Duration longestResponse, Transport transport) {
        Duration timeout = longestResponse.plus(Http.TIMEOUT_MARGIN);
        HttpClient client = HttpClientAsync.configured(timeout, transport).build();
        return new Bare(url -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(HttpClientAsync.version(response), response.statusCode());
        }, () -> {
            // Waits, so the next client's batch does not pay for closing this one's connections.
            client.shutdownNow();
            try {
                client.awaitTermination(Http.TIMEOUT_MARGIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
        return http2 ? 1 : Integer.MAX_VALUE;
    }

    @Override
    public boolean resendsOnClosedConnection() {
        return true;
    }

    @Override
    public Optional<String> cannotSpeak(Protocol protocol) {
        return protocol == Protocol.h2c ? Optional.of("the JDK's HttpClient has no prior-knowledge HTTP/2 in "
                + "cleartext (it only upgrades from HTTP/1.1)") : Optional.empty();
    }
}
