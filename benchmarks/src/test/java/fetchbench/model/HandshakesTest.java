package fetchbench.model;

import fetchbench.catalog.Model;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.TestServer;
import fetchbench.server.RequestCounter;
import fetchbench.server.Stubs;
import fetchbench.catalog.Limits;
import fetchbench.theory.Theory;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * New connections and TLS handshakes per batch, counted by the server on its TLS port, against the
 * pool arithmetic of the theory: on a small case where the answer is known by hand.
 */
@Tag("integration")
class HandshakesTest {

    private static final int N = 20;
    private static final int DELAY_MS = 400;

    private static long tlsConnections() {
        return RequestCounter.counts(TestServer.uri()).orElseThrow().connections(TestServer.uri(Protocol.https1));
    }

    /**
     * Polls, for at most 10 s, until this process holds at most {@code most} connections to the TLS
     * port besides those it held before the model started ({@code others}: other tests' clients
     * that share this JVM and the server).
     */
    private static void awaitOpenConnectionsAtMost(int most, Set<Integer> others) throws InterruptedException {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ours(others).size() > most && System.nanoTime() < giveUpAt) {
            Thread.sleep(20);
        }
        assertThat(ours(others)).as("connections the pool kept").hasSizeLessThanOrEqualTo(most);
    }

    private static Set<Integer> ours(Set<Integer> others) {
        Set<Integer> open = new HashSet<>(WindDown.connectionsTo(TestServer.uri(Protocol.https1)));
        open.removeAll(others);
        return open;
    }

    /** Handshakes of each of {@code batches} batches after two to fill the pool. */
    private static List<Long> handshakesPerBatch(Model model, int concurrency, ConnectionPoolSize pool, int batches)
            throws InterruptedException {
        // A delay long enough that all N calls of a batch are in flight at once even on 2 busy cores: with
        // 50 ms a late call could reuse a connection another call of the same batch had just returned.
        Workload workload = Workload.create(TestServer.uri(Protocol.https1), N, DelayProfile.fixed, DELAY_MS, 1);
        Stubs.register(TestServer.uri(), workload);
        ModelSettings settings = new ModelSettings(concurrency, concurrency, pool.connections(N),
                workload.longestDelay(), new InFlight()).with(TestServer.transport(Protocol.https1));
        List<Long> perBatch = new ArrayList<>();
        Set<Integer> others = WindDown.connectionsTo(TestServer.uri(Protocol.https1));
        try (ConcurrencyModel fetcher = model.create(settings)) {
            for (int batch = 0; batch < 2 + batches; batch++) {
                long before = tlsConnections();
                workload.verify(model.name(), fetcher.gather(workload.urls()));
                // As between two JMH batches: the pool closes what it does not keep, in the background, so
                // the test waits for that (polled, with a deadline) rather than for a fixed time.
                awaitOpenConnectionsAtMost(pool.connections(N), others);
                if (batch >= 2) {
                    perBatch.add(tlsConnections() - before);
                }
            }
        }
        return perBatch;
    }

    /** OkHttp's own pool keeps 5 idle connections: with 20 in flight, 15 new handshakes every batch. */
    @Test
    void okHttpsDefaultPoolOfFiveWithTwentyInFlightHandshakesFifteenTimesABatch() throws InterruptedException {
        int predicted = new Theory(1).newConnections(new Limits(Model.okHttpAsync, N, N), N, false, 128,
                ConnectionPoolSize.okHttpDefault.connections(N));
        assertThat(predicted).isEqualTo(15);
        assertThat(handshakesPerBatch(Model.okHttpAsync, N, ConnectionPoolSize.okHttpDefault, 5))
                .as("TLS connections the server saw per batch").containsOnly((long) predicted);
    }

    /** A pool sized to N keeps every connection: no handshake once warm. */
    @Test
    void aPoolSizedToNHandshakesNoMore() throws InterruptedException {
        assertThat(handshakesPerBatch(Model.okHttpAsync, N, ConnectionPoolSize.sized, 5)).containsOnly(0L);
        assertThat(handshakesPerBatch(Model.reactor, N, ConnectionPoolSize.sized, 5)).containsOnly(0L);
    }

    /** The server's count leaves the admin API's own connections out, and counts every other one. */
    @Test
    void theAdminApiIsNotCountedButEveryOtherConnectionIs() throws Exception {
        URI plain = TestServer.uri();
        long before = RequestCounter.counts(plain).orElseThrow().connections(plain);
        for (int i = 0; i < 3; i++) {
            try (HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                assertThat(fresh.send(HttpRequest.newBuilder(plain.resolve("/__admin/mappings?limit=1")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            }
        }
        assertThat(RequestCounter.counts(plain).orElseThrow().connections(plain)).isEqualTo(before);
        try (HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            fresh.send(HttpRequest.newBuilder(plain.resolve("/not-admin")).build(), HttpResponse.BodyHandlers.discarding());
        }
        assertThat(RequestCounter.counts(plain).orElseThrow().connections(plain)).isEqualTo(before + 1);
    }
}
