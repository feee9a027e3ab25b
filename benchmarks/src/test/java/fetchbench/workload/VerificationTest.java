package fetchbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.TestServer;
import fetchbench.model.CachingModel;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.InFlight;
import fetchbench.catalog.Model;
import fetchbench.model.ModelSettings;
import fetchbench.model.Outcome;
import fetchbench.server.RequestCounter;
import fetchbench.server.Stubs;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Verification against a real WireMock catches a wrong answer that looks right: the server echoes
 * each URL's index into its body, and counts the requests it answered.
 */
@Tag("integration")
class VerificationTest {

    private static final int N = 12;

    private static Workload registered() {
        Workload workload = Workload.create(TestServer.uri(), N, DelayProfile.fixed, 5, 1);
        Stubs.register(TestServer.uri(), workload);
        return workload;
    }

    private static ConcurrencyModel model() {
        return Model.virtualThreads.create(new ModelSettings(0, 0, N, Duration.ofSeconds(1), new InFlight()));
    }

    /** The outcomes of fetching {@code fetched}, each handed out as the answer to the URL at its place in {@code asked}. */
    private static List<Outcome> relabelled(ConcurrencyModel model, List<URI> fetched, List<URI> asked) {
        List<Outcome> outcomes = model.gather(fetched);
        return IntStream.range(0, asked.size()).mapToObj(i -> {
            Outcome o = outcomes.get(i);
            return new Outcome(asked.get(i), o.status(), o.body(), o.nanos(), o.finishedAt(), o.error());
        }).toList();
    }

    @Test
    void theRightFetchesPassAndTheServerCountsEachOnce() {
        Workload workload = registered();
        try (ConcurrencyModel model = model()) {
            long before = RequestCounter.read(TestServer.uri()).orElseThrow();
            workload.verify("virtualThreads", model.gather(workload.urls()));
            long served = RequestCounter.read(TestServer.uri()).orElseThrow() - before;
            assertThat(workload.verifyRequests("virtualThreads", served)).isEqualTo(N);
        }
    }

    @Test
    void oneResponseHandedOutForEveryUrlFails() {
        Workload workload = registered();
        try (ConcurrencyModel model = model()) {
            List<Outcome> sameEveryTime = relabelled(model, Collections.nCopies(N, workload.urls().get(0)),
                    workload.urls());
            assertThatThrownBy(() -> workload.verify("cheat", sameEveryTime))
                    .isInstanceOf(IncompleteResultException.class)
                    .hasMessageContaining(N - 1 + " problem(s)").hasMessageContaining("unexpected body");
        }
    }

    @Test
    void oneUrlFetchedTwiceAndAnotherNotAtAllFailsThoughTheCountIsRight() {
        Workload workload = registered();
        try (ConcurrencyModel model = model()) {
            List<URI> fetched = new ArrayList<>(workload.urls());
            fetched.set(2, fetched.get(1));
            long before = RequestCounter.read(TestServer.uri()).orElseThrow();
            List<Outcome> outcomes = relabelled(model, fetched, workload.urls());
            long served = RequestCounter.read(TestServer.uri()).orElseThrow() - before;

            assertThat(workload.verifyRequests("cheat", served)).isEqualTo(N); // the count alone cannot tell
            assertThatThrownBy(() -> workload.verify("cheat", outcomes))
                    .hasMessageContaining("1 problem(s)").hasMessageContaining("?i=2 returned an unexpected body");
        }
    }

    @Test
    void answersFromACacheFailTheServersCountThoughEveryBodyIsRight() {
        Workload workload = registered();
        try (ConcurrencyModel caching = new CachingModel(model())) {
            workload.verify("cache", caching.gather(workload.urls())); // the first batch, sent
            long before = RequestCounter.read(TestServer.uri()).orElseThrow();
            List<Outcome> cached = caching.gather(workload.urls());
            long served = RequestCounter.read(TestServer.uri()).orElseThrow() - before;

            assertThat(workload.verify("cache", cached)).hasSize(N); // every body is right
            assertThatThrownBy(() -> workload.verifyRequests("cache", served))
                    .hasMessageContaining("the server answered 0 requests, expected " + N);
        }
    }

    /**
     * The server's count shows what each client really sends: OkHttp (retries off) one request per
     * URL that reaches the server; the JDK's HttpClient a second one for each URL whose connection
     * the server closed without an answer (reset, empty), which the check allows it and no other.
     */
    @Test
    void theServersCountShowsTheJdkClientResendingAfterAClosedConnection() {
        Workload failures = Workload.create(Shape.failures, TestServer.uri(), 7, Delays.of(DelayProfile.fixed), 5, 1);
        Stubs.register(TestServer.uri(), failures);
        for (Model model : List.of(Model.virtualThreads, Model.httpClientAsync)) {
            try (ConcurrencyModel fetcher = model.create(new ModelSettings(0, 0, 7, Duration.ofSeconds(1),
                    new InFlight()))) {
                long before = RequestCounter.read(TestServer.uri()).orElseThrow();
                failures.verifyFailures(model.name(), fetcher.gather(failures.urls()));
                long served = RequestCounter.read(TestServer.uri()).orElseThrow() - before;

                assertThat(served).as(model.name()).isEqualTo(model == Model.httpClientAsync ? 8 : 6);
                assertThat(failures.verifyRequests(model.name(), served, model.clientStack().resendsOnClosedConnection()))
                        .isEqualTo(served);
                if (model == Model.httpClientAsync) {
                    assertThatThrownBy(() -> failures.verifyRequests(model.name(), served, false))
                            .hasMessageContaining("the server answered 8 requests, expected 6");
                }
            }
        }
    }
}
