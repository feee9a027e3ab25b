package fetchbench.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A deliberately broken model for the tests: as completed, it gathers every result, sorts them by
 * when each finished and only then hands them on. The order is right; the first result waits for
 * the slowest fetch. The as-completed verifier must catch it.
 */
final class BufferingModel extends ExecutorServiceModel {

    BufferingModel(ModelSettings settings) {
        super(settings, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("buffering-", 0).factory()));
    }

    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        List<Outcome> all = new ArrayList<>(gather(urls)); // the bug: nothing is handled until all are in
        all.sort(Comparator.comparingLong(Outcome::finishedAt));
        all.forEach(handler);
    }
}
