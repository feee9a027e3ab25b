package fetchbench.model;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;

/**
 * {@code supplyAsync} per URL, joined with {@code allOf}. The executor decides the concurrency:
 * concurrency k uses a pool of k; concurrency 0 uses CompletableFuture's default async executor,
 * which depends on the JDK and the cores (see {@link Prediction}): on JDK 25 with 2 cores it is
 * the common pool with parallelism 1, so blocking fetches run one at a time.
 */
public final class CompletableFutures implements ConcurrencyModel {

    private final OkHttpClient client;
    private final Executor executor;
    private final ExecutorService ownPool;

    public CompletableFutures(ModelSettings settings) {
        this.client = Http.client(settings);
        if (settings.concurrency() == 0) {
            this.ownPool = null;
            this.executor = defaultAsyncExecutor();
        } else {
            this.ownPool = Executors.newFixedThreadPool(
                    settings.concurrency(), Pools.platformThreads("completableFuture"));
            this.executor = ownPool;
        }
    }

    /** What {@code supplyAsync(supplier)} without an executor would use on this JVM. */
    public static Executor defaultAsyncExecutor() {
        return new CompletableFuture<Void>().defaultExecutor();
    }

    @Override
    public List<Outcome> fetchAll(List<URI> urls) {
        List<CompletableFuture<Outcome>> fetches = urls.stream()
                .map(url -> CompletableFuture.supplyAsync(() -> Http.fetch(client, url), executor))
                .toList();
        CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).join();
        return fetches.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        if (ownPool != null) {
            Pools.shutdown(ownPool);
        }
        Http.closeConnections(client);
    }
}
