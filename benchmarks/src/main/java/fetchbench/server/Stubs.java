package fetchbench.server;

import fetchbench.workload.Fetch;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import fetchbench.workload.CpuWork;
import fetchbench.workload.Kind;
import fetchbench.workload.Responses;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Registers the stubs a workload needs through the admin API, so a local or external server works alike. */
public final class Stubs {

    /** WireMock's response templating, on by default for the stubs that ask for it. */
    private static final String TEMPLATE = "response-template";

    private Stubs() {
    }

    /**
     * One stub per kind and delay; registering the same one again changes nothing. The import is
     * written as JSON here rather than with WireMock's own builders: every fork registers its
     * stubs, and WireMock's JSON mapper takes half a second to start in a fresh JVM.
     */
    public static void register(URI server, Workload workload) {
        Set<Fetch> distinct = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        for (Fetch fetch : workload.fetches()) {
            if (fetch.kind() != Kind.REFUSED && paths.add(fetch.kind().path(fetch.delayMs()))) {
                distinct.add(fetch);
            }
        }
        JsonArray mappings = new JsonArray();
        for (Fetch fetch : distinct) {
            String path = fetch.kind().path(fetch.delayMs());
            JsonObject request = new JsonObject();
            request.addProperty("urlPath", path);
            request.addProperty("method", "GET");
            JsonObject mapping = new JsonObject();
            mapping.addProperty("id", UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)).toString());
            mapping.add("request", request);
            mapping.add("response", response(fetch.kind(), fetch.delayMs()));
            mappings.add(mapping);
        }
        JsonObject importOptions = new JsonObject();
        importOptions.addProperty("duplicatePolicy", "IGNORE");
        importOptions.addProperty("deleteAllNotInImport", false);
        JsonObject stubs = new JsonObject();
        stubs.add("mappings", mappings);
        stubs.add("importOptions", importOptions);
        // Through the suite's own admin client, which over HTTPS trusts only the run's truststore.
        try {
            Admin.Answer answer = Admin.post(server, "/__admin/mappings/import", stubs.toString());
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("WireMock at " + server + " refused the stubs: HTTP "
                        + answer.status() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot register the stubs at " + server + ": " + e, e);
        }
    }

    /** A stub's response in WireMock's JSON: status, body, headers, delay, fault, transformers. */
    static JsonObject response(Kind kind, int delayMs) {
        JsonObject response = new JsonObject();
        switch (kind) {
            // The server echoes each URL's index into its body (WireMock's response templating).
            case OK -> json(response, 200, Responses.body(delayMs, Responses.ECHOED_INDEX), true);
            case LARGE -> json(response, 200, CpuWork.largeBody(delayMs, Responses.ECHOED_INDEX), true);
            case SERVER_ERROR -> json(response, 500, "{\"error\":\"fetchbench says no\"}\n", false);
            case MALFORMED -> json(response, 200, Responses.malformedBody(), false);
            case RESET -> response.addProperty("fault", "CONNECTION_RESET_BY_PEER");
            case EMPTY -> response.addProperty("fault", "EMPTY_RESPONSE");
            case REFUSED -> throw new IllegalArgumentException("a refused URL has no stub");
        }
        response.addProperty("fixedDelayMilliseconds", delayMs);
        return response;
    }

    private static void json(JsonObject response, int status, String body, boolean templated) {
        response.addProperty("status", status);
        response.addProperty("body", body);
        JsonObject headers = new JsonObject();
        headers.addProperty("Content-Type", "application/json");
        response.add("headers", headers);
        if (templated) {
            JsonArray transformers = new JsonArray();
            transformers.add(TEMPLATE);
            response.add("transformers", transformers);
        }
    }

    /** WireMock's own admin client, for the tests' one-off stubs (cleartext only). */
    public static WireMock admin(URI server) {
        return WireMock.create().scheme(server.getScheme()).host(server.getHost()).port(server.getPort()).build();
    }
}
