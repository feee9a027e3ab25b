package fetchbench.analysis;

import fetchbench.result.JmhRun;
import fetchbench.result.Metrics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether a result's measured batches were in steady state, read off its per-fork, per-batch metrics. */
public final class Steadiness {

    /** Threads a fork may gain over its measured batches, and the share of them, before it is not steady. */
    public static final int MAX_THREAD_DRIFT = 2;
    public static final double MAX_THREAD_DRIFT_PERCENT = 5;
    /** Connections a steady batch may open, in percent of its requests. */
    public static final double RECONNECTS_PERCENT = 1;

    private Steadiness() {
    }

    /**
     * Whether the measured batches of N requests opened more connections than now and then, in
     * words: the JDK's client and Reactor Netty may complete a response just before its connection
     * is back in the pool, and a loaded machine delays a return; past 1 % of the requests, the pool
     * is not keeping them.
     */
    public static Optional<String> reconnected(JmhRun.Result result, int urls) {
        JmhRun.Metric connects = result.secondary().get(Metrics.CONNECTIONS);
        if (connects != null) {
            double opened = connects.batches().stream().mapToDouble(Double::doubleValue).sum();
            if (opened > RECONNECTS_PERCENT / 100 * connects.batches().size() * urls) {
                return Optional.of(String.format(Locale.ROOT, "its measured batches opened %.0f connections", opened));
            }
        }
        return Optional.empty();
    }

    /** Whether a fork's platform threads kept growing over its measured batches, in words. */
    public static Optional<String> threadsGrew(JmhRun.Result result) {
        JmhRun.Metric threads = result.secondary().get(Metrics.THREADS);
        if (threads != null) {
            for (List<Double> fork : threads.raw()) {
                if (fork.size() > 1 && fork.get(fork.size() - 1) - fork.get(0) > Math.max(MAX_THREAD_DRIFT,
                        fork.get(0) * MAX_THREAD_DRIFT_PERCENT / 100)) {
                    return Optional.of(String.format(Locale.ROOT, "its platform threads grew from %.0f to %.0f",
                            fork.get(0), fork.get(fork.size() - 1)));
                }
            }
        }
        return Optional.empty();
    }
}
