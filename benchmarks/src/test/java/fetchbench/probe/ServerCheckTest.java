package fetchbench.probe;

import fetchbench.server.ServerProcess;

import fetchbench.server.ServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.TestServer;
import fetchbench.result.ServerCheckOutcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The server check passes a provisioned server and names the limit of an under-provisioned one. */
@Tag("integration")
class ServerCheckTest {

    /**
     * A wall-clock check: a burst of other work on this machine (a GC, the build) can slow one
     * look, so the provisioned server gets looks for up to a minute; a starved one (below) fails
     * every look. A server that ignored the delay would pass the bound and fail the floor of 100 ms.
     */
    @Test
    void passesTheServerAsTheSuiteProvisionsIt() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        ServerCheck.Result result = ServerCheck.run(TestServer.uri(), 50, 100, ServerSettings.forLargestN(200));
        while (!result.passed() && System.nanoTime() < deadline) {
            result = ServerCheck.run(TestServer.uri(), 50, 100, ServerSettings.forLargestN(200));
        }

        assertThat(result.passed()).as(result.describe()).isTrue();
        assertThat(result.elapsedMs()).isGreaterThanOrEqualTo(100);
        assertThat(result.describe()).startsWith("N=50 requests delayed 100 ms answered in").endsWith(": ok");
    }

    @Test
    void flagsAServerWithFewThreadsAndBlockingDelays() throws Exception {
        // Few container threads and no asynchronous responses: each delay holds one of them.
        // 10 threads for requests, besides the acceptor and selector of each of the two ports.
        ServerSettings starved = new ServerSettings(14, 1, 16, false);
        try (ServerProcess server = ServerProcess.start(starved)) {
            // 80 requests on 10 threads: 8 waves of the delay, 800 ms, far past the delay plus twice
            // the floor even when 2 busy cores slow the floor.
            ServerCheck.Result result = ServerCheck.run(server.baseUri(), 80, 100, server.settings());

            assertThat(result.passed()).as(result.describe()).isFalse();
            assertThat(result.elapsedMs()).isGreaterThan(result.boundMs());
            assertThat(result.describe()).startsWith("FAILED: N=80 requests delayed 100 ms")
                    .contains("likely limit: asynchronous responses are off, so each delay holds a container thread, "
                            + "container threads (14 for N=80), accept queue (16 for N=80, after the kernel's somaxconn cap)")
                    .endsWith("results at N=80 measure the server, not the models");
        }
    }

    @Test
    void theBoundIsTheDelayPlusTwiceTheFloor() {
        assertThat(new ServerCheck.Result(100, 100, 124, 12, "CPU").passed()).isTrue();
        assertThat(new ServerCheck.Result(100, 100, 124.5, 12, "CPU").passed()).isFalse();
        assertThat(new ServerCheck.Result(100, 100, 124, 12, "CPU").boundMs()).isEqualTo(124);
    }

    @Test
    void summaryListsWhereTheServerKeptUpAndWhereNot() {
        ServerCheck.Result fine = new ServerCheck.Result(100, 100, 110, 12, "CPU");
        ServerCheck.Result slow = new ServerCheck.Result(10_000, 1000, 2900, 400,
                "CPU (client and server share this machine's cores)");

        assertThat(ServerCheckOutcome.decode(ServerCheck.summary(List.of(fine, slow)))).containsExactly(
                new ServerCheckOutcome(100, 100, 110, 124, true, ""),
                new ServerCheckOutcome(10_000, 1000, 2900, 1800, false, "CPU (client and server share this machine's "
                        + "cores)"));
        assertThat(ServerCheck.failedUrls(List.of(fine, slow))).isEqualTo("10000");
        assertThat(ServerCheck.failedUrls(List.of(fine))).isEmpty();
    }
}
