package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One way of fetching many URLs concurrently. Each implementation is a recipe card: open it to
 * see how that model does each shape of fan-out, in a few lines per shape.
 */
public interface ConcurrencyModel extends AutoCloseable {

    /** Gather: fetches every URL and returns one outcome per URL, in the order given. */
    List<Outcome> gather(List<URI> urls);

    /**
     * Workers: {@code workers} workers each take the next URL from one shared queue
     * until it is empty. Returns one outcome per URL, in the order given.
     */
    List<Outcome> workers(List<URI> urls, int workers);

    /**
     * As completed: hands each outcome to {@code handler} as soon as it arrives, in the order the
     * fetches complete, one at a time on the calling thread; returns when all are handled.
     */
    void asCompleted(List<URI> urls, Consumer<Outcome> handler);

    /**
     * Race: races replicas of one resource and returns the first HTTP 200; the other
     * calls are cancelled before it returns. Throws {@link NoReplicaAnsweredException} if none did.
     */
    Outcome race(List<URI> replicas);

    /**
     * Deadline: the outcomes that completed within {@code deadline}, in the order given; every
     * fetch still running then is cancelled before it returns (over HTTP/1.1 its socket is closed,
     * over HTTP/2 its stream reset; an event-loop client closes it just after).
     */
    List<Outcome> deadline(List<URI> urls, Duration deadline);

    /** Stops the model's threads and closes its connections; waits until they are gone. */
    @Override
    void close();

    /** No replica of a race answered HTTP 200. */
    final class NoReplicaAnsweredException extends IllegalStateException {
        public NoReplicaAnsweredException(List<URI> replicas) {
            super("none of the " + replicas.size() + " replicas answered HTTP 200");
        }
    }
}
