package fetchbench.model;

import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5, classic ({@code CloseableHttpClient}): a blocking call per thread over a
 * pool whose defaults are 25 connections in all and 5 per route, as the async client's. It
 * speaks HTTP/1.1 only, over TLS too.
 */
final class ApacheClassicStack implements StackCard {

    @Override
    public Bare bare(int connections, Duration longestResponse, Transport transport) {
        CloseableHttpClient client = configured(connections, connections, longestResponse.plus(Http.TIMEOUT_MARGIN),
                transport).build();
        return new Bare(url -> client.execute(new HttpGet(url), response -> {
            EntityUtils.consume(response.getEntity());
            return new Reply(ApacheAsyncStack.version(response.getVersion()), response.getCode());
        }), () -> client.close(CloseMode.IMMEDIATE));
    }

    /** A client whose pool opens at most {@code maxTotal} connections, {@code maxPerRoute} to one server. */
    static HttpClientBuilder configured(int maxTotal, int maxPerRoute, Duration timeout, Transport transport) {
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxTotal)
                .setMaxConnPerRoute(maxPerRoute)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
                        .build());
        transport.tls().ifPresent(tls -> pool.setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                .setSslContext(tls.context()).setTlsVersions(Protocol.TLS_VERSION).buildClassic()));
        return HttpClients.custom()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit)
                        .setConnectionRequestTimeout(Timeout.of(Http.QUEUE_TIMEOUT)).build())
                .disableAutomaticRetries()
                .disableRedirectHandling();
    }

    @Override
    public int keptConnections(ConnectionPoolSize pool, int urls, boolean http2) {
        return urls;
    }

    @Override
    public Optional<String> cannotSpeak(Protocol protocol) {
        return protocol.version() == Protocol.HttpVersion.HTTP_2
                ? Optional.of("Apache's classic client speaks HTTP/1.1 only (its async client speaks HTTP/2)")
                : Optional.empty();
    }
}
