package fetchbench.model;

import fetchbench.workload.Fetch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.TestServer;
import fetchbench.server.Stubs;
import fetchbench.workload.Responses;
import fetchbench.workload.Workload;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Tag;

/** The checks ShapesTest runs after every race and deadline, shown to fail on models that forget to cancel. */
@Tag("integration")
class WindDownTest {

    private static final int NEVER_MS = 30_000;

    private static Fetch ok(int place, int delayMs) {
        return new Fetch(TestServer.uri().resolve(Responses.path(delayMs) + "?i=" + place), delayMs,
                Responses.body(delayMs, place));
    }

    @Test
    void everyCheckCatchesLosersLeftRunning() {
        URI server = TestServer.uri();
        Workload workload = Workload.of(List.of(ok(0, NEVER_MS), ok(1, NEVER_MS), ok(2, 100)));
        Stubs.register(server, workload);
        InFlight inFlight = new InFlight();
        Set<String> threadsBefore = ThreadDump.stacks().keySet();
        Set<Integer> connectionsBefore = WindDown.connectionsTo(server);
        try (ConcurrencyModel forgetful = new ForgetfulModel(new ModelSettings(0, 0, 3, Duration.ofMillis(NEVER_MS),
                inFlight))) {

            assertThat(workload.verifyRace("forgetful", forgetful.race(workload.urls())).url())
                    .isEqualTo(workload.urls().get(2));
            WindDown.Left left = WindDown.after(inFlight, server, connectionsBefore, 1, Duration.ofSeconds(2));

            assertThat(left.nothing()).isFalse();
            assertThat(left.inFlight()).isEqualTo(2);
            assertThat(left.dispatcher()).isEqualTo(new InFlight.DispatcherCalls(2, 0));
            assertThat(left.extraConnections()).isEqualTo(2);
            assertThat(left.threadsInAFetch()).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("forgetful-"));
            // The check ModelsTest runs after closing a model sees them too, virtual as they are.
            assertThat(WindDown.threadsStartedSince(threadsBefore)).containsAll(left.threadsInAFetch());
        }
        // Closing the model cancels the losers: then nothing is left, so the checks can pass too.
        WindDown.Left afterClose = WindDown.after(inFlight, server, connectionsBefore, 0, Duration.ofSeconds(10));
        assertThat(afterClose.nothing()).as("%s", afterClose).isTrue();
        assertThat(ModelsTest.newThreadsStillAlive(threadsBefore)).isEmpty();
    }

    /**
     * Two raw connections to the server, one that sent a request and one that sent nothing (as a
     * pool's connection opened ahead and never used): both are open, only the first carried a
     * request, and the wind-down counts only that one.
     */
    @Test
    void onlyAConnectionThatSentARequestCountsAsLeftRunning() throws Exception {
        URI server = TestServer.uri();
        Set<Integer> connectionsBefore = WindDown.connectionsTo(server);
        try (Socket unused = new Socket(server.getHost(), server.getPort());
             Socket carrying = new Socket(server.getHost(), server.getPort())) {
            carrying.getOutputStream().write(("GET /unstubbed HTTP/1.1\r\nHost: " + server.getAuthority() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            carrying.getOutputStream().flush();

            WindDown.Left left = WindDown.after(new InFlight(), server, connectionsBefore, 0, Duration.ofSeconds(2));
            assertThat(left.extraConnections()).isEqualTo(1);
            assertThat(WindDown.connectionsTo(server)).contains(unused.getLocalPort(), carrying.getLocalPort());
            assertThat(Sockets.localPortsThatSentTo(server.getPort())).contains(carrying.getLocalPort())
                    .doesNotContain(unused.getLocalPort());
            assertThat(WindDown.after(new InFlight(), server, connectionsBefore, 1, Duration.ZERO).nothing()).isTrue();
        }
    }

    /**
     * A virtual thread blocked in Apache's classic client (apacheVirtualThreads' call) is a thread
     * in a fetch, as one in OkHttp's is, until the call is cancelled.
     */
    @Test
    void theThreadCheckSeesAThreadInApachesClassicClient() throws Exception {
        URI server = TestServer.uri();
        Workload workload = Workload.of(List.of(ok(40, NEVER_MS)));
        Stubs.register(server, workload);
        ApacheClassic client = new ApacheClassic(new ModelSettings(0, 0, 1, Duration.ofMillis(NEVER_MS), new InFlight()));
        try {
            Thread caller = Thread.ofVirtual().name("apache-classic-caller")
                    .start(() -> client.fetch(workload.urls().get(0), null));
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!WindDown.threadsInAFetch().contains("apache-classic-caller") && System.nanoTime() < giveUpAt) {
                Thread.sleep(50);
            }
            assertThat(WindDown.threadsInAFetch()).contains("apache-classic-caller");

            client.cancelAll();
            caller.join(Duration.ofSeconds(10));
            assertThat(caller.isAlive()).isFalse();
            assertThat(WindDown.threadsInAFetch()).doesNotContain("apache-classic-caller");
        } finally {
            client.close();
        }
    }

    /** The event-loop clients: the JDK's, Reactor Netty's, Apache's async and Jetty's. */
    enum EventLoopClient {
        jdk, reactor, apache, jetty;

        ConcurrencyModel forgetful() {
            Duration timeout = Duration.ofMillis(NEVER_MS);
            return switch (this) {
                case jdk -> new ForgetfulHttpClientAsync(timeout);
                case reactor -> new ForgetfulReactor(3, timeout);
                case apache -> new ForgetfulApacheAsync(3, timeout);
                case jetty -> new ForgetfulJettyAsync(3, timeout);
            };
        }
    }

    /**
     * The JDK client's exchanges run on its selector thread, Reactor Netty's, Apache's and Jetty's
     * on event loops or I/O reactors, and a model of each keeps its own gauge: a race that forgets its losers leaves no thread in a
     * fetch, and only their connections in the kernel's table show them. Closing the client closes those.
     */
    @ParameterizedTest
    @EnumSource(EventLoopClient.class)
    void theSocketTableCatchesExchangesOfAnEventLoopClientLeftRunning(EventLoopClient stack) {
        URI server = TestServer.uri();
        int place = 20 + 3 * stack.ordinal();
        Workload workload = Workload.of(List.of(ok(place, NEVER_MS), ok(place + 1, NEVER_MS), ok(place + 2, 100)));
        Stubs.register(server, workload);
        InFlight noGauge = new InFlight();
        Set<Integer> connectionsBefore = WindDown.connectionsTo(server);
        try (ConcurrencyModel forgetful = stack.forgetful()) {
            assertThat(workload.verifyRace("forgetful", forgetful.race(workload.urls())).url())
                    .isEqualTo(workload.urls().get(2));
            WindDown.Left left = WindDown.after(noGauge, server, connectionsBefore, 1, Duration.ofSeconds(2));

            assertThat(left.nothing()).isFalse();
            assertThat(left.extraConnections()).isEqualTo(2);
            assertThat(left.threadsInAFetch()).isEmpty();
        }
        WindDown.Left afterClose = WindDown.after(noGauge, server, connectionsBefore, 0, Duration.ofSeconds(10));
        assertThat(afterClose.nothing()).as("%s", afterClose).isTrue();
    }

    /**
     * A race and a deadline that wait for every call before returning: right answers, nothing left
     * running, and only their return time shows the bug. The slow calls are held just past the
     * slack, so the test stays short.
     */
    @Test
    void theReturnTimeCatchesARaceAndADeadlineThatWaitForEveryCall() {
        URI server = TestServer.uri();
        int heldMs = (int) ShapesTest.RETURN_SLACK.toMillis() + 1_000;
        Workload race = Workload.of(List.of(ok(10, heldMs), ok(11, 200)));
        Workload deadlined = Workload.of(List.of(ok(12, 0), ok(13, heldMs)));
        Stubs.register(server, race);
        Stubs.register(server, deadlined);
        Duration deadline = Duration.ofSeconds(1);
        try (ConcurrencyModel patient = new PatientModel(new ModelSettings(0, 0, 2, Duration.ofMillis(NEVER_MS),
                new InFlight()))) {
            long raceStart = System.nanoTime();
            assertThat(race.verifyRace("patient", patient.race(race.urls())).url()).isEqualTo(race.urls().get(1));
            long raceEnd = System.nanoTime();
            assertThatThrownBy(() -> ShapesTest.assertReturnedWithin("patient", raceStart, raceEnd, Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("patient returned after");

            long deadlineStart = System.nanoTime();
            assertThat(deadlined.verifyDeadline("patient", patient.deadline(deadlined.urls(), deadline), deadline))
                    .isEqualTo(1);
            long deadlineEnd = System.nanoTime();
            assertThatThrownBy(() -> ShapesTest.assertReturnedWithin("patient", deadlineStart, deadlineEnd, deadline))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("patient returned after");
        }
    }

    @Test
    void everyCheckCatchesCallsLeftRunningAndQueuedAfterADeadline() {
        URI server = TestServer.uri();
        // One call per host: the fast URL first, then one slow call running and one waiting in the queue.
        Workload workload = Workload.of(List.of(ok(0, 50), ok(1, NEVER_MS), ok(2, NEVER_MS)));
        Stubs.register(server, workload);
        InFlight inFlight = new InFlight();
        Set<String> threadsBefore = ThreadDump.stacks().keySet();
        Set<Integer> connectionsBefore = WindDown.connectionsTo(server);
        try (ConcurrencyModel forgetful = new ForgetfulOkHttpAsync(new ModelSettings(1, 64, 3,
                Duration.ofMillis(NEVER_MS), inFlight))) {

            List<Outcome> kept = forgetful.deadline(workload.urls(), Duration.ofSeconds(1));
            assertThat(kept).extracting(Outcome::url).containsExactly(workload.urls().get(0));
            WindDown.Left left = WindDown.after(inFlight, server, connectionsBefore, 1, Duration.ofSeconds(2));

            assertThat(left.nothing()).isFalse();
            assertThat(left.inFlight()).isEqualTo(1);
            assertThat(left.dispatcher()).isEqualTo(new InFlight.DispatcherCalls(1, 1));
            // OkHttp names a Dispatcher thread after the call it runs.
            assertThat(left.threadsInAFetch()).hasSize(1)
                    .allSatisfy(name -> assertThat(name).startsWith("OkHttp " + server));
            assertThat(WindDown.threadsStartedSince(threadsBefore)).containsAll(left.threadsInAFetch());
        }
        WindDown.Left afterClose = WindDown.after(inFlight, server, connectionsBefore, 0, Duration.ofSeconds(10));
        assertThat(afterClose.nothing()).as("%s", afterClose).isTrue();
        assertThat(ModelsTest.newThreadsStillAlive(threadsBefore)).isEmpty();
    }
}
