package fetchbench.model;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's HttpClient 12, async. Its knobs are the connections per destination (default 64) and
 * the requests it queues per destination (default 1024). HTTP/2 over TLS by ALPN, and h2c by
 * prior knowledge, through its HTTP/2 transport.
 */
final class JettyStack implements StackCard {

    @Override
    public Bare bare(int connections, Duration longestResponse, Transport transport) {
        Duration timeout = longestResponse.plus(Http.TIMEOUT_MARGIN);
        HttpClient client = configured(connections, Math.max(1024, connections), timeout, transport, "jetty-bare");
        return new Bare(url -> {
            ContentResponse response = client.newRequest(url).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .send();
            return new Reply(version(response.getVersion()), response.getStatus());
        }, () -> {
            try {
                client.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty's HttpClient did not stop", e);
            }
        });
    }

    /** A started client with at most {@code perDestination} connections and {@code queued} requests queued per server. */
    static HttpClient configured(int perDestination, int queued, Duration timeout, Transport transport, String name) {
        ClientConnector connector = new ClientConnector();
        connector.setConnectTimeout(timeout);
        connector.setIdleTimeout(timeout);
        transport.tls().ifPresent(tls -> {
            SslContextFactory.Client ssl = new SslContextFactory.Client();
            ssl.setSslContext(tls.context());
            ssl.setIncludeProtocols(Protocol.TLS_VERSION);
            connector.setSslContextFactory(ssl);
        });
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(Pools.THREAD_PREFIX + name);
        threads.setDaemon(true);
        connector.setExecutor(threads);
        HttpClientTransport clientTransport = transport.protocol().version() == Protocol.HttpVersion.HTTP_2
                ? new HttpClientTransportOverHTTP2(new HTTP2Client(connector))
                : new HttpClientTransportOverHTTP(connector);
        HttpClient client = new HttpClient(clientTransport);
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(perDestination);
        client.setMaxRequestsQueuedPerDestination(queued);
        client.setFollowRedirects(false);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty's HttpClient did not start", e);
        }
        return client;
    }

    static Protocol.HttpVersion version(HttpVersion version) {
        return version == HttpVersion.HTTP_2 ? Protocol.HttpVersion.HTTP_2 : Protocol.HttpVersion.HTTP_1_1;
    }

    @Override
    public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
        return urls; // every connection it opened, until its idle timeout, which no batch reaches
    }

    /** Over h2 it offers h2 alone. */
    @Override
    public boolean offersHttp1BesideH2() {
        return false;
    }
}
