package fetchbench.bench;

import fetchbench.result.Metrics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordingStream;

/**
 * What a batch did to the virtual-thread scheduler, for the models that fetch on virtual threads:
 * the JFR events of a virtual thread that blocked while pinned to its carrier (every one: the
 * threshold is 0), with the time they were pinned; and, where the JVM has the scheduler's bean
 * (JDK 24+), how many virtual threads waited for a carrier, sampled every
 * {@value #SAMPLE_MS} ms. A recording stream of its own per batch: stopping it delivers every
 * event of the batch before the numbers are recorded, outside the batch's time.
 */
final class VirtualThreadWatch {

    static final String PINNED_EVENT = "jdk.VirtualThreadPinned";
    private static final long SAMPLE_MS = 5;
    private static final String SCHEDULER = "jdk.management:type=VirtualThreadScheduler";

    private final MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName scheduler = schedulerName();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fetchbench-carrier-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private RecordingStream stream;
    private ScheduledFuture<?> sampling;
    private final AtomicLong pinned = new AtomicLong();
    private final AtomicLong pinnedNanos = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong queuedSum = new AtomicLong();
    private final AtomicLong queuedPeak = new AtomicLong();

    /** Starts watching a batch. */
    void start() {
        pinned.set(0);
        pinnedNanos.set(0);
        samples.set(0);
        queuedSum.set(0);
        queuedPeak.set(0);
        stream = new RecordingStream();
        stream.enable(PINNED_EVENT).withThreshold(Duration.ZERO).withoutStackTrace();
        stream.onEvent(PINNED_EVENT, event -> {
            pinned.incrementAndGet();
            pinnedNanos.addAndGet(event.getDuration().toNanos());
        });
        stream.startAsync();
        if (scheduler != null) {
            sampling = sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops watching, once every event of the batch is in, and records what it saw. */
    void finish(BatchMetrics metrics) {
        if (stream == null) {
            return;
        }
        if (sampling != null) {
            sampling.cancel(false);
        }
        stream.stop();
        stream.close();
        stream = null;
        metrics.record(Metrics.PINNED, pinned.get(), "events");
        metrics.record(Metrics.PINNED_MS, pinnedNanos.get() / 1e6, "ms");
        if (samples.get() > 0) {
            metrics.record(Metrics.CARRIER_QUEUE_MEAN, (double) queuedSum.get() / samples.get(), "virtual threads");
            metrics.record(Metrics.CARRIER_QUEUE_PEAK, queuedPeak.get(), "virtual threads");
        }
        if (scheduler != null) {
            metrics.recordForTrial(Metrics.CARRIERS, attribute("Parallelism"), "threads");
        }
    }

    void close() {
        if (stream != null) {
            stream.close();
        }
        sampler.shutdownNow();
    }

    private void sample() {
        long queued = attribute("QueuedVirtualThreadCount");
        samples.incrementAndGet();
        queuedSum.addAndGet(queued);
        queuedPeak.accumulateAndGet(queued, Math::max);
    }

    private long attribute(String name) {
        try {
            return ((Number) beans.getAttribute(scheduler, name)).longValue();
        } catch (JMException e) {
            return 0;
        }
    }

    /** The scheduler's bean, or null before JDK 24. */
    private ObjectName schedulerName() {
        try {
            ObjectName name = new ObjectName(SCHEDULER);
            return beans.isRegistered(name) ? name : null;
        } catch (JMException e) {
            return null;
        }
    }
}
