package fetchbench.server;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, in the server JVM, every request the server has answered, and tells the count on its
 * admin API: the check that a model really sent what it had to, which its answers alone cannot
 * show (the request journal, which could, is off for speed). A server without this extension
 * (an external WireMock) has no count, and the check is skipped.
 */
public final class RequestCounter implements ServeEventListener, AdminApiExtension {

    /** Where the admin API tells the count. */
    static final String PATH = "/fetchbench/requests";
    private static final String FIELD = "requests";
    private static final HttpClient ADMIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final AtomicLong requests = new AtomicLong();

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
                ResponseDefinition.okForJson(Map.of(FIELD, requests.get())));
    }

    /** The count so far on {@code server}, or empty when the server does not count. */
    public static OptionalLong read(URI server) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/__admin" + PATH))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = ADMIN.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() != 200 ? OptionalLong.empty()
                    : OptionalLong.of(JsonParser.parseString(response.body()).getAsJsonObject().get(FIELD).getAsLong());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the request count of " + server + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the request count", e);
        }
    }
}
