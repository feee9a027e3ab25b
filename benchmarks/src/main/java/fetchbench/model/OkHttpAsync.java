package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * {@code Call.enqueue} with a {@code Callback}. OkHttp's Dispatcher decides the concurrency: at
 * most maxRequestsPerHost (OkHttp's default: 5) calls to one host and maxRequests (default: 64) in
 * all; the rest wait in its queue. Against one server N URLs take ⌈N/min(perHost, max)⌉·delay.
 */
public final class OkHttpAsync implements ConcurrencyModel {

    /** OkHttp's own Dispatcher defaults; concurrency 0 means the first. */
    public static final int OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST = 5;
    public static final int OKHTTP_DEFAULT_MAX_REQUESTS = 64;

    private final ExecutorService dispatcherThreads;
    private final OkHttpClient client;

    public OkHttpAsync(ModelSettings settings) {
        if (settings.maxRequests() < 1) {
            throw new IllegalArgumentException("okHttpAsync needs maxRequests >= 1 (OkHttp's default is 64)");
        }
        // The same shape as OkHttp's own dispatcher executor, but with threads we can name and stop.
        dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), Pools.platformThreads("okHttpAsync"));
        Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
        dispatcher.setMaxRequests(settings.maxRequests());
        dispatcher.setMaxRequestsPerHost(settings.concurrency() == 0
                ? OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST
                : settings.concurrency());
        client = Http.client(settings).newBuilder().dispatcher(dispatcher).build();
    }

    @Override
    public List<Outcome> fetchAll(List<URI> urls) {
        List<CompletableFuture<Outcome>> fetches = new ArrayList<>(urls.size());
        for (URI url : urls) {
            CompletableFuture<Outcome> outcome = new CompletableFuture<>();
            long start = System.nanoTime();
            client.newCall(Http.get(url)).enqueue(new Callback() {
                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        outcome.complete(Outcome.read(url, response, start));
                    } catch (RuntimeException e) {
                        outcome.complete(Outcome.failed(url, e, start)); // OkHttp would not call onFailure
                    }
                }

                @Override
                public void onFailure(Call call, IOException e) {
                    outcome.complete(Outcome.failed(url, e, start));
                }
            });
            fetches.add(outcome);
        }
        return fetches.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        Pools.shutdown(dispatcherThreads);
        Http.closeConnections(client);
    }
}
