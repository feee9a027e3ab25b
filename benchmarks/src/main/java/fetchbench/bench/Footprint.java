package fetchbench.bench;

import java.lang.management.ManagementFactory;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.InFlight;
import fetchbench.model.Outcome;
import fetchbench.workload.Workload;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What this JVM holds at one moment, after a full collection: the live heap; the memory Native
 * Memory Tracking counts for threads (their stacks, mostly); the native memory a request can hold
 * outside both (NMT's Other: direct buffers; Internal; the monitors of Synchronization and Object
 * Monitors), leaving out the JIT's arenas, the collector's and the class data, which change with
 * every compilation and collection whatever is in flight; and the live platform threads. Needs
 * {@code -XX:NativeMemoryTracking=summary}; without it the native figures are NaN.
 */
record Footprint(double heapBytes, double threadBytes, double otherNativeBytes, double platformThreads) {

    /** What each of {@code requests} in flight held. */
    record Held(Footprint perRequest, int requests) {
    }

    /**
     * The footprint of {@code model} idle, then while a gather of {@code held}'s URLs (delayed long
     * enough) is in flight, as soon as all of them are or {@code waitMs} has passed; per request in
     * flight (the fewer, where the count moved during the reading).
     */
    static Held whileHeld(ConcurrencyModel model, Workload held, InFlight inFlight, ExecutorService caller,
                          long waitMs) throws Exception {
        int slots = held.urls().size();
        Footprint idle = now();
        Future<List<Outcome>> gather = caller.submit(() -> model.gather(held.urls()));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        while (inFlight.current() < slots && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int before = inFlight.current();
        Footprint holding = now();
        int requests = Math.min(before, inFlight.current());
        held.verify("footprint", gather.get());
        if (requests == 0) {
            throw new IllegalStateException("no request in flight when the footprint was read");
        }
        return new Held(idle.perRequest(holding, requests), requests);
    }

    /** NMT's "- Thread (reserved=…KB, committed=…KB)". */
    private static final Pattern THREAD = Pattern.compile("-\\s+Thread \\(reserved=\\d+KB, committed=(\\d+)KB");
    /** The categories whose malloc'd memory a request in flight can hold. */
    private static final List<String> REQUEST_NATIVE = List.of("Other", "Internal", "Synchronization", "Object Monitors");

    /** Collections until the live heap stops shrinking, at most this many. */
    private static final int MOST_COLLECTIONS = 6;
    /** "Stops shrinking": by less than this between two collections. */
    private static final long SETTLED_BYTES = 256 * 1024;

    static Footprint now() throws InterruptedException {
        double heap = settledHeap();
        String nmt = nativeMemorySummary();
        double thread = committedKb(THREAD, nmt) * 1024;
        double other = REQUEST_NATIVE.stream().mapToDouble(category -> committedKb(mallocOf(category), nmt)).sum() * 1024;
        return new Footprint(heap, thread, other, ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /**
     * The live heap once what was let go is gone: a closed client's buffers may wait for a cleaner
     * thread, which runs only after a collection has found them, and frees them for the next.
     */
    private static double settledHeap() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < MOST_COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(20);
            used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (previous - used < SETTLED_BYTES) {
                break;
            }
            previous = used;
        }
        return used;
    }

    /** What {@code held} holds beyond this, per one of {@code requests}. */
    Footprint perRequest(Footprint held, int requests) {
        return new Footprint((held.heapBytes - heapBytes) / requests, (held.threadBytes - threadBytes) / requests,
                (held.otherNativeBytes - otherNativeBytes) / requests,
                (held.platformThreads - platformThreads) / requests);
    }

    /** {@code jcmd <pid> VM.native_memory summary}, asked of this JVM through its diagnostic bean. */
    static String nativeMemorySummary() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            return String.valueOf(text);
        } catch (JMException e) {
            return "";
        }
    }

    /** "- Other (reserved=…)" and on its next line "(malloc=34KB …"; a category NMT omits (under 1 KB) is 0. */
    private static Pattern mallocOf(String category) {
        return Pattern.compile("-\\s+" + Pattern.quote(category) + " \\(reserved=[^\\n]*\\n\\s+\\(malloc=(\\d+)KB");
    }

    private static double committedKb(Pattern pattern, String nmt) {
        if (nmt.isEmpty()) {
            return Double.NaN;
        }
        Matcher matcher = pattern.matcher(nmt);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
