package fetchbench.server;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the WireMock JVM that {@link ServerProcess} starts. Prints one ready line with
 * its port, then serves until its standard input closes: when the parent process dies, for
 * whatever reason, the pipe closes and this JVM exits, so no server is ever left behind.
 */
public final class ServerMain {

    static final String READY = "fetchbench-server ready port=";

    private ServerMain() {
    }

    public static void main(String[] args) throws IOException {
        ServerSettings settings = ServerSettings.fromArgs(args);
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(settings.containerThreads())
                .jettyAcceptQueueSize(settings.acceptQueue())
                .asynchronousResponseEnabled(settings.asynchronous())
                .asynchronousResponseThreads(settings.asyncThreads())
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .gzipDisabled(true)
                .extensions(new RequestCounter())
                .notifier(new ConsoleNotifier(false)));
        server.start();
        System.out.println(READY + server.port());
        System.out.flush();

        InputStream parent = System.in;
        while (parent.read() != -1) {
            // Nothing is sent on this pipe; it only tells us the parent is alive.
        }
        server.stop();
        System.exit(0);
    }
}
