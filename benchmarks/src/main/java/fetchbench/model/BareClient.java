package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N blocking calls of one client stack on N virtual threads and nothing else: no outcomes, no
 * in-flight gauge, no per-URL verification, only a count of HTTP 200s. The floor of each stack,
 * what a setting adds to its stack (the cost profile) and the server check all fetch with it.
 */
public final class BareClient implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Protocol protocol;
    private final StackCard.Bare client;

    /** Over HTTP/1.1 in cleartext. */
    public BareClient(ClientStack stack, int connections, Duration longestResponse) {
        this(stack, connections, longestResponse, Transport.PLAIN);
    }

    public BareClient(ClientStack stack, int connections, Duration longestResponse, Transport transport) {
        protocol = transport.protocol();
        client = stack.card().bare(connections, longestResponse, transport);
    }

    private int status(URI url) throws Exception {
        StackCard.Reply reply = client.get().fetch(url);
        return checked(protocol, reply.version(), reply.status());
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
            statuses.add(threads.submit((Callable<Integer>) () -> status(url)));
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
        client.close().run();
    }
}
