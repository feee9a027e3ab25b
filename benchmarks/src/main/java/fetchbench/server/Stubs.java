package fetchbench.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubImport;
import com.github.tomakehurst.wiremock.stubbing.StubImportBuilder;
import fetchbench.workload.Workload;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Registers the stubs a workload needs through the admin API, so a local or external server works alike. */
public final class Stubs {

    private Stubs() {
    }

    /** One stub per distinct delay; registering the same delay again changes nothing. */
    public static void register(URI server, Workload workload) {
        StubImportBuilder stubs = StubImport.stubImport().ignoreExisting().doNotDeleteExistingStubs();
        for (int delayMs : workload.distinctDelays()) {
            stubs.stub(get(urlPathEqualTo(Workload.path(delayMs)))
                    .withId(UUID.nameUUIDFromBytes(("delay-" + delayMs).getBytes(StandardCharsets.UTF_8)))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "text/plain")
                            .withBody(Workload.body(delayMs))
                            .withFixedDelay(delayMs)));
        }
        admin(server).importStubMappings(stubs);
    }

    public static WireMock admin(URI server) {
        return WireMock.create().scheme(server.getScheme()).host(server.getHost()).port(server.getPort()).build();
    }
}
