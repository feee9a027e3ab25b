package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

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

    /** Over HTTP/1.1 in cleartext. */
    public BareClient(ClientStack stack, int connections, Duration longestResponse) {
        this(stack, connections, longestResponse, Transport.PLAIN);
    }

    public BareClient(ClientStack stack, int connections, Duration longestResponse, Transport transport) {
        // Each stack with the models' configuration, without the in-flight gauge.
        Protocol protocol = transport.protocol();
        Duration timeout = longestResponse.plus(Http.TIMEOUT_MARGIN);
        switch (stack) {
            case okHttp -> {
                OkHttpClient client = Http.configured(connections, longestResponse, transport).build();
                get = url -> {
                    try (Response response = client.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
                        response.body().string();
                        return checked(protocol, Http.version(response), response.code());
                    }
                };
                closeClient = () -> client.connectionPool().evictAll();
            }
            case jdkHttpClient -> {
                HttpClient client = HttpClientAsync.configured(timeout, transport).build();
                get = url -> {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET()
                            .build(), BodyHandlers.ofString());
                    return checked(protocol, HttpClientAsync.version(response), response.statusCode());
                };
                closeClient = () -> {
                    // Waits, so the next client's batch does not pay for closing this one's connections.
                    client.shutdownNow();
                    try {
                        client.awaitTermination(Http.TIMEOUT_MARGIN);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
            }
            case reactorNetty -> {
                LoopResources loops = LoopResources.create(Pools.THREAD_PREFIX + "bare", Reactor.EVENT_LOOP_THREADS, true);
                ConnectionProvider pool = Reactor.pool(connections, timeout);
                reactor.netty.http.client.HttpClient client = Reactor.configured(
                        reactor.netty.http.client.HttpClient.create(pool).runOn(loops), timeout, transport);
                get = url -> client.get().uri(url).responseSingle((response, body) -> body.asString()
                        .defaultIfEmpty("").map(text -> checked(protocol, Reactor.version(response),
                                response.status().code()))).block();
                closeClient = () -> {
                    pool.disposeLater().block(Http.TIMEOUT_MARGIN);
                    loops.disposeLater(Duration.ZERO, Http.TIMEOUT_MARGIN).block(Http.TIMEOUT_MARGIN);
                };
            }
            default -> throw new IllegalArgumentException("no bare client for " + stack);
        }
    }

    /** The status, if the response came back in the protocol's HTTP version. */
    private static int checked(Protocol protocol, Protocol.HttpVersion negotiated, int status) {
        String mismatch = protocol.mismatch(negotiated);
        if (mismatch != null) {
            throw new IllegalStateException(mismatch);
        }
        return status;
    }

    /**
     * What fetching every URL at once gave: how many answered HTTP 200, and the first error of the
     * others (null when each of them answered, with another status).
     */
    public record Answers(int ok, int failed, Throwable firstError) {
    }

    /** Fetches every URL at once and counts the answers, failures included. */
    public Answers attempt(List<URI> urls) throws IOException {
        List<Future<Integer>> statuses = new ArrayList<>(urls.size());
        for (URI url : urls) {
            statuses.add(threads.submit((Callable<Integer>) () -> get.status(url)));
        }
        int ok = 0;
        int failed = 0;
        Throwable firstError = null;
        for (Future<Integer> status : statuses) {
            try {
                ok += status.get() == 200 ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("bare client interrupted", e);
            } catch (ExecutionException e) {
                failed++;
                firstError = firstError == null ? e.getCause() : firstError;
            }
        }
        return new Answers(ok, failed, firstError);
    }

    /** Fetches every URL at once; throws unless every one answered HTTP 200. */
    public int gather(List<URI> urls) throws IOException {
        Answers answers = attempt(urls);
        if (answers.firstError() != null) {
            throw new IOException("bare client: a request failed: " + answers.firstError(), answers.firstError());
        }
        if (answers.ok() != urls.size()) {
            throw new IOException("bare client: " + answers.ok() + " of " + urls.size() + " URLs answered HTTP 200");
        }
        return answers.ok();
    }

    @Override
    public void close() {
        Pools.shutdown(threads);
        closeClient.run();
    }
}
