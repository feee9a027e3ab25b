package fetchbench.model;

import java.time.Duration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** Reactor Netty's HttpClient: reactor. Its pool holds up to N connections and keeps them. */
final class ReactorNettyStack implements StackCard {

    @Override
    public Bare bare(int connections, Duration longestResponse, Transport transport) {
        Duration timeout = longestResponse.plus(Http.TIMEOUT_MARGIN);
        LoopResources loops = LoopResources.create(Pools.THREAD_PREFIX + "bare", Reactor.EVENT_LOOP_THREADS, true);
        ConnectionProvider pool = Reactor.pool(connections, timeout);
        HttpClient client = Reactor.configured(HttpClient.create(pool).runOn(loops), timeout, transport);
        return new Bare(url -> client.get().uri(url).responseSingle((response, body) -> body.asString()
                .defaultIfEmpty("").map(text -> new Reply(Reactor.version(response), response.status().code())))
                .block(), () -> {
                    pool.disposeLater().block(Http.TIMEOUT_MARGIN);
                    loops.disposeLater(Duration.ZERO, Http.TIMEOUT_MARGIN).block(Http.TIMEOUT_MARGIN);
                });
    }

    @Override
    public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
        return urls;
    }

    /** Over h2 it offers h2 alone. */
    @Override
    public boolean offersHttp1BesideH2() {
        return false;
    }
}
