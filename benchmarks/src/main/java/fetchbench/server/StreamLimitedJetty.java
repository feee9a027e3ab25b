package fetchbench.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.org.eclipse.jetty.http2.server.AbstractHTTP2ServerConnectionFactory;
import wiremock.org.eclipse.jetty.server.ServerConnector;

/**
 * WireMock's own Jetty server, with the HTTP/2 stream limit (SETTINGS_MAX_CONCURRENT_STREAMS) the
 * run asks for on both its connectors, cleartext (h2c) and TLS (h2). WireMock has no option for it.
 */
final class StreamLimitedJetty extends Jetty11HttpServer {

    StreamLimitedJetty(Options options, AdminRequestHandler admin, StubRequestHandler stubs, int maxConcurrentStreams) {
        super(options, admin, stubs);
        for (ServerConnector connector : new ServerConnector[] {httpConnector, httpsConnector}) {
            if (connector != null) {
                connector.getConnectionFactories().stream()
                        .filter(AbstractHTTP2ServerConnectionFactory.class::isInstance)
                        .map(AbstractHTTP2ServerConnectionFactory.class::cast)
                        .forEach(http2 -> http2.setMaxConcurrentStreams(maxConcurrentStreams));
            }
        }
    }

    /** Builds the server with this stream limit. */
    record Factory(int maxConcurrentStreams) implements HttpServerFactory {
        @Override
        public String getName() {
            return "fetchbench-stream-limited-jetty";
        }

        @Override
        public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            return new StreamLimitedJetty(options, admin, stubs, maxConcurrentStreams);
        }
    }
}
