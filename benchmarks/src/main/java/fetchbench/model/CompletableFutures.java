package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code supplyAsync} per URL, composed with {@code allOf}, {@code thenAccept} and
 * {@code completeOnTimeout}. The executor decides the concurrency: concurrency k uses a pool of
 * k; concurrency 0 uses CompletableFuture's default async executor, which depends on the JDK and
 * the cores (see {@link Prediction}): on JDK 25 with 2 cores it is the common pool with
 * parallelism 1, so blocking fetches run one at a time.
 */
public final class CompletableFutures implements ConcurrencyModel {

    private final Http http;
    private final Executor executor;
    private final ExecutorService ownPool;

    public CompletableFutures(ModelSettings settings) {
        this.http = new Http(settings);
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

    private List<CompletableFuture<Outcome>> start(List<URI> urls) {
        return urls.stream().map(url -> CompletableFuture.supplyAsync(() -> http.fetch(url), executor)).toList();
    }

    private static CompletableFuture<Void> all(List<? extends CompletableFuture<?>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    @Override
    public List<Outcome> fetchAll(List<URI> urls) {
        List<CompletableFuture<Outcome>> fetches = start(urls);
        all(fetches).join();
        return fetches.stream().map(CompletableFuture::join).toList();
    }

    /** k {@code runAsync} loops over the shared queue. */
    @Override
    public List<Outcome> drainQueue(List<URI> urls, int workers) {
        WorkQueue queue = new WorkQueue(urls);
        List<CompletableFuture<Void>> workerLoops = java.util.stream.IntStream.range(0, workers)
                .mapToObj(w -> CompletableFuture.runAsync(() -> queue.drainWith(http), executor))
                .toList();
        all(workerLoops).join();
        return queue.outcomes();
    }

    /** Each future drops its outcome into a queue as it completes; this thread takes them in turn. */
    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        LinkedBlockingQueue<Outcome> completed = new LinkedBlockingQueue<>();
        start(urls).forEach(fetch -> fetch.thenAccept(completed::add));
        for (int i = 0; i < urls.size(); i++) {
            handler.accept(Pools.take(completed));
        }
    }

    /**
     * The first 200 completes the winner ({@code anyOf} would take the first failure too). A
     * CompletableFuture cannot interrupt its task, so the losers' calls are cancelled in OkHttp.
     */
    @Override
    public Outcome firstSuccessful(List<URI> replicas) {
        CompletableFuture<Outcome> winner = new CompletableFuture<>();
        List<CompletableFuture<Outcome>> fetches = start(replicas);
        fetches.forEach(fetch -> fetch.thenAccept(outcome -> {
            if (outcome.isOk()) {
                winner.complete(outcome);
            }
        }));
        all(fetches).thenRun(() -> winner.completeExceptionally(new NoReplicaAnsweredException(replicas)));
        try {
            return winner.join();
        } finally {
            fetches.forEach(fetch -> fetch.cancel(true));
            http.cancelAll();
        }
    }

    /** {@code completeOnTimeout} ends the wait; what is done by then is kept, the rest cancelled. */
    @Override
    public List<Outcome> withinDeadline(List<URI> urls, Duration deadline) {
        List<CompletableFuture<Outcome>> fetches = start(urls);
        all(fetches).completeOnTimeout(null, deadline.toNanos(), TimeUnit.NANOSECONDS).join();
        List<Outcome> completed = fetches.stream()
                .filter(fetch -> fetch.state() == java.util.concurrent.Future.State.SUCCESS)
                .map(CompletableFuture::resultNow)
                .toList();
        fetches.forEach(fetch -> fetch.cancel(true));
        http.cancelAll();
        return completed;
    }

    @Override
    public void close() {
        if (ownPool != null) {
            Pools.shutdown(ownPool);
        }
        http.close();
    }
}
