package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** A deliberately broken model of the tests has one shape, the one its test needs; the others refuse. */
abstract class OneShapeModel implements ConcurrencyModel {

    private final String only;

    OneShapeModel(String only) {
        this.only = only;
    }

    private UnsupportedOperationException refused() {
        return new UnsupportedOperationException("only the " + only);
    }

    @Override
    public List<Outcome> gather(List<URI> urls) {
        throw refused();
    }

    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        throw refused();
    }

    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        throw refused();
    }

    @Override
    public Outcome race(List<URI> replicas) {
        throw refused();
    }

    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        throw refused();
    }
}
