package fetchbench.model;

import java.net.URI;
import java.util.List;

/**
 * One way of fetching N URLs concurrently. Each implementation is a recipe card: open it to see
 * how that model does the fan-out, in a few lines.
 */
public interface ConcurrencyModel extends AutoCloseable {

    /** Gathers: fetches every URL and returns one outcome per URL, in the order given. */
    List<Outcome> fetchAll(List<URI> urls);

    /** Stops the model's threads and closes its connections; waits until they are gone. */
    @Override
    void close();
}
