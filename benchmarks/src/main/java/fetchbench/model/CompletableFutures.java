package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@code supplyAsync} per URL, composed with {@code allOf}, {@code thenAccept} and
 * {@code completeOnTimeout}. The executor decides the concurrency: concurrency k uses a pool of
 * k; concurrency 0 uses CompletableFuture's default async executor, which depends on the JDK and
 * the cores (see {@link fetchbench.theory.Theory#here()}): from JDK 25 it is the common pool,
 * whose parallelism (cores − 1) bounds how many blocking fetches run at once.
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
    public List<Outcome> gather(List<URI> urls) {
        List<CompletableFuture<Outcome>> fetches = start(urls);
        all(fetches).join();
        return fetches.stream().map(CompletableFuture::join).toList();
    }

    /** k {@code runAsync} loops over the shared queue. */
    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        WorkQueue queue = new WorkQueue(urls);
        List<CompletableFuture<Void>> workerLoops = IntStream.range(0, workers)
                .mapToObj(w -> CompletableFuture.runAsync(() -> queue.drainWith(http::fetch), executor))
                .toList();
        all(workerLoops).join();
        return queue.outcomes();
    }

    /** Each future drops its outcome into a queue as it completes; this thread takes them in turn. */
    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        LinkedBlockingQueue<Outcome> completed = new LinkedBlockingQueue<>();
        List<CompletableFuture<Outcome>> fetches = start(urls);
        for (int i = 0; i < urls.size(); i++) {
            URI url = urls.get(i);
            long start = System.nanoTime();
            // An outcome even if the task failed, so the loop below never waits for nothing.
            fetches.get(i).whenComplete((outcome, error) ->
                    completed.add(outcome != null ? outcome : Outcome.failed(url, error, start)));
        }
        for (int i = 0; i < urls.size(); i++) {
            handler.accept(Pools.take(completed));
        }
    }

    /**
     * The first 200 completes the winner ({@code anyOf} would take the first failure too); the
     * last failure, if all fail, fails it. A CompletableFuture cannot interrupt its task, so the
     * race's OkHttp calls are cancelled, including any a task starts after that.
     */
    @Override
    public Outcome race(List<URI> replicas) {
        CallGroup race = new CallGroup();
        List<CompletableFuture<Outcome>> fetches = replicas.stream()
                .map(url -> CompletableFuture.supplyAsync(() -> http.fetch(url, race), executor))
                .toList();
        try {
            return Pools.join(Pools.firstOk(fetches, replicas));
        } finally {
            fetches.forEach(fetch -> fetch.cancel(true));
            race.cancelAll();
        }
    }

    /** {@code completeOnTimeout} ends the wait; what is done by then is kept, the rest cancelled. */
    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        CallGroup batch = new CallGroup();
        List<CompletableFuture<Outcome>> fetches = urls.stream()
                .map(url -> CompletableFuture.supplyAsync(() -> http.fetch(url, batch), executor))
                .toList();
        all(fetches).completeOnTimeout(null, deadline.toNanos(), TimeUnit.NANOSECONDS).join();
        List<Outcome> completed = fetches.stream()
                .filter(fetch -> fetch.state() == Future.State.SUCCESS)
                .map(CompletableFuture::resultNow)
                .toList();
        fetches.forEach(fetch -> fetch.cancel(true));
        batch.cancelAll();
        return completed;
    }

    @Override
    public void close() {
        http.cancelAll(); // first: nothing can interrupt a CompletableFuture's task
        if (ownPool != null) {
            Pools.shutdown(ownPool);
        }
        http.close();
    }
}
