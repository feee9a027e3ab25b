package fetchbench.result;

/**
 * How much a client's pools may still grow over a stretch of batches and count as steady. The same
 * rule ends a fork's warm-up and judges its measured batches, so a fork that the warm-up let through
 * is not then called not steady by a stricter test (or the other way round).
 */
public final class PoolGrowth {

    /** Connections the batches may open, in percent of their requests: the JDK's client and Reactor Netty may complete a response just before its connection is back in the pool. */
    public static final double RECONNECTS_PERCENT = 1;
    /** Platform threads a stretch may gain, and the share of them, before it is not steady. */
    public static final int MAX_THREAD_DRIFT = 2;
    public static final double MAX_THREAD_DRIFT_PERCENT = 5;

    private PoolGrowth() {
    }

    /** Whether batches that sent {@code requests} opened more connections than now and then. */
    public static boolean tooManyConnections(double opened, double requests) {
        return opened > RECONNECTS_PERCENT / 100 * requests;
    }

    /** Whether the platform threads grew from {@code first} to {@code last} by more than the allowance. */
    public static boolean threadsGrew(double first, double last) {
        return last - first > Math.max(MAX_THREAD_DRIFT, first * MAX_THREAD_DRIFT_PERCENT / 100);
    }
}
