package fetchbench.model;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A deliberately broken model for the tests, on the JDK's HttpClient: its race returns the first
 * 200 and never cancels the other exchanges. No thread of it is inside a fetch and it keeps no
 * gauge, so only the kernel's socket table shows the losers' connections still open. Only the
 * race exists.
 */
final class ForgetfulHttpClientAsync implements ConcurrencyModel {

    private final HttpClient client;

    ForgetfulHttpClientAsync(Duration timeout) {
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
    public List<Outcome> gather(List<URI> urls) {
        throw new UnsupportedOperationException("only the race");
    }

    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        throw new UnsupportedOperationException("only the race");
    }

    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        throw new UnsupportedOperationException("only the race");
    }

    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        throw new UnsupportedOperationException("only the race");
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
