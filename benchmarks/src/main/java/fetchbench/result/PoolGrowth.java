package fetchbench.result;

/**
 * How much a client's pools may still grow over its measured batches and count as steady: a new
 * connection or a new platform thread for at most {@value #GROWTH_PERCENT} % of the requests (and a
 * couple of threads whatever N, which the JVM itself starts now and then). A fork's warm-up asks
 * more of its last block (nothing new at all), and grows the pools to the width of a batch first
 * ({@code bench.WarmUp.Widest}), so a fork it lets through is rarely judged not steady here.
 */
public final class PoolGrowth {

    /** New connections, and new threads, the batches may bring in percent of their requests: the JDK's client and Reactor Netty may complete a response just before its connection is back in the pool, and a cached executor adds a thread when its peak of tasks reaches a new high. */
    public static final double GROWTH_PERCENT = 1;
    /** Platform threads any stretch of batches may gain. */
    public static final int MAX_THREAD_DRIFT = 2;

    private PoolGrowth() {
    }

    /** Whether batches that sent {@code requests} opened more connections than now and then. */
    public static boolean tooManyConnections(double opened, double requests) {
        return opened > GROWTH_PERCENT / 100 * requests;
    }

    /** Whether the platform threads grew from {@code first} to {@code last} by more than now and then over batches that sent {@code requests}. */
    public static boolean threadsGrew(double first, double last, double requests) {
        return last - first > Math.max(MAX_THREAD_DRIFT, GROWTH_PERCENT / 100 * requests);
    }
}
