package fetchbench.model;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A deliberately broken model for the tests, on the JDK's HttpClient: its race returns the first
 * 200 and never cancels the other exchanges. No thread of it is inside a fetch and it keeps no
 * gauge, so only the kernel's socket table shows the losers' connections still open. Only the
 * race exists.
 */
final class ForgetfulHttpClientAsync extends OneShapeModel {

    private final HttpClient client;

    ForgetfulHttpClientAsync(Duration timeout) {
        super("race");
        client = HttpClientAsync.configured(timeout, Transport.PLAIN).build();
    }

    @Override
    public Outcome race(List<URI> replicas) {
        CompletableFuture<Outcome> winner = new CompletableFuture<>();
        for (URI url : replicas) {
            long start = System.nanoTime();
            client.sendAsync(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        if (response.statusCode() == 200) {
                            winner.complete(Outcome.response(url, 200, response.body(), start));
                        }
                    });
        }
        return winner.join(); // the bug: the losers' exchanges are left to run
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
