package fetchbench;

import fetchbench.model.Protocol;
import fetchbench.model.Transport;
import fetchbench.server.ServerProcess;
import fetchbench.server.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** One real WireMock JVM shared by all tests of a surefire run, stopped when the run ends. */
public final class TestServer {

    /** Large enough for the biggest N the tests use. */
    private static final int LARGEST_N = 200;

    private static ServerProcess server;

    private TestServer() {
    }

    public static URI uri() {
        return server().baseUri();
    }

    /** Where a client of this protocol fetches from. */
    public static URI uri(Protocol protocol) {
        return protocol.tls() ? server().tlsBaseUri().orElseThrow() : uri();
    }

    /** The protocol, trusting the server's certificate where it needs to. */
    public static Transport transport(Protocol protocol) {
        return server().transport(protocol);
    }

    public static synchronized ServerProcess server() {
        if (server == null) {
            try {
                server = ServerProcess.start(ServerSettings.forLargestN(LARGEST_N));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }
}
