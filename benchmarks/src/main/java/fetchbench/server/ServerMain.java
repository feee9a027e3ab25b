package fetchbench.server;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the WireMock JVM that {@link ServerProcess} starts. Prints one ready line with
 * its port, then serves until its standard input closes: when the parent process dies, for
 * whatever reason, the pipe closes and this JVM exits, so no server is ever left behind.
 */
public final class ServerMain {

    static final String READY = "fetchbench-server ready port=";
    static final String TLS_PORT = " tlsPort=";
    /** The server's key and certificate, and the keystore's password: arguments before the settings. */
    static final String KEYSTORE = "--keystore=";
    static final String KEYSTORE_PASSWORD = "--keystore-password=";

    private ServerMain() {
    }

    public static void main(String[] args) throws IOException {
        String keystore = null;
        String password = null;
        List<String> settingArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith(KEYSTORE)) {
                keystore = arg.substring(KEYSTORE.length());
            } else if (arg.startsWith(KEYSTORE_PASSWORD)) {
                password = arg.substring(KEYSTORE_PASSWORD.length());
            } else {
                settingArgs.add(arg);
            }
        }
        ServerSettings settings = ServerSettings.fromArgs(settingArgs.toArray(String[]::new));
        ConnectionCounter connections = new ConnectionCounter();
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                // HTTP/1.1 and h2c on the cleartext port, HTTP/1.1 and h2 (by ALPN) on the TLS port.
                .http2PlainDisabled(!settings.http2())
                .http2TlsDisabled(!settings.http2())
                .httpServerFactory(new StreamLimitedJetty.Factory(settings.maxConcurrentStreams()))
                .networkTrafficListener(connections)
                .containerThreads(settings.containerThreads())
                .jettyAcceptQueueSize(settings.acceptQueue())
                .asynchronousResponseEnabled(settings.asynchronous())
                .asynchronousResponseThreads(settings.asyncThreads())
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .gzipDisabled(true)
                .extensions(new RequestCounter(connections), new IndexEcho())
                .notifier(new ConsoleNotifier(false));
        if (keystore != null) {
            options.dynamicHttpsPort().keystorePath(keystore).keystoreType("PKCS12")
                    .keystorePassword(password).keyManagerPassword(password);
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        System.out.println(READY + server.port() + (keystore != null ? TLS_PORT + server.httpsPort() : ""));
        System.out.flush();

        InputStream parent = System.in;
        while (parent.read() != -1) {
            // Nothing is sent on this pipe; it only tells us the parent is alive.
        }
        server.stop();
        System.exit(0);
    }
}
