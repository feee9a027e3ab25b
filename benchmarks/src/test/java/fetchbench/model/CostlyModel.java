package fetchbench.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A model with a known cost per request for the tests, on a virtual thread per fetch: a gather burns {@code cpuMicros} of CPU
 * time per URL on the calling thread once every answer is in (so the fetches themselves run as
 * the same model's without it do), and each fetch holds {@code heldBytes} of heap until its
 * answer is in.
 */
public final class CostlyModel extends ExecutorServiceModel {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long micros;
    private final boolean burns;
    private final int heldBytes;

    public CostlyModel(ModelSettings settings, long micros, boolean burns, int heldBytes) {
        super(settings, Executors.newThreadPerTaskExecutor(Pools.virtualThreads("costly")));
        this.micros = micros;
        this.burns = burns;
        this.heldBytes = heldBytes;
    }

    @Override
    public List<Outcome> gather(List<URI> urls) {
        List<Outcome> outcomes = super.gather(urls);
        long nanos = micros * 1000 * urls.size();
        if (burns) {
            long until = THREADS.getCurrentThreadCpuTime() + nanos;
            while (THREADS.getCurrentThreadCpuTime() < until) {
                Thread.onSpinWait();
            }
        } else {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return outcomes;
    }

    @Override
    Outcome fetch(URI url, CallGroup group) {
        byte[] held = new byte[heldBytes];
        if (heldBytes > 0) {
            held[url.hashCode() & (heldBytes - 1)] = 1;
        }
        Outcome outcome = super.fetch(url, group);
        return heldBytes > 0 && held[0] == 2 ? null : outcome; // keeps held reachable until the answer is in
    }
}
