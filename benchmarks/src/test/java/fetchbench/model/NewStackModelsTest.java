package fetchbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.TestServer;
import fetchbench.server.RequestCounter;
import fetchbench.server.Stubs;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Apache and Jetty models on the real server, before they are constants of the catalog
 * (then ModelsTest and ShapesTest take them over): every answer verified, and the connections
 * each pool opens, counted by the server.
 */
@Tag("integration")
class NewStackModelsTest {

    private static Workload workload(int n, int delayMs) {
        Workload workload = Workload.create(TestServer.uri(), n, DelayProfile.fixed, delayMs, 1);
        Stubs.register(TestServer.uri(), workload);
        return workload;
    }

    private static long serverConnections() {
        return RequestCounter.counts(TestServer.uri()).orElseThrow().connections(TestServer.uri());
    }

    private static ModelSettings settings(int concurrency, int maxRequests, int urls) {
        return new ModelSettings(concurrency, maxRequests, urls, Duration.ofSeconds(1), new InFlight());
    }

    @Test
    void apacheAsyncWithItsDefaultsGathersOverFiveConnectionsPerRoute() {
        Workload workload = workload(20, 50);
        long before = serverConnections();
        try (ApacheAsync model = new ApacheAsync(settings(0, 0, 20))) {
            assertThat(workload.verify("apacheAsync", model.gather(workload.urls()))).hasSize(20);
        }
        assertThat(serverConnections() - before).as("connections opened").isEqualTo(ApacheAsync.DEFAULT_PER_ROUTE);
    }

    @Test
    void apacheAsyncSizedToNGathersOverNConnections() {
        Workload workload = workload(20, 50);
        long before = serverConnections();
        try (ApacheAsync model = new ApacheAsync(settings(20, 20, 20))) {
            assertThat(workload.verify("apacheAsync", model.gather(workload.urls()))).hasSize(20);
        }
        assertThat(serverConnections() - before).as("connections opened").isEqualTo(20);
    }

    @Test
    void jettyAsyncGathersWithOneConnectionPerRequestInFlightUpToItsLimit() {
        Workload workload = workload(20, 50);
        long before = serverConnections();
        try (JettyAsync model = new JettyAsync(settings(8, 0, 20))) {
            assertThat(workload.verify("jettyAsync", model.gather(workload.urls()))).hasSize(20);
        }
        assertThat(serverConnections() - before).as("connections opened").isEqualTo(8);
    }

    @Test
    void bothRaceAndKeepWhatADeadlineAllows() {
        Workload race = workload(3, 30);
        for (AsyncClientModel model : List.<AsyncClientModel>of(new ApacheAsync(settings(3, 3, 3)),
                new JettyAsync(settings(3, 0, 3)))) {
            try (model) {
                assertThat(model.race(race.urls()).status()).isEqualTo(200);
                assertThat(model.deadline(race.urls(), Duration.ofSeconds(5))).hasSize(3);
            }
        }
    }
}
