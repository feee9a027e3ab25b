package fetchbench.server;

import fetchbench.workload.Fetch;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubImport;
import com.github.tomakehurst.wiremock.stubbing.StubImportBuilder;
import fetchbench.workload.CpuWork;
import fetchbench.workload.Kind;
import fetchbench.workload.Responses;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** One stub per kind and delay; registering the same one again changes nothing. */
    public static void register(URI server, Workload workload) {
        Set<Fetch> distinct = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        for (Fetch fetch : workload.fetches()) {
            if (fetch.kind() != Kind.REFUSED && paths.add(fetch.kind().path(fetch.delayMs()))) {
                distinct.add(fetch);
            }
        }
        StubImportBuilder stubs = StubImport.stubImport().ignoreExisting().doNotDeleteExistingStubs();
        for (Fetch fetch : distinct) {
            String path = fetch.kind().path(fetch.delayMs());
            stubs.stub(get(urlPathEqualTo(path))
                    .withId(UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)))
                    .willReturn(response(fetch.kind(), fetch.delayMs())));
        }
        // Through the suite's own admin client, which over HTTPS trusts only the run's truststore.
        try {
            HttpResponse<String> response = Admin.send(server, HttpRequest.newBuilder(
                    server.resolve("/__admin/mappings/import")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(stubs.build()))));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("WireMock at " + server + " refused the stubs: HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot register the stubs at " + server + ": " + e, e);
        }
    }

    private static ResponseDefinitionBuilder response(Kind kind, int delayMs) {
        ResponseDefinitionBuilder json = aResponse().withHeader("Content-Type", "application/json");
        ResponseDefinitionBuilder response = switch (kind) {
            // The server echoes each URL's index into its body (WireMock's response templating).
            case OK -> json.withStatus(200).withBody(Responses.body(delayMs, Responses.ECHOED_INDEX))
                    .withTransformers(TEMPLATE);
            case LARGE -> json.withStatus(200).withBody(CpuWork.largeBody(delayMs, Responses.ECHOED_INDEX))
                    .withTransformers(TEMPLATE);
            case SERVER_ERROR -> json.withStatus(500).withBody("{\"error\":\"fetchbench says no\"}\n");
            case MALFORMED -> json.withStatus(200).withBody(Responses.malformedBody());
            case RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case REFUSED -> throw new IllegalArgumentException("a refused URL has no stub");
        };
        return response.withFixedDelay(delayMs);
    }

    /** WireMock's own admin client, for the tests' one-off stubs (cleartext only). */
    public static WireMock admin(URI server) {
        return WireMock.create().scheme(server.getScheme()).host(server.getHost()).port(server.getPort()).build();
    }
}
