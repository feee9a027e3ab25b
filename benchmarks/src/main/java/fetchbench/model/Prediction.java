package fetchbench.model;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ForkJoinPool;

/**
 * What queueing theory says one gather should take, ignoring the floor (connection set-up, CPU):
 * the model serves c requests at a time, each slot taking the next URL in order as soon as it is
 * free. With one delay d for all N that is ⌈N/c⌉·d: N·d sequentially, ⌈N/k⌉·d for a pool of k,
 * d when unbounded.
 */
public final class Prediction {

    private Prediction() {
    }

    /** Requests the model has in flight at once for this setting (N when it is unbounded). */
    public static int effectiveConcurrency(Model model, int urls, int concurrency, int maxRequests) {
        int c = switch (model) {
            case SEQUENTIAL -> 1;
            case THREAD_POOL -> concurrency;
            case COMPLETABLE_FUTURE -> concurrency > 0 ? concurrency : defaultAsyncConcurrency(urls);
            case VIRTUAL_THREADS -> urls;
            case OK_HTTP_ASYNC -> Math.min(maxRequests,
                    concurrency > 0 ? concurrency : OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST);
        };
        return Math.max(1, Math.min(c, urls));
    }

    /** ⌈N/c⌉·d in milliseconds, for N URLs that all take {@code delayMs}. */
    public static double batchMillis(Model model, int urls, double delayMs, int concurrency, int maxRequests) {
        int c = effectiveConcurrency(model, urls, concurrency, maxRequests);
        return Math.ceil((double) urls / c) * delayMs;
    }

    /** The greedy schedule in milliseconds, for URLs with their own delays, taken in this order. */
    public static double batchMillis(Model model, List<Integer> delaysMs, int concurrency, int maxRequests) {
        int c = effectiveConcurrency(model, delaysMs.size(), concurrency, maxRequests);
        PriorityQueue<Long> slotsFreeAt = new PriorityQueue<>();
        for (int i = 0; i < c; i++) {
            slotsFreeAt.add(0L);
        }
        long last = 0;
        for (int delay : delaysMs) {
            long done = slotsFreeAt.poll() + delay;
            slotsFreeAt.add(done);
            last = Math.max(last, done);
        }
        return last;
    }

    /**
     * CompletableFuture's default async executor. Up to JDK 24 it is a new thread per task when
     * the common pool's parallelism is 1 (≤ 2 cores), else the common pool. From JDK 25 it is
     * always the common pool, whose workers do not multiply for blocking socket reads: blocking
     * fetches then run {@code parallelism} at a time (1 on 2 cores).
     */
    private static int defaultAsyncConcurrency(int urls) {
        return CompletableFutures.defaultAsyncExecutor() instanceof ForkJoinPool pool
                ? pool.getParallelism()
                : urls;
    }
}
