package fetchbench.model;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;

/** A fixed pool of k platform threads making blocking calls: N URLs take ⌈N/k⌉·delay. */
public final class ThreadPool implements ConcurrencyModel {

    private final OkHttpClient client;
    private final ExecutorService pool;

    public ThreadPool(ModelSettings settings) {
        if (settings.concurrency() < 1) {
            throw new IllegalArgumentException("threadPool needs concurrency >= 1 (its pool size k)");
        }
        this.client = Http.client(settings);
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), Pools.platformThreads("threadPool"));
    }

    @Override
    public List<Outcome> fetchAll(List<URI> urls) {
        List<Callable<Outcome>> fetches = urls.stream()
                .map(url -> (Callable<Outcome>) () -> Http.fetch(client, url))
                .toList();
        return Pools.results(Pools.invokeAll(pool, fetches));
    }

    @Override
    public void close() {
        Pools.shutdown(pool);
        Http.closeConnections(client);
    }
}
