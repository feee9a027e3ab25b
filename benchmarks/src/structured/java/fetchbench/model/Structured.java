package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.function.Consumer;

/**
 * Structured concurrency, the JDK 25 preview API: each shape opens a {@link StructuredTaskScope},
 * forks one virtual thread per task and joins. The scope's joiner says when it is done (all, the
 * first success, a timeout); when the scope closes, every subtask still running has been
 * interrupted and has finished, which closes its socket. Compiled only with a JDK 25 (see README).
 */
public final class Structured implements ConcurrencyModel {

    private final Http http;

    public Structured(ModelSettings settings) {
        this.http = new Http(settings);
    }

    /** A scope whose subtasks are named virtual threads, optionally with a deadline. */
    private static <T, R> StructuredTaskScope<T, R> open(Joiner<? super T, ? extends R> joiner, Duration timeout) {
        return StructuredTaskScope.open(joiner, config -> {
            var named = config.withThreadFactory(Pools.virtualThreads("structured"));
            return timeout == null ? named : named.withTimeout(timeout);
        });
    }

    @Override
    public List<Outcome> gather(List<URI> urls) {
        try (var scope = open(Joiner.<Outcome>awaitAllSuccessfulOrThrow(), null)) {
            List<Subtask<Outcome>> fetches = urls.stream().map(url -> scope.fork(() -> http.fetch(url))).toList();
            join(scope);
            return fetches.stream().map(Subtask::get).toList();
        }
    }

    /** k forked workers over the shared queue. */
    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        WorkQueue queue = new WorkQueue(urls);
        try (var scope = open(Joiner.awaitAllSuccessfulOrThrow(), null)) {
            for (int w = 0; w < workers; w++) {
                scope.fork(() -> queue.drainWith(http::fetch));
            }
            join(scope);
        }
        return queue.outcomes();
    }

    /** Subtasks drop outcomes into a queue; the scope's owner takes them in turn, then joins. */
    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        LinkedBlockingQueue<Outcome> completed = new LinkedBlockingQueue<>();
        try (var scope = open(Joiner.awaitAllSuccessfulOrThrow(), null)) {
            urls.forEach(url -> scope.fork(() -> completed.add(http.fetch(url))));
            for (int i = 0; i < urls.size(); i++) {
                handler.accept(Pools.take(completed));
            }
            join(scope);
        }
    }

    /** The any-success joiner returns the first subtask that did not throw and cancels the rest. */
    @Override
    public Outcome race(List<URI> replicas) {
        try (var scope = open(Joiner.<Outcome>anySuccessfulResultOrThrow(), null)) {
            replicas.forEach(url -> scope.fork(() -> http.fetch(url).requireOk()));
            return join(scope);
        } catch (StructuredTaskScope.FailedException e) {
            throw new NoReplicaAnsweredException(replicas);
        }
    }

    /** A scope with a timeout: join gives up at the deadline, the subtasks still running are cancelled. */
    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        List<Subtask<Outcome>> fetches;
        try (var scope = open(Joiner.<Outcome>awaitAll(), deadline)) {
            fetches = urls.stream().map(url -> scope.fork(() -> http.fetch(url))).toList();
            try {
                join(scope);
            } catch (StructuredTaskScope.TimeoutException e) {
                // Expected whenever a fetch is slower than the deadline: keep what completed.
            }
        }
        List<Outcome> completed = new ArrayList<>();
        for (Subtask<Outcome> fetch : fetches) {
            if (fetch.state() == Subtask.State.SUCCESS) {
                completed.add(fetch.get());
            }
        }
        return completed;
    }

    private static <R> R join(StructuredTaskScope<?, R> scope) {
        try {
            return scope.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
