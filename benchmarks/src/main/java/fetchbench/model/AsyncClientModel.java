package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The shapes of a model whose client sends a request and completes a future when its answer
 * comes (the JDK's sendAsync, Apache's async client, Jetty's): each shape is the same chain of
 * futures, so a model of this kind only says how one request is sent and how it is cancelled.
 */
abstract class AsyncClientModel implements ConcurrencyModel {

    /** A request on its way: its outcome, and how to abort its exchange. */
    record Fetch(Runnable cancel, CompletableFuture<Outcome> outcome) {
    }

    /** Sends one GET; the outcome completes with the answer or the failure, never exceptionally. */
    abstract Fetch send(URI url);

    @Override
    public List<Outcome> gather(List<URI> urls) {
        List<CompletableFuture<Outcome>> outcomes = urls.stream().map(url -> send(url).outcome()).toList();
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    /** A worker is a chain of futures: each outcome is filed, then the next URL is sent. */
    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        WorkQueue queue = new WorkQueue(urls);
        List<CompletableFuture<Void>> workerChains = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            workerChains.add(fetchNext(queue));
        }
        CompletableFuture.allOf(workerChains.toArray(CompletableFuture[]::new)).join();
        return queue.outcomes();
    }

    private CompletableFuture<Void> fetchNext(WorkQueue queue) {
        int place = queue.take();
        if (place < 0) {
            return CompletableFuture.completedFuture(null);
        }
        return send(queue.url(place)).outcome().thenCompose(outcome -> {
            queue.done(place, outcome);
            return fetchNext(queue);
        });
    }

    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        LinkedBlockingQueue<Outcome> completed = new LinkedBlockingQueue<>();
        for (URI url : urls) {
            long start = System.nanoTime();
            // An outcome even if the stage failed, so the loop below never waits for nothing.
            send(url).outcome().whenComplete((outcome, error) ->
                    completed.add(outcome != null ? outcome : Outcome.failed(url, error, start)));
        }
        for (int i = 0; i < urls.size(); i++) {
            handler.accept(Pools.take(completed));
        }
    }

    /** The first 200 completes the winner, the last failure fails it; then every exchange is aborted. */
    @Override
    public Outcome race(List<URI> replicas) {
        List<Fetch> fetches = replicas.stream().map(this::send).toList();
        try {
            return Pools.join(Pools.firstOk(fetches.stream().map(Fetch::outcome).toList(), replicas));
        } finally {
            fetches.forEach(fetch -> fetch.cancel().run());
        }
    }

    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        List<Fetch> fetches = urls.stream().map(this::send).toList();
        CompletableFuture.allOf(fetches.stream().map(Fetch::outcome).toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, deadline.toNanos(), TimeUnit.NANOSECONDS)
                .join();
        List<Outcome> completed = fetches.stream()
                .map(Fetch::outcome)
                .filter(outcome -> outcome.state() == Future.State.SUCCESS)
                .map(CompletableFuture::resultNow)
                .toList();
        fetches.forEach(fetch -> fetch.cancel().run());
        return completed;
    }
}
