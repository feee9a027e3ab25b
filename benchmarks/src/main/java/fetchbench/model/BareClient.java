package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * N blocking calls of one client stack on N virtual threads and nothing else: no outcomes, no
 * in-flight gauge, no per-URL verification, only a count of HTTP 200s. The floor of each stack,
 * the baseline of the suite's overhead and the server check all fetch with it.
 */
public final class BareClient implements AutoCloseable {

    /** One blocking GET that reads the body and returns the status. */
    private interface Get {
        int status(URI url) throws Exception;
    }

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Get get;
    private final Runnable closeClient;

    public BareClient(ClientStack stack, int connections, Duration longestResponse) {
        // Each stack with the models' configuration, without the in-flight gauge.
        switch (stack) {
            case okHttp -> {
                OkHttpClient client = Http.configured(connections, longestResponse).build();
                get = url -> {
                    try (Response response = client.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
                        response.body().string();
                        return response.code();
                    }
                };
                closeClient = () -> client.connectionPool().evictAll();
            }
            case jdkHttpClient -> {
                Duration timeout = longestResponse.plus(Http.TIMEOUT_MARGIN);
                HttpClient client = HttpClientAsync.configured(timeout).build();
                get = url -> client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                        BodyHandlers.ofString()).statusCode();
                closeClient = client::shutdownNow;
            }
            default -> throw new IllegalArgumentException("no bare client for " + stack);
        }
    }

    /** Fetches every URL at once; throws unless every one answered HTTP 200. */
    public int gather(List<URI> urls) throws IOException {
        List<Future<Integer>> statuses = new ArrayList<>(urls.size());
        for (URI url : urls) {
            statuses.add(threads.submit((Callable<Integer>) () -> get.status(url)));
        }
        int ok = 0;
        for (Future<Integer> status : statuses) {
            try {
                ok += status.get() == 200 ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("bare client interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("bare client: a request failed: " + e.getCause(), e.getCause());
            }
        }
        if (ok != urls.size()) {
            throw new IOException("bare client: " + ok + " of " + urls.size() + " URLs answered HTTP 200");
        }
        return ok;
    }

    @Override
    public void close() {
        Pools.shutdown(threads);
        closeClient.run();
    }
}
