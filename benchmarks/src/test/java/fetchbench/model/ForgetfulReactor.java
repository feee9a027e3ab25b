package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A deliberately broken model for the tests, on Reactor Netty: its race subscribes to every
 * replica, returns the first 200 and never disposes of the other subscriptions. Its exchanges run
 * on event loops, no thread is inside a fetch and it keeps no gauge, so only the kernel's socket
 * table shows the losers' connections still open. Only the race exists.
 */
final class ForgetfulReactor extends OneShapeModel {

    private final LoopResources eventLoops = LoopResources.create("forgetful-reactor", 1, true);
    private final ConnectionProvider pool;
    private final HttpClient client;
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();

    ForgetfulReactor(int connections, Duration timeout) {
        super("race");
        pool = Reactor.pool(connections, timeout);
        client = Reactor.configured(HttpClient.create(pool).runOn(eventLoops), timeout, Transport.PLAIN);
    }

    @Override
    public Outcome race(List<URI> replicas) {
        CompletableFuture<Outcome> winner = new CompletableFuture<>();
        for (URI url : replicas) {
            long start = System.nanoTime();
            subscriptions.add(client.get().uri(url).responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                    .map(text -> Outcome.response(url, response.status().code(), text, start)))
                    .subscribe(outcome -> {
                        if (outcome.status() == 200) {
                            winner.complete(outcome);
                        }
                    }, error -> { }));
        }
        return winner.join(); // the bug: the losers' subscriptions are never disposed of
    }

    /** Closing the model disposes of what the race forgot, as closing the real one cancels what still runs. */
    @Override
    public void close() {
        subscriptions.forEach(Disposable::dispose);
        pool.disposeLater().block(Duration.ofSeconds(30));
        eventLoops.disposeLater(Duration.ZERO, Duration.ofSeconds(30)).block(Duration.ofSeconds(30));
    }
}
