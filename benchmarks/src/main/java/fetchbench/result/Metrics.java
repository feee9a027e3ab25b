package fetchbench.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the secondary metrics a result carries in jmh.json besides the batch time: what
 * the forks record under them and what the report reads back.
 */
public final class Metrics {

    /** Peak requests in flight, platform threads and resident memory in a batch. */
    public static final String IN_FLIGHT = "inflight.peak";
    public static final String THREADS = "threads.peak";
    public static final String RSS = "rss.peak";

    /** CPU time per request the server answered in a batch, in µs: of the fork's JVM … */
    public static final String CLIENT_CPU = "cpu.client.us";
    /** … and of the server's JVM. */
    public static final String SERVER_CPU = "cpu.server.us";
    /** The machine's steal time in a batch, in ms, where the kernel counts it. */
    public static final String STEAL = "steal.ms";
    /** How late the server sent its responses against the delay asked for, the batch's 99th percentile, in ms. */
    public static final String SERVER_LATE_P99 = "server.late.p99.ms";

    /** Virtual threads that blocked while pinned to their carrier in a batch (JFR's jdk.VirtualThreadPinned) … */
    public static final String PINNED = "pinned";
    /** … and the time they stayed pinned, in ms. */
    public static final String PINNED_MS = "pinned.ms";
    /** Virtual threads waiting for a carrier thread in a batch, sampled: the mean and the peak (JDK 24+) … */
    public static final String CARRIER_QUEUE_MEAN = "carriers.queued.mean";
    public static final String CARRIER_QUEUE_PEAK = "carriers.queued.peak";
    /** … and the carrier threads the scheduler may run at once (its parallelism). */
    public static final String CARRIERS = "carriers";

    /** The footprint per request in flight, in bytes (FootprintBenchmark): the live heap … */
    public static final String HEAP_PER_REQUEST = "footprint.heap.bytes";
    /** … the threads' native memory (their stacks) … */
    public static final String THREAD_MEMORY_PER_REQUEST = "footprint.threads.bytes";
    /** … the rest of the native memory … */
    public static final String NATIVE_PER_REQUEST = "footprint.native.bytes";
    /** … and the platform threads … */
    public static final String THREADS_PER_REQUEST = "footprint.threads";
    /** … over this many requests in flight while it was read. */
    public static final String FOOTPRINT_IN_FLIGHT = "footprint.inflight";

    public static final String FIRST_RESULT = "first.ms";
    /** New connections the server saw in a batch, whatever the client stack … */
    public static final String CONNECTIONS = "connects";
    /** … and over TLS, the handshakes: one per new connection (TLS 1.3 does not renegotiate). */
    public static final String HANDSHAKES = "handshakes";
    public static final String KEPT = "kept";
    /** The CPU-heavy shape's work per response, measured in the fork after a warm-up: alone … */
    public static final String WORK = "work.ms";
    /** … and while every core does it at once. */
    public static final String WORK_ALL_CORES = "work.allcores.ms";

    /**
     * The load benchmark's window, for the steadiness checks only (the results are its latency
     * log's merged histograms): the 99th percentile of latency from the intended start, in ms …
     */
    public static final String WINDOW_P99 = "window.p99.ms";
    /** … and the rate the generator sent at, fan-outs per second. */
    public static final String ACHIEVED_RATE = "rate.achieved";
    /** The callers benchmark: the mean of the M callers' batch times, and the requests per second of them all. */
    public static final String CALLER_MEAN = "caller.mean.ms";
    public static final String THROUGHPUT = "throughput";

    /** The model's own warm-up before JMH's: requests sent, and real batches run. */
    public static final String WARMUP_REQUESTS = "warmup.requests";
    public static final String WARMUP_BATCHES = "warmup.batches";
    /** 1 where the fork's warm-up ended steady (no trend, no pool growth in its last block), 0 where it ran out of time. */
    public static final String WARMUP_STEADY = "warmup.steady";
    /** The JIT's compile time during the fork's warm-up and its last window of batches, in ms. */
    public static final String WARMUP_COMPILE_MS = "warmup.compile.ms";
    /** The peak of requests in flight during the warm-up's widest batch, which should hold one wave of them at once. */
    public static final String WARMUP_WIDEST_IN_FLIGHT = "warmup.widest.inflight";

    private Metrics() {
    }

}
