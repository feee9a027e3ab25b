package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A deliberately broken model for the tests: its gather fetches each list of URLs once, through a
 * real model, and answers every later gather of the same list from what it kept. Every body is
 * right; only the server's count shows that nothing was sent. Only the gather exists.
 */
public final class CachingModel implements ConcurrencyModel {

    private final ConcurrencyModel real;
    private final Map<List<URI>, List<Outcome>> kept = new HashMap<>();

    public CachingModel(ConcurrencyModel real) {
        this.real = real;
    }

    @Override
    public List<Outcome> gather(List<URI> urls) {
        return kept.computeIfAbsent(List.copyOf(urls), real::gather); // the bug: a second gather sends nothing
    }

    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        throw new UnsupportedOperationException("only the gather");
    }

    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        throw new UnsupportedOperationException("only the gather");
    }

    @Override
    public Outcome race(List<URI> replicas) {
        throw new UnsupportedOperationException("only the gather");
    }

    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        throw new UnsupportedOperationException("only the gather");
    }

    @Override
    public void close() {
        real.close();
    }
}
