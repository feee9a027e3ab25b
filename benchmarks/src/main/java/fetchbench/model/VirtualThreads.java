package fetchbench.model;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One virtual thread per task making a blocking call: all N run at once, so N URLs take about one
 * delay, until the client or the machine runs out of something else. Concurrency k > 0 bounds
 * the calls with a semaphore of k permits (⌈N/k⌉·delay), to see what a bound costs and saves.
 * The shapes are the same lines as threadPool's, see {@link ExecutorServiceModel}: only the
 * executor changes.
 */
public final class VirtualThreads extends ExecutorServiceModel {

    private final Semaphore limit;

    public VirtualThreads(ModelSettings settings) {
        // Created once like every other model's executor; a virtual thread per task costs almost nothing.
        super(settings, Executors.newThreadPerTaskExecutor(Pools.virtualThreads("virtualThreads")));
        this.limit = settings.concurrency() > 0 ? new Semaphore(settings.concurrency()) : null;
    }

    private VirtualThreads(BlockingClient client, String name) {
        super(client, Executors.newThreadPerTaskExecutor(Pools.virtualThreads(name)));
        this.limit = null;
    }

    /**
     * The same model on Apache's classic client: no semaphore, since Apache's pool bounds the calls
     * (concurrency sets its connections per route, maxRequests its total), as it would for a caller.
     */
    public static VirtualThreads onApacheClassic(ModelSettings settings, String name) {
        return new VirtualThreads(new ApacheClassic(settings), name);
    }

    @Override
    Outcome fetch(URI url, CallGroup group) {
        if (limit == null) {
            return super.fetch(url, group);
        }
        long start = System.nanoTime();
        try {
            limit.acquire();
        } catch (InterruptedException e) {
            return Outcome.failed(url, e, start); // cancelled while waiting for a permit
        }
        try {
            return super.fetch(url, group);
        } finally {
            limit.release();
        }
    }
}
