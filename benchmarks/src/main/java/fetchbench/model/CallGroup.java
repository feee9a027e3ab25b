package fetchbench.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls of one operation, so the operation can cancel the ones still running, including a
 * call that a task starts just after the cancelling (it is cancelled as it joins). Each call
 * joins with what cancels it: OkHttp's {@code Call.cancel}, Apache's {@code HttpGet.cancel}.
 */
public final class CallGroup {
    private final Set<Runnable> cancels = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    void add(Runnable cancel) {
        cancels.add(cancel);
        if (cancelled) {
            cancel.run();
        }
    }

    /** Cancels every call of the group, now and from now on: their clients close their sockets. */
    public void cancelAll() {
        cancelled = true;
        cancels.forEach(Runnable::run);
    }
}
