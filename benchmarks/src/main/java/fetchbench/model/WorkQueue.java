package fetchbench.model;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The shared queue of the workers shape: workers take the next URL until none is left and file
 * each outcome under its URL's place, so results come back in the order of the URLs.
 */
final class WorkQueue {

    private final List<URI> urls;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReferenceArray<Outcome> outcomes;

    WorkQueue(List<URI> urls) {
        this.urls = urls;
        this.outcomes = new AtomicReferenceArray<>(urls.size());
    }

    /** The place of the next URL to fetch, or -1 when the queue is empty. */
    int take() {
        int i = next.getAndIncrement();
        return i < urls.size() ? i : -1;
    }

    URI url(int place) {
        return urls.get(place);
    }

    void done(int place, Outcome outcome) {
        outcomes.set(place, outcome);
    }

    /** A worker's whole life for the blocking models: fetch until the queue is empty. */
    void drainWith(Function<URI, Outcome> fetch) {
        for (int i = take(); i >= 0; i = take()) {
            done(i, fetch.apply(url(i)));
        }
    }

    List<Outcome> outcomes() {
        Outcome[] all = new Outcome[urls.size()];
        Arrays.setAll(all, i -> outcomes.get(i) != null ? outcomes.get(i)
                : Outcome.failed(urls.get(i), new IllegalStateException("no worker fetched it"), System.nanoTime()));
        return List.of(all);
    }
}
