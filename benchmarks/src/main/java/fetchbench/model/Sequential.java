package fetchbench.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/** A plain loop of blocking calls: one request at a time, so N URLs take N·delay. */
public final class Sequential implements ConcurrencyModel {

    private final OkHttpClient client;

    public Sequential(ModelSettings settings) {
        this.client = Http.client(settings);
    }

    @Override
    public List<Outcome> fetchAll(List<URI> urls) {
        List<Outcome> outcomes = new ArrayList<>(urls.size());
        for (URI url : urls) {
            outcomes.add(Http.fetch(client, url));
        }
        return outcomes;
    }

    @Override
    public void close() {
        Http.closeConnections(client);
    }
}
