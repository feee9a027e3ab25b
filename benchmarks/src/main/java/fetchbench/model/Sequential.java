package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A plain loop of blocking calls: one request at a time, so N URLs take N·delay. It is every
 * shape's baseline: one worker, and completion order is the order given. A race becomes a list of
 * fallbacks, which the suite does not benchmark: it would wait for each replica in turn.
 */
public final class Sequential implements ConcurrencyModel {

    private final Http http;

    public Sequential(ModelSettings settings) {
        this.http = new Http(settings);
    }

    @Override
    public List<Outcome> gather(List<URI> urls) {
        List<Outcome> outcomes = new ArrayList<>(urls.size());
        for (URI url : urls) {
            outcomes.add(http.fetch(url));
        }
        return outcomes;
    }

    /** One worker draining the queue is the loop itself. */
    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        return gather(urls);
    }

    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        for (URI url : urls) {
            handler.accept(http.fetch(url));
        }
    }

    /** Tries the replicas in turn: a fallback list, not a race. */
    @Override
    public Outcome race(List<URI> replicas) {
        for (URI replica : replicas) {
            Outcome outcome = http.fetch(replica);
            if (outcome.isOk()) {
                return outcome;
            }
        }
        throw new NoReplicaAnsweredException(replicas);
    }

    /** Each call gets what is left of the deadline as its OkHttp call timeout. */
    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        List<Outcome> completed = new ArrayList<>();
        for (URI url : urls) {
            long left = deadlineAt - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Outcome outcome = http.fetch(url, Duration.ofNanos(left));
            if (outcome.finishedAt() - deadlineAt < 0) {
                completed.add(outcome);
            }
        }
        return completed;
    }

    @Override
    public void close() {
        http.close();
    }
}
