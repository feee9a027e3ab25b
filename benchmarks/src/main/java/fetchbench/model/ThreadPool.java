package fetchbench.model;

import java.util.concurrent.Executors;

/**
 * A fixed pool of k platform threads making blocking calls: N URLs take ⌈N/k⌉·delay. The shapes
 * are written once for any ExecutorService, see {@link ExecutorServiceModel}.
 */
public final class ThreadPool extends ExecutorServiceModel {

    public ThreadPool(ModelSettings settings) {
        super(settings, Executors.newFixedThreadPool(poolSize(settings), Pools.platformThreads("threadPool")));
    }

    private static int poolSize(ModelSettings settings) {
        if (settings.concurrency() < 1) {
            throw new IllegalArgumentException("threadPool needs concurrency >= 1 (its pool size k)");
        }
        return settings.concurrency();
    }
}
