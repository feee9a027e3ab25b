package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread naming, waiting for results and shutdown, shared by the models. */
final class Pools {

    /** Every thread a model creates starts with this, so tests and dumps can find them. */
    static final String THREAD_PREFIX = "fetchbench-";

    private Pools() {
    }

    static ThreadFactory platformThreads(String model) {
        return Thread.ofPlatform().name(THREAD_PREFIX + model + "-", 1).daemon(true).factory();
    }

    static ThreadFactory virtualThreads(String model) {
        return Thread.ofVirtual().name(THREAD_PREFIX + model + "-", 1).factory();
    }

    /** Results of futures that are known to be done (as after invokeAll). */
    static <T> List<T> results(List<Future<T>> futures) {
        return futures.stream().map(Pools::result).toList();
    }

    static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting results", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fetch task threw instead of returning an outcome", e.getCause());
        }
    }

    /** The next completed future of a completion service. */
    static <T> Future<T> take(CompletionService<T> completion) {
        try {
            return completion.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a result", e);
        }
    }

    /**
     * The first of the outcomes to be a 200, or the failure {@link ConcurrencyModel.NoReplicaAnsweredException}
     * once all have arrived without one; decided in one callback per outcome, so a late 200 still wins.
     */
    static CompletableFuture<Outcome> firstOk(
            List<? extends CompletableFuture<Outcome>> outcomes, List<URI> replicas) {
        CompletableFuture<Outcome> winner = new CompletableFuture<>();
        AtomicInteger failures = new AtomicInteger();
        outcomes.forEach(outcome -> outcome.whenComplete((arrived, error) -> {
            if (arrived != null && arrived.isOk()) {
                winner.complete(arrived);
            } else if (failures.incrementAndGet() == outcomes.size()) {
                winner.completeExceptionally(new ConcurrencyModel.NoReplicaAnsweredException(replicas));
            }
        }));
        return winner;
    }

    /** The result of a future, its own exception rethrown rather than wrapped. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The next element of a queue of results, waiting for it. */
    static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a result", e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** Waits until the latch opens or the time is up. */
    static void await(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    static <T> List<Future<T>> invokeAll(ExecutorService pool, List<? extends Callable<T>> tasks) {
        try {
            return pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching", e);
        }
    }

    /** Shuts the pool down and waits for its threads to finish. */
    static void shutdown(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("threads of " + pool + " did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
