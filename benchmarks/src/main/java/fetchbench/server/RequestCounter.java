package fetchbench.server;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, in the server JVM, every request the server has answered, and tells the count on its
 * admin API with the connections clients opened ({@link ConnectionCounter}): the check that a
 * model really sent what it had to, which its answers alone cannot show (the request journal,
 * which could, is off for speed). A server without this extension (an external WireMock) has no
 * count, and the check is skipped.
 */
public final class RequestCounter implements ServeEventListener, AdminApiExtension {

    /** Where the admin API tells the count. */
    static final String PATH = "/fetchbench/requests";
    private static final String FIELD = "requests";
    private static final String CONNECTIONS = "connections";

    private final AtomicLong requests = new AtomicLong();
    private final ConnectionCounter connections;

    RequestCounter(ConnectionCounter connections) {
        this.connections = connections;
    }

    /**
     * What the server has counted so far: requests answered, and connections opened per port.
     */
    public record Counts(long requests, Map<Integer, Long> connectionsByPort) {
        /** Connections opened so far on the port of {@code server}. */
        public long connections(URI server) {
            return connectionsByPort.getOrDefault(server.getPort(), 0L);
        }
    }

    @Override
    public String getName() {
        return "fetchbench-request-counter";
    }

    @Override
    public void afterMatch(ServeEvent serveEvent, Parameters parameters) {
        requests.incrementAndGet();
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.GET, PATH, (admin, serveEvent, pathParams) ->
                ResponseDefinition.okForJson(Map.of(FIELD, requests.get(), CONNECTIONS, connections.counts())));
    }

    /** The request count so far on {@code server}, or empty when the server does not count. */
    public static OptionalLong read(URI server) {
        return counts(server).map(counts -> OptionalLong.of(counts.requests())).orElse(OptionalLong.empty());
    }

    /** What {@code server} has counted so far, or empty when it does not count. */
    public static Optional<Counts> counts(URI server) {
        try {
            Admin.Answer answer = Admin.get(server, "/__admin" + PATH);
            if (answer.status() != 200) {
                return Optional.empty();
            }
            JsonObject json = JsonParser.parseString(answer.body()).getAsJsonObject();
            Map<Integer, Long> byPort = new TreeMap<>();
            if (json.has(CONNECTIONS)) {
                json.getAsJsonObject(CONNECTIONS).entrySet().forEach(entry ->
                        byPort.put(Integer.parseInt(entry.getKey()), entry.getValue().getAsLong()));
            }
            return Optional.of(new Counts(json.get(FIELD).getAsLong(), byPort));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the request count of " + server + ": " + e, e);
        }
    }
}
