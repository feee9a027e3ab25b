package fetchbench.model;

import java.net.URI;

/**
 * A client whose fetch blocks the calling thread until the whole answer is in: what the
 * executor models (threadPool, virtualThreads) run one of per task. OkHttp's ({@link Http}) by
 * default; Apache's classic client for virtual threads on the Apache stack.
 */
interface BlockingClient {

    /** A blocking fetch whose call joins {@code group} (if any), so cancelling the group cancels it. */
    Outcome fetch(URI url, CallGroup group);

    /** Cancels every call under way, which closes their sockets: an interrupt alone wakes no socket read. */
    void cancelAll();

    /** Closes the pooled connections: nothing stays open after the model is closed. */
    void close();
}
