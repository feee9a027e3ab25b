package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a model left running after a race or a deadline returned, seen four ways: calls the gauge
 * still counts in flight, calls OkHttp's Dispatcher still runs or queues (its own count), this
 * JVM's connections to the server that carried a request (the kernel's counters), and threads
 * (virtual ones included) still inside a fetch. Each can fail: WindDownTest shows every one catching a model that forgets to cancel.
 */
final class WindDown {

    /**
     * Frames of a thread inside a fetch: OkHttp's blocking call, its Dispatcher running one, the
     * JDK client's blocking send, Apache's classic execute.
     */
    private static final List<String> FETCHING = List.of("okhttp3.internal.connection.RealCall.execute(",
            "okhttp3.internal.connection.RealCall$AsyncCall.run(", "jdk.internal.net.http.HttpClientImpl.send(",
            "org.apache.hc.client5.http.impl.classic.CloseableHttpClient.execute(");

    /** What was left: none of it once the model wound down. */
    record Left(int inFlight, InFlight.DispatcherCalls dispatcher, int extraConnections, Set<String> threadsInAFetch) {
        boolean nothing() {
            return inFlight == 0 && dispatcher.running() == 0 && dispatcher.queued() == 0 && extraConnections <= 0
                    && threadsInAFetch.isEmpty();
        }
    }

    private static final InFlight.DispatcherCalls NO_DISPATCHER = new InFlight.DispatcherCalls(0, 0);

    private WindDown() {
    }

    /** The connections this process has open to the server now, to compare with after. */
    static Set<Integer> connectionsTo(URI server) {
        return Sockets.localPortsTo(server.getPort());
    }

    /**
     * Looks until nothing is left on two looks in a row (a connection opened an instant before its
     * request is written has not sent yet) or {@code wait} has passed, and returns the last look. Connections
     * opened since {@code connectionsBefore} that carried a request are counted beyond the
     * {@code finishedCalls} a pool may keep; one a pool opened ahead and never used is not a call
     * left running, and one that was open before (the admin client's, say) and closes meanwhile
     * changes nothing.
     */
    static Left after(InFlight inFlight, URI server, Set<Integer> connectionsBefore, int finishedCalls, Duration wait) {
        Supplier<Left> look = () -> new Left(inFlight.current(), inFlight.dispatcherCalls().orElse(NO_DISPATCHER),
                (int) Sockets.localPortsThatSentTo(server.getPort()).stream()
                .filter(port -> !connectionsBefore.contains(port)).count() - finishedCalls, threadsInAFetch());
        long giveUpAt = System.nanoTime() + wait.toNanos();
        Left left = look.get();
        boolean nothingBefore = false;
        while (!(left.nothing() && nothingBefore) && System.nanoTime() < giveUpAt) {
            nothingBefore = left.nothing();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = look.get();
        }
        return left;
    }

    /**
     * Threads the JDK and the libraries start once for the whole process: the carriers and I/O
     * pollers of virtual threads, the common pool, the process reaper, OkHttp's task runner, Okio's
     * timeout watchdog and Reactor's parallel scheduler. The carriers' pool is named by its place
     * among the process's ForkJoinPools, so it is asked, not assumed: a model's own ForkJoinPool
     * left running is not shared, and is caught.
     */
    private static final List<String> SHARED = List.of("ForkJoinPool.commonPool-worker-",
            "VirtualThread-unblocker", "MasterPoller", "SubPoller-", "Read-Poller", "Write-Poller",
            "OkHttp TaskRunner", "Okio Watchdog",
            // the JDK's waiter for child processes, from this class's own reading of ss
            "process reaper",
            // Reactor's global parallel scheduler (its timeouts), which adds workers as they are first needed
            "parallel-");

    /** Asked once, after this class is initialised: a virtual thread started from its initialiser would wait for it. */
    private static volatile String carriers;

    /** "ForkJoinPool-K-" of the pool that carries virtual threads, from a virtual thread's own name for itself. */
    private static String carriersPrefix() {
        if (carriers != null) {
            return carriers;
        }
        String[] seen = new String[1];
        try {
            Thread.ofVirtual().start(() -> seen[0] = Thread.currentThread().toString()).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // e.g. VirtualThread[#31]/runnable@ForkJoinPool-1-worker-1
        String carrier = seen[0].substring(seen[0].indexOf('@') + 1);
        carriers = carrier.substring(0, carrier.lastIndexOf("worker-")); // its workers and, from JDK 25, its delayScheduler
        return carriers;
    }

    /** Threads, platform and virtual, alive now and not in {@code before}, the process-wide shared ones aside. */
    static Set<String> threadsStartedSince(Set<String> before) {
        return ThreadDump.stacks().keySet().stream().filter(name -> !before.contains(name))
                .filter(name -> !name.startsWith(carriersPrefix()) && SHARED.stream().noneMatch(name::startsWith))
                .collect(Collectors.toSet());
    }

    /** Threads, platform and virtual, whose stack is inside a fetch. */
    static Set<String> threadsInAFetch() {
        return ThreadDump.stacks().entrySet().stream()
                .filter(thread -> thread.getValue().stream().anyMatch(frame -> FETCHING.stream().anyMatch(frame::startsWith)))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
