package fetchbench.model;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;

/**
 * One virtual thread per URL making a blocking call: all N run at once, so N URLs take about one
 * delay, until the client or the machine runs out of something else.
 */
public final class VirtualThreads implements ConcurrencyModel {

    private final OkHttpClient client;
    // Created once like every other model's executor; a virtual thread per task costs almost nothing.
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Pools.virtualThreads("virtualThreads"));

    public VirtualThreads(ModelSettings settings) {
        this.client = Http.client(settings);
    }

    // The same lines as ThreadPool's on purpose: with virtual threads only the executor changes.
    @Override
    public List<Outcome> fetchAll(List<URI> urls) {
        List<Callable<Outcome>> fetches = urls.stream()
                .map(url -> (Callable<Outcome>) () -> Http.fetch(client, url))
                .toList();
        return Pools.results(Pools.invokeAll(executor, fetches));
    }

    @Override
    public void close() {
        Pools.shutdown(executor);
        Http.closeConnections(client);
    }
}
