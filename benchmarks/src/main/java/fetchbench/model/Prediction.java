package fetchbench.model;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ForkJoinPool;

/**
 * What queueing theory says one gather should take, ignoring the floor (connection set-up, CPU):
 * the model serves c requests at a time, each slot taking the next URL in order as soon as it is
 * free. With one delay d for all N that is ⌈N/c⌉·d: N·d sequentially, ⌈N/k⌉·d for a pool of k,
 * d when unbounded.
 *
 * @param defaultExecutorThreads how many tasks CompletableFuture's default async executor runs at
 *                               once on the benchmarked JVM; 0 when it starts a thread per task
 */
public record Prediction(int defaultExecutorThreads) {

    /** Records {@link #defaultExecutorThreads} in the forks' JVM arguments, and so in jmh.json. */
    public static final String DEFAULT_EXECUTOR_THREADS_PROPERTY = "fetchbench.defaultExecutorThreads";

    /**
     * For this JVM. CompletableFuture's default async executor: up to JDK 24 a new thread per task
     * when the common pool's parallelism is 1 (≤ 2 cores), else the common pool. From JDK 25
     * always the common pool, whose workers do not multiply for blocking socket reads: blocking
     * fetches then run {@code parallelism} at a time (1 on 2 cores).
     */
    public static Prediction here() {
        return new Prediction(CompletableFutures.defaultAsyncExecutor() instanceof ForkJoinPool pool
                ? pool.getParallelism()
                : 0);
    }

    /** Requests the model has in flight at once for this setting (N when it is unbounded). */
    public int effectiveConcurrency(Model model, int urls, int concurrency, int maxRequests) {
        int c = switch (model) {
            case SEQUENTIAL -> 1;
            case THREAD_POOL -> concurrency;
            case COMPLETABLE_FUTURE -> concurrency > 0 ? concurrency
                    : defaultExecutorThreads > 0 ? defaultExecutorThreads : urls;
            case VIRTUAL_THREADS -> concurrency > 0 ? concurrency : urls;
            case STRUCTURED -> urls;
            // The executor handles responses; the selector thread waits for all of them at once.
            case HTTP_CLIENT_ASYNC -> urls;
            case OK_HTTP_ASYNC -> Math.min(maxRequests,
                    concurrency > 0 ? concurrency : OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST);
        };
        return Math.max(1, Math.min(c, urls));
    }

    /** ⌈N/c⌉·d in milliseconds, for N URLs that all take {@code delayMs}. */
    public double batchMillis(Model model, int urls, double delayMs, int concurrency, int maxRequests) {
        int c = effectiveConcurrency(model, urls, concurrency, maxRequests);
        return Math.ceil((double) urls / c) * delayMs;
    }

    /** The greedy schedule in milliseconds, for URLs with their own delays, taken in this order. */
    public double batchMillis(Model model, List<Integer> delaysMs, int concurrency, int maxRequests) {
        long[] finished = finishTimes(delaysMs, effectiveConcurrency(model, delaysMs.size(), concurrency, maxRequests));
        return java.util.Arrays.stream(finished).max().orElse(0);
    }

    /**
     * When each URL finishes, in ms, if c slots take the URLs in order, each the next one as soon
     * as it is free (the greedy schedule; with one delay d for all, the last finishes at ⌈N/c⌉·d).
     */
    public static long[] finishTimes(List<Integer> delaysMs, int c) {
        PriorityQueue<Long> slotsFreeAt = new PriorityQueue<>();
        for (int i = 0; i < c; i++) {
            slotsFreeAt.add(0L);
        }
        long[] finished = new long[delaysMs.size()];
        for (int i = 0; i < finished.length; i++) {
            finished[i] = slotsFreeAt.poll() + delaysMs.get(i);
            slotsFreeAt.add(finished[i]);
        }
        return finished;
    }
}
