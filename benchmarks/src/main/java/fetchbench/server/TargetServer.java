package fetchbench.server;

import java.net.URI;
import java.util.Map;

/** The WireMock the benchmarks fetch from: started here, or one the user already runs. */
public interface TargetServer extends AutoCloseable {

    /** Tells benchmark forks where the server is. */
    String URL_PROPERTY = "fetchbench.serverUrl";

    URI baseUri();

    /** What environment.json records about the server. */
    Map<String, Object> describe();

    @Override
    void close();

    /** The server URL a benchmark fork was given by the launcher. */
    static URI fromForkProperty() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no target server: run the benchmarks through fetchbench.FetchBench "
                    + "(java -jar benchmarks.jar), which starts WireMock and sets -D" + URL_PROPERTY);
        }
        return URI.create(url);
    }
}
