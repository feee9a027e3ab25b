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

    /**
     * How the server writes each URL's index into its body: with the suite's own extension on the
     * suite's server, which costs it less CPU per request ({@link fetchbench.probe.EchoCost}), or
     * with WireMock's response templating, which any WireMock has.
     */
    public enum Echo {
        EXTENSION(IndexEcho.NAME), TEMPLATE("response-template");

        private final String transformer;

        Echo(String transformer) {
            this.transformer = transformer;
        }

        /** The extension where the server counts requests (it is the suite's own), else the template. */
        static Echo of(URI server) {
            return RequestCounter.read(server).isPresent() ? EXTENSION : TEMPLATE;
        }
    }

    private Stubs() {
    }

    /**
     * One stub per kind and delay; registering the same one again changes nothing. The import is
     * written as JSON here rather than with WireMock's own builders: every fork registers its
     * stubs, and WireMock's JSON mapper takes half a second to start in a fresh JVM.
     */
    public static void register(URI server, Workload workload) {
        Echo echo = Echo.of(server);
        Set<Fetch> distinct = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        for (Fetch fetch : workload.fetches()) {
            if (fetch.kind() != Kind.REFUSED && paths.add(fetch.kind().path(fetch.delayMs()))) {
                distinct.add(fetch);
            }
        }
        JsonArray mappings = new JsonArray();
        for (Fetch fetch : distinct) {
            mappings.add(mapping(fetch.kind().path(fetch.delayMs()), response(fetch.kind(), fetch.delayMs(), echo)));
        }
        importStubs(server, mappings);
    }

    /** A GET of {@code path} answered with {@code response}, its id made from the path so that registering it again changes nothing. */
    public static JsonObject mapping(String path, JsonObject response) {
        JsonObject request = new JsonObject();
        request.addProperty("urlPath", path);
        request.addProperty("method", "GET");
        JsonObject mapping = new JsonObject();
        mapping.addProperty("id", UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)).toString());
        mapping.add("request", request);
        mapping.add("response", response);
        return mapping;
    }

    /** Adds {@code mappings} to the server's stubs, keeping those it has. */
    public static void importStubs(URI server, JsonArray mappings) {
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
    public static JsonObject response(Kind kind, int delayMs, Echo echo) {
        JsonObject response = new JsonObject();
        switch (kind) {
            // The server echoes each URL's index into its body.
            case OK -> json(response, 200, Responses.body(delayMs, Responses.ECHOED_INDEX), echo);
            case LARGE -> json(response, 200, CpuWork.largeBody(delayMs, Responses.ECHOED_INDEX), echo);
            case SERVER_ERROR -> json(response, 500, "{\"error\":\"fetchbench says no\"}\n", null);
            case MALFORMED -> json(response, 200, Responses.malformedBody(), null);
            case RESET -> response.addProperty("fault", "CONNECTION_RESET_BY_PEER");
            case EMPTY -> response.addProperty("fault", "EMPTY_RESPONSE");
            case REFUSED -> throw new IllegalArgumentException("a refused URL has no stub");
        }
        response.addProperty("fixedDelayMilliseconds", delayMs);
        return response;
    }

    private static void json(JsonObject response, int status, String body, Echo echo) {
        response.addProperty("status", status);
        response.addProperty("body", body);
        JsonObject headers = new JsonObject();
        headers.addProperty("Content-Type", "application/json");
        response.add("headers", headers);
        if (echo != null) {
            JsonArray transformers = new JsonArray();
            transformers.add(echo.transformer);
            response.add("transformers", transformers);
        }
    }

    /** WireMock's own admin client, for the tests' one-off stubs (cleartext only). */
    public static WireMock admin(URI server) {
        return WireMock.create().scheme(server.getScheme()).host(server.getHost()).port(server.getPort()).build();
    }
}
