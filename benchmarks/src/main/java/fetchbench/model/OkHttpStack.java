package fetchbench.model;

import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** OkHttp: every model but httpClientAsync and reactor. Its pool is a setting; it keeps the pool's idle connections. */
final class OkHttpStack implements StackCard {

    @Override
    public Bare bare(int connections, Duration longestResponse, Transport transport) {
        OkHttpClient client = Http.configured(connections, longestResponse, transport).build();
        return new Bare(url -> {
            try (Response response = client.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
                response.body().string();
                return new Reply(Http.version(response), response.code());
            }
        }, () -> client.connectionPool().evictAll());
    }

    @Override
    public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
        return pool.connections(urls);
    }

    @Override
    public int poolConnections(ConnectionPoolSize pool, int urls) {
        return pool.connections(urls);
    }
}
