package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/**
 * Apache HttpClient 5's classic client as the blocking client of an executor model: its pool
 * allows {@code concurrency} connections per route (default 5) and {@code maxRequests} in all
 * (default 25), the same defaults as the async client's; a thread past them waits for a lease.
 */
final class ApacheClassic implements BlockingClient {

    private final CloseableHttpClient client;
    private final Set<HttpGet> running = ConcurrentHashMap.newKeySet();
    private final BodyWork bodyWork;
    private final Protocol protocol;

    ApacheClassic(ModelSettings settings) {
        this.bodyWork = settings.bodyWork();
        this.protocol = settings.transport().protocol();
        InFlight inFlight = settings.inFlight();
        // On the wire from the moment it has its connection (the last link, after the lease) to its response's head.
        ExecChainHandler onTheWire = (ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain) -> {
            inFlight.enter();
            try {
                return chain.proceed(request, scope);
            } finally {
                inFlight.exit();
            }
        };
        this.client = ApacheClassicStack.configured(ApacheAsync.total(settings.maxRequests()),
                        ApacheAsync.perRoute(settings.concurrency()), Http.timeout(settings), settings.transport())
                .addExecInterceptorLast("in-flight", onTheWire).build();
    }

    @Override
    public Outcome fetch(URI url, CallGroup group) {
        long start = System.nanoTime();
        HttpGet get = new HttpGet(url);
        running.add(get);
        if (group != null) {
            group.add(get::cancel);
        }
        try {
            return client.execute(get, response -> outcome(url, response, start));
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(url, e, start);
        } finally {
            running.remove(get);
        }
    }

    /** Reads the whole body and does the model's work on it; an answer in another HTTP version fails. */
    private Outcome outcome(URI url, ClassicHttpResponse response, long start) throws IOException {
        String mismatch = protocol.mismatch(ApacheAsyncStack.version(response.getVersion()));
        if (mismatch != null) {
            return Outcome.failed(url, new Protocol.WrongProtocolException(mismatch), start);
        }
        try {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            return Outcome.response(url, response.getCode(), bodyWork.apply(body), start);
        } catch (HttpException | RuntimeException e) {
            return Outcome.failed(url, e, start);
        }
    }

    @Override
    public void cancelAll() {
        running.forEach(HttpGet::cancel);
    }

    @Override
    public void close() {
        cancelAll();
        client.close(CloseMode.IMMEDIATE);
    }
}
