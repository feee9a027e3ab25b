package fetchbench.model;

import fetchbench.catalog.Model;
import fetchbench.catalog.Variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fetchbench.TestServer;
import fetchbench.server.Certificates;
import fetchbench.server.RequestCounter;
import fetchbench.server.ServerProcess;
import fetchbench.server.ServerSettings;
import fetchbench.server.Stubs;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/** Each client stack speaks each protocol as named, on the real server, and trusts only the run's certificate. */
@Tag("integration")
class ProtocolsTest {

    static Stream<Arguments> stacksAndProtocols() {
        return Stream.of(ClientStack.values()).flatMap(stack -> Stream.of(Protocol.values())
                .filter(protocol -> protocol.unsupportedBy(stack).isEmpty())
                .map(protocol -> Arguments.of(stack, protocol)));
    }

    private static Workload workload(Protocol protocol, int n) {
        Workload workload = Workload.create(TestServer.uri(protocol), n, DelayProfile.fixed, 5, 1);
        Stubs.register(TestServer.uri(), workload);
        return workload;
    }

    /** The bare client checks every response's HTTP version, and throws on another one. */
    @ParameterizedTest
    @MethodSource("stacksAndProtocols")
    void eachStackNegotiatesEachProtocolAsNamed(ClientStack stack, Protocol protocol) throws Exception {
        Workload workload = workload(protocol, 6);
        try (BareClient client = new BareClient(stack, 6, workload.longestDelay(), TestServer.transport(protocol))) {
            assertThat(client.gather(workload.urls())).isEqualTo(6);
        }
    }

    /** The models check it too: the model of each stack that compares it over the protocols gathers over each. */
    @ParameterizedTest
    @MethodSource("stacksAndProtocols")
    void aModelOfEachStackGathersOverEachProtocol(ClientStack stack, Protocol protocol) {
        Model model = Variant.all().stream().filter(v -> v.plays(Variant.Role.protocols))
                .map(Variant::model).filter(m -> m.clientStack() == stack).findFirst()
                .orElseThrow(() -> new AssertionError("no variant on " + stack + " plays the protocols role"));
        Workload workload = workload(protocol, 8);
        ModelSettings settings = new ModelSettings(8, 8, 8, workload.longestDelay(), new InFlight())
                .with(TestServer.transport(protocol));
        try (ConcurrencyModel fetcher = model.create(settings)) {
            assertThat(workload.verify(model.name(), fetcher.gather(workload.urls()))).hasSize(8);
        }
    }

