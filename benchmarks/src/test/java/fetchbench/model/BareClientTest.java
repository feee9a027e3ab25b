package fetchbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.TestServer;
import fetchbench.server.RequestCounter;
import fetchbench.server.Stubs;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Tag;

/** The bare client of each stack, on a real WireMock: it counts HTTP 200s and refuses anything less. */
@Tag("integration")
class BareClientTest {

    @ParameterizedTest
    @EnumSource(ClientStack.class)
    void fetchesEveryUrlAndCountsTheAnswers(ClientStack stack) throws Exception {
        Workload workload = Workload.create(TestServer.uri(), 30, DelayProfile.fixed, 1, 1);
        Stubs.register(TestServer.uri(), workload);
        try (BareClient client = new BareClient(stack, 30, workload.longestDelay())) {
            for (int batch = 0; batch < 2; batch++) {
                long before = RequestCounter.read(TestServer.uri()).orElseThrow();
                client.gather(workload.urls());
                // Every answer it counted was one the server gave, in this batch: none cached, none twice.
                assertThat(RequestCounter.read(TestServer.uri()).orElseThrow() - before).isEqualTo(30);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ClientStack.class)
    void aUrlWithoutAnAnswerFailsTheBatch(ClientStack stack) throws Exception {
        Workload workload = Workload.create(TestServer.uri(), 5, DelayProfile.fixed, 1, 1);
        Stubs.register(TestServer.uri(), workload);
        List<URI> urls = new ArrayList<>(workload.urls());
        urls.add(URI.create(TestServer.uri() + "/not-stubbed"));
        try (BareClient client = new BareClient(stack, 6, Duration.ofMillis(1))) {
            assertThatThrownBy(() -> client.gather(urls)).isInstanceOf(IOException.class)
                    .hasMessage("bare client: 5 of 6 URLs answered HTTP 200");
        }
    }
}
