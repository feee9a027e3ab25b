package fetchbench.model;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts requests between "sent" and "response headers received" and remembers the peak. With a
 * delayed server that window is the delay, so the peak is the concurrency the model really reached.
 * OkHttp counts through its interceptor chain; a client without interceptors calls enter and exit.
 */
public final class InFlight implements Interceptor {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger callsEnded = new AtomicInteger();
    private volatile boolean countsConnects;
    private final List<Dispatcher> dispatchers = new CopyOnWriteArrayList<>();

    /** The calls OkHttp's Dispatchers hold: running (blocking or async) and waiting for a slot. */
    public record DispatcherCalls(int running, int queued) {
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        enter();
        try {
            return chain.proceed(chain.request());
        } finally {
            exit();
        }
    }

    public void enter() {
        peak.accumulateAndGet(current.incrementAndGet(), Math::max);
    }

    public void exit() {
        current.decrementAndGet();
    }

    /** A new connection is being opened (OkHttp's event listener calls this). */
    void connectStarted() {
        connects.incrementAndGet();
    }

    /** A call has ended: its response is closed, or it failed (OkHttp's event listener calls this). */
    void callEnded() {
        callsEnded.incrementAndGet();
    }

    /** Calls ended since this gauge was made, where the client reports them (OkHttp does). */
    public int callsEnded() {
        return callsEnded.get();
    }

    /** Connections opened since the last {@link #resetPeak()}, if the client reports them (OkHttp does). */
    public OptionalInt connects() {
        return countsConnects ? OptionalInt.of(connects.get()) : OptionalInt.empty();
    }

    /** Marks the client as one that reports its connects, before it has opened any. */
    void countConnects() {
        countsConnects = true;
    }

    /** Counts the calls of this Dispatcher too (the OkHttp-based models' clients register theirs). */
    void watch(Dispatcher dispatcher) {
        dispatchers.add(dispatcher);
    }

    /**
     * What the watched Dispatchers run and queue now, by OkHttp's own count, which does not depend
     * on this gauge's interceptor; empty for a client without a Dispatcher (the JDK's).
     */
    public Optional<DispatcherCalls> dispatcherCalls() {
        if (dispatchers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DispatcherCalls(dispatchers.stream().mapToInt(Dispatcher::runningCallsCount).sum(),
                dispatchers.stream().mapToInt(Dispatcher::queuedCallsCount).sum()));
    }

    public int peak() {
        return peak.get();
    }

    public int current() {
        return current.get();
    }

    /** Starts a new peak from what is in flight now (between benchmark iterations: nothing), and a new connect count. */
    public void resetPeak() {
        peak.set(current.get());
        connects.set(0);
    }
}
