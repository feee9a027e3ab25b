package fetchbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.TestServer;
import fetchbench.model.BareClient;
import fetchbench.model.ClientStack;
import fetchbench.probe.EchoCost;
import fetchbench.result.EchoCostOutcome;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the server tells about itself: its CPU, how late it answered, and the index echoed both ways. */
@Tag("integration")
class ServerCostTest {

    @Test
    void bothEchoesWriteTheIndexAndEachHasItsServerCpuPerRequest() throws Exception {
        URI server = TestServer.uri();

        EchoCostOutcome outcome = EchoCost.run(server, 3);

        assertThat(outcome.template()).hasSize(3).allSatisfy(us -> assertThat(us).isPositive());
        assertThat(outcome.extension()).hasSize(3).allSatisfy(us -> assertThat(us).isPositive());
        assertThat(EchoCostOutcome.decode(outcome.encode()).template()).hasSize(3);
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (String echo : new String[] {"template", "extension"}) {
                String body = client.send(HttpRequest.newBuilder(server.resolve("/fetchbench/echo-cost/" + echo + "?i=42"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(body).as(echo).contains("\"i\":\"42\"").doesNotContain("{{");
            }
        }
    }

    @Test
    void theServerCountsItsCpuTime() {
        RequestCounter.Counts first = RequestCounter.counts(TestServer.uri()).orElseThrow();
        RequestCounter.Counts second = RequestCounter.counts(TestServer.uri()).orElseThrow();

        assertThat(first.cpuNanos()).isPositive();
        assertThat(second.cpuNanos()).isGreaterThanOrEqualTo(first.cpuNanos());
    }

    /**
     * One thread sends every delayed response: 1,000 due at once leave one after another, so most
     * are sent late, far past the mark's 2 ms at a 10 ms delay.
     */
    @Test
    void aServerStarvedOfThreadsAnswersLate() throws Exception {
        int urls = 1000;
        ServerProcess starved = ServerProcess.start(new ServerSettings(urls + 50, 1, urls, true));
        try (BareClient client = new BareClient(ClientStack.okHttp, urls, Duration.ofSeconds(30))) {
            Workload workload = Workload.create(starved.baseUri(), urls, DelayProfile.fixed, 10, 0);
            Stubs.register(starved.baseUri(), workload);
            RequestCounter.Counts before = RequestCounter.counts(starved.baseUri()).orElseThrow();

            client.gather(workload.urls());

            RequestCounter.Counts after = RequestCounter.counts(starved.baseUri()).orElseThrow();
            Histogram late = after.latenessSince(before);
            assertThat(late.getTotalCount()).isEqualTo(urls);
            assertThat(late.getValueAtPercentile(99) / 1000.0).isGreaterThan(2);
        } finally {
            starved.close();
        }
    }
}
