package fetchbench.model;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately broken model for the tests: its gather fetches each list of URLs once, through a
 * real model, and answers every later gather of the same list from what it kept. Every body is
 * right; only the server's count shows that nothing was sent. Only the gather exists.
 */
public final class CachingModel extends OneShapeModel {

    private final ConcurrencyModel real;
    private final Map<List<URI>, List<Outcome>> kept = new HashMap<>();

    public CachingModel(ConcurrencyModel real) {
        super("gather");
        this.real = real;
    }

    @Override
    public List<Outcome> gather(List<URI> urls) {
        return kept.computeIfAbsent(List.copyOf(urls), real::gather); // the bug: a second gather sends nothing
    }

    @Override
    public void close() {
        real.close();
    }
}
