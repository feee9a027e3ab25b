package fetchbench.model;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5, async ({@code CloseableHttpAsyncClient}). Its pool's defaults are 25
 * connections in all and 5 per route; here, as a bare client, it may open as many as asked and
 * keeps them. HTTP/1.1 or HTTP/2 is forced per protocol: h2 by ALPN, h2c by prior knowledge.
 */
final class ApacheAsyncStack implements StackCard {

    @Override
    public Bare bare(int connections, Duration longestResponse, Transport transport) {
        Duration timeout = longestResponse.plus(Http.TIMEOUT_MARGIN);
        CloseableHttpAsyncClient client = configured(connections, connections, timeout, transport, "apache").build();
        client.start();
        return new Bare(url -> {
            SimpleHttpRequest request = SimpleRequestBuilder.get(url).build();
            SimpleHttpResponse response = client.execute(request, null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(version(response.getVersion()), response.getCode());
        }, () -> client.close(CloseMode.GRACEFUL));
    }

    /**
     * A client whose pool opens at most {@code maxTotal} connections, {@code maxPerRoute} to one
     * server; its I/O reactor's threads are named after {@code name}.
     */
    static HttpAsyncClientBuilder configured(int maxTotal, int maxPerRoute, Duration timeout, Transport transport,
                                             String name) {
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        HttpVersionPolicy policy = transport.protocol().version() == Protocol.HttpVersion.HTTP_2
                ? HttpVersionPolicy.FORCE_HTTP_2 : HttpVersionPolicy.FORCE_HTTP_1;
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxTotal)
                .setMaxConnPerRoute(maxPerRoute)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(policy)
                        .setSupportedProtocols(Protocol.TLS_VERSION).build());
        transport.tls().ifPresent(tls -> pool.setTlsStrategy(ClientTlsStrategyBuilder.create()
                .setSslContext(tls.context()).setTlsVersions(Protocol.TLS_VERSION).buildAsync()));
        PoolingAsyncClientConnectionManager manager = pool.build();
        return HttpAsyncClients.custom()
                .setConnectionManager(manager)
                .setVersionPolicy(policy)
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(limit).build())
                .setThreadFactory(Pools.platformThreads(name))
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit)
                        .setConnectionRequestTimeout(Timeout.of(Http.QUEUE_TIMEOUT)).build())
                .disableAutomaticRetries()
                .disableRedirectHandling();
    }

    static Protocol.HttpVersion version(ProtocolVersion version) {
        return version != null && version.getMajor() == HttpVersion.HTTP_2.getMajor() ? Protocol.HttpVersion.HTTP_2
                : Protocol.HttpVersion.HTTP_1_1;
    }

    /** Its pool keeps every connection it opened, over HTTP/2 too. */
    @Override
    public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
        return urls;
    }

    /** The pooling connection manager leases a connection per request, over HTTP/2 too: one stream each. */
    @Override
    public boolean multiplexesHttp2() {
        return false;
    }

    /** Over h2 it offers h2 alone. */
    @Override
    public boolean offersHttp1BesideH2() {
        return false;
    }
}
