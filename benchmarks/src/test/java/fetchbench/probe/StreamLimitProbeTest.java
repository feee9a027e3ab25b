package fetchbench.probe;

import fetchbench.server.RequestCounter;
import fetchbench.server.ServerProcess;

import fetchbench.server.ServerSettings;

import fetchbench.result.ProbeOutcome;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** What each stack does past the server's HTTP/2 stream limit is measured on a real server with a small limit. */
@Tag("integration")
class StreamLimitProbeTest {

    @Test
    void eachStackIsProbedOverEachHttp2ProtocolItSpeaksAndEveryRequestIsAccountedFor() throws Exception {
        try (ServerProcess server = ServerProcess.start(ServerSettings.forLargestN(20).withMaxConcurrentStreams(4))) {
            long servedBefore = RequestCounter.read(server.baseUri()).orElseThrow();
            List<ProbeOutcome> results = StreamLimitProbe.run(server, List.of(ClientStack.values()), 4);
            long served = RequestCounter.read(server.baseUri()).orElseThrow() - servedBefore;

            assertThat(results).extracting(r -> r.stack() + " " + r.protocol()).containsExactly(
                    "okHttp h2", "okHttp h2c", "jdkHttpClient h2", "reactorNetty h2", "reactorNetty h2c",
                    "apacheAsync h2", "apacheAsync h2c", "jetty h2", "jetty h2c");
            assertThat(results).allSatisfy(r -> {
                assertThat(r.ok() + r.failed()).as(r.describe()).isEqualTo(8);
                // The server's own count of connections, which a probe that lost it would give as -1.
                assertThat(r.connections()).as(r.describe()).isBetween(0L, 8L);
            });
            // Every answer a probe counted, the server gave: its count covers them and the one
            // request each probe sends first, and nothing past what was sent.
            long answered = results.stream().mapToLong(ProbeOutcome::ok).sum();
            assertThat(served).as("requests the server answered").isBetween(answered + results.size(), 9L * results.size());
        }
    }

    @Test
    void theBehaviourIsReadOffTheCounts() {
        assertThat(new ProbeOutcome(ClientStack.okHttp, Protocol.h2, 256, 256, 0, 0, null).behaviour())
                .isEqualTo("queued them on its 1 connection");
        assertThat(new ProbeOutcome(ClientStack.okHttp, Protocol.h2, 256, 256, 0, 1, null).behaviour())
                .isEqualTo("opened 1 more connection(s)");
        ProbeOutcome failing = new ProbeOutcome(ClientStack.jdkHttpClient, Protocol.h2, 256, 153,
                103, 0, "IOException: too many concurrent streams");
        assertThat(failing.behaviour()).isEqualTo("failed 103 of them");
        assertThat(failing.describe()).isEqualTo("jdkHttpClient over h2, 256 at once: 153 answered, failed 103 of them "
                + "(first error: IOException: too many concurrent streams)");
    }
}