    @Test
    void theJdkClientRefusesH2cWithAReason() {
        assertThat(Protocol.h2c.unsupportedBy(ClientStack.jdkHttpClient)).get().asString()
                .contains("prior-knowledge");
        assertThatThrownBy(() -> new BareClient(ClientStack.jdkHttpClient, 1, Duration.ofMillis(1),
                TestServer.transport(Protocol.h2c))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no prior-knowledge HTTP/2");
    }

    /** A server of its own that speaks HTTP/1.1 only, on its TLS port too; started for the first test that needs it. */
    private static ServerProcess http1Only;

    private static synchronized ServerProcess http1Only() throws IOException {
        if (http1Only == null) {
            http1Only = ServerProcess.start(ServerSettings.forLargestN(8).withoutHttp2());
        }
        return http1Only;
    }

    @AfterAll
    static synchronized void stopHttp1Only() {
        if (http1Only != null) {
            http1Only.close();
        }
    }

    /**
     * Every model asks for h2 over TLS from a server that speaks only HTTP/1.1. A stack that offers
     * HTTP/1.1 beside h2 (OkHttp, the JDK client) settles on it by ALPN and gets answers, which its
     * models must refuse by the response's version; one that offers h2 alone fails at the
     * handshake. Either way no fetch counts as answered, so the run fails.
     */
    @ParameterizedTest
    @EnumSource(Model.class)
    void everyModelFailsAFetchAnsweredInAnotherHttpVersion(Model model) throws IOException {
        assumeTrue(model.unavailableReason().isEmpty(), () -> model.unavailableReason().orElseThrow());
        ServerProcess server = http1Only();
        Workload workload = Workload.create(server.tlsBaseUri().orElseThrow(), 2, DelayProfile.fixed, 5, 1);
        Stubs.register(server.baseUri(), workload);
        ModelSettings settings = new ModelSettings(model.hasConcurrencyKnob() ? 2 : 0, 2, 2, Duration.ofSeconds(10),
                new InFlight()).with(server.transport(Protocol.h2));
        try (ConcurrencyModel fetcher = model.create(settings)) {
            List<Outcome> outcomes = fetcher.gather(workload.urls());

            assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome.error()).isNotNull());
            if (model.clientStack().offersHttp1BesideH2()) {
                assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error())
                        .isInstanceOf(Protocol.WrongProtocolException.class)
                        .hasMessage("asked for h2 (HTTP_2) and the response came back in HTTP_1_1"));
            }
            assertThatThrownBy(() -> workload.verify(model.name(), outcomes)).hasMessageContaining(model.name());
        }
    }

    /** An empty truststore is refused before any client is built, with what to do. */
    @Test
    void anEmptyTruststoreFailsWithAClearError(@TempDir Path folder) throws Exception {
        Path empty = folder.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(empty)) {
            store.store(out, "x".toCharArray());
        }
        assertThatThrownBy(() -> Tls.trusting(empty, "x".toCharArray())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the truststore " + empty + " holds no certificate, so no server could be trusted; "
                        + "give one that holds the server's certificate");
    }

    /** The certificate is really checked: trusting another certificate, every stack fails the handshake. */
    @ParameterizedTest
    @EnumSource(ClientStack.class)
    void aClientThatTrustsAnotherCertificateFailsTheHandshake(ClientStack stack, @TempDir Path folder) throws Exception {
        Certificates stranger = Certificates.generate(folder);
        Transport untrusting = new Transport(Protocol.https1, Optional.of(Tls.trusting(stranger.truststore(),
                stranger.truststorePassword().toCharArray())));
        Workload workload = workload(Protocol.https1, 2);
        try (BareClient client = new BareClient(stack, 2, workload.longestDelay(), untrusting)) {
            assertThatThrownBy(() -> client.gather(workload.urls())).isInstanceOf(IOException.class)
                    .hasStackTraceContaining("PKIX path");
        }
    }

    /**
     * The server counts the connections each stack opens, per port, and later batches reuse them.
     * A pool may open fewer than its 4 connections in the first batch and the rest in a later one
     * (Reactor Netty over h2c does, now and then), so the bound is on the total: 6 batches on a pool
     * of 4 that reused nothing would open at least 6.
     */
    @ParameterizedTest
    @MethodSource("stacksAndProtocols")
    void theServerCountsNewConnectionsWhateverTheStack(ClientStack stack, Protocol protocol) throws Exception {
        int pool = 4;
        Workload workload = workload(protocol, pool);
        URI server = TestServer.uri(protocol);
        try (BareClient client = new BareClient(stack, pool, workload.longestDelay(), TestServer.transport(protocol))) {
            long before = RequestCounter.counts(TestServer.uri()).orElseThrow().connections(server);
            client.gather(workload.urls());
            long afterFirst = RequestCounter.counts(TestServer.uri()).orElseThrow().connections(server);
            for (int batch = 2; batch <= pool + 2; batch++) {
                client.gather(workload.urls());
            }
            long afterAll = RequestCounter.counts(TestServer.uri()).orElseThrow().connections(server);
            assertThat(afterFirst - before).as("opened by the first batch").isBetween(1L, (long) pool);
            assertThat(afterAll - before).as("opened by %d batches on a pool of %d", pool + 2, pool)
                    .isBetween(afterFirst - before, (long) pool);
        }
    }
}
