package fetchbench.model;

import fetchbench.workload.Fetch;
import fetchbench.catalog.Model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fetchbench.TestServer;
import fetchbench.server.Stubs;
import fetchbench.workload.CpuWork;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Health;
import fetchbench.workload.Kind;
import fetchbench.workload.Shape;
import fetchbench.workload.Responses;
import fetchbench.workload.Workload;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every shape with every model against a real WireMock JVM: the behaviour each shape promises
 * (workers, completion order, losers cancelled, nothing running after a deadline, the exact
 * failure mix, where the CPU work runs), checked by counts, order and the OS's own socket table;
 * timing only bounds what must not wait for calls held 30 s (a race, a deadline, the first result).
 */
@Tag("integration")
class ShapesTest {

    /** Slots for every model that has a setting: more than any test below fetches at once. */
    private static final int SLOTS = 8;
    /** Longer than any wait below: a call still open after the waits was not cancelled. */
    private static final int NEVER_MS = 30_000;
    /** How long a cancelled call may take to wind down before the test calls it leaked. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(10);
    /**
     * How long past its winner or its deadline a race or a deadline may take to return: room for a
     * busy machine, far short of the calls it must not wait for.
     */
    static final Duration RETURN_SLACK = Duration.ofSeconds(5);

    /** A race or a deadline returned within {@code due} plus the slack, not after the calls it should have left. */
    static void assertReturnedWithin(String model, long startNanos, long endNanos, Duration due) {
        Duration took = Duration.ofNanos(endNanos - startNanos);
        assertThat(took).as("%s returned after %d ms, due at %d ms (+ %d s)", model, took.toMillis(), due.toMillis(),
                RETURN_SLACK.toSeconds()).isLessThan(due.plus(RETURN_SLACK));
    }

    private static ConcurrencyModel create(Model model, InFlight inFlight, BodyWork work) {
        model.unavailableReason().ifPresent(reason -> System.out.println("[ShapesTest] " + reason));
        assumeTrue(model.unavailableReason().isEmpty(), () -> model.unavailableReason().orElseThrow());
        return model.create(new ModelSettings(model.hasConcurrencyKnob() ? SLOTS : 0, 64, 16,
                Duration.ofMillis(NEVER_MS), inFlight, work));
    }

    private static Workload registered(Workload workload) {
        Stubs.register(TestServer.uri(), workload);
        return workload;
    }

    private static Fetch ok(int place, int delayMs) {
        return new Fetch(TestServer.uri().resolve(Responses.path(delayMs) + "?i=" + place), delayMs,
                Responses.body(delayMs, place));
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void workersDrainTheQueueTwoAtATime(Model model) {
        Workload workload = registered(Workload.create(Shape.workers, TestServer.uri(), 12, DelayProfile.staggered,
                200, 1));
        InFlight inFlight = new InFlight();
        try (ConcurrencyModel fetcher = create(model, inFlight, BodyWork.NONE)) {
            workload.verify(model.name(), fetcher.workers(workload.urls(), 2));
        }
        assertThat(inFlight.peak()).isEqualTo(model == Model.sequential ? 1 : 2);
    }

    /** Delays 400, 300, 200, 100 ms, twice: finishing order is the reverse of asking order. */
    private static Workload reversedOrder() {
        List<Fetch> fetches = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            fetches.add(ok(i, 400 - 100 * (i % 4)));
        }
        return registered(Workload.of(fetches));
    }

    /** What the handler was given, on which threads, and when it was first called. */
    private record Handled(List<Outcome> outcomes, Set<String> threads, long[] firstAt) {
        static Handled by(ConcurrencyModel fetcher, Workload workload) {
            Handled handled = new Handled(new ArrayList<>(), ConcurrentHashMap.newKeySet(), new long[1]);
            fetcher.asCompleted(workload.urls(), outcome -> {
                if (handled.outcomes.isEmpty()) {
                    handled.firstAt[0] = System.nanoTime();
                }
                handled.threads.add(Thread.currentThread().getName());
                handled.outcomes.add(outcome);
            });
            return handled;
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void resultsAreHandledInCompletionOrder(Model model) {
        Workload workload = reversedOrder();
        List<Fetch> fetches = workload.fetches();
        Handled all;
        try (ConcurrencyModel fetcher = create(model, new InFlight(), BodyWork.NONE)) {
            all = Handled.by(fetcher, workload);
        }
        List<Outcome> handled = all.outcomes();
        Set<String> handlerThreads = all.threads();

        // In order, and as they came: the first handled before the slowest fetch finished.
        workload.verifyAsCompleted(model.name(), handled, all.firstAt()[0]);
        List<Integer> handledDelays = handled.stream().map(ShapesTest::delayOf).toList();
        List<Integer> askedDelays = fetches.stream().map(Fetch::delayMs).toList();
        if (model == Model.sequential) {
            assertThat(handledDelays).isEqualTo(askedDelays); // one at a time: finishing order is asking order
        } else {
            assertThat(handledDelays).containsExactly(100, 100, 200, 200, 300, 300, 400, 400);
        }
        assertThat(handlerThreads).containsExactly(Thread.currentThread().getName());
    }

    /** A model that holds every result back and hands them on sorted gets the order right, and fails. */
    @Test
    void aModelThatHoldsResultsBackUntilTheLastFails() {
        Workload workload = reversedOrder();
        Handled all;
        try (ConcurrencyModel buffering = new BufferingModel(new ModelSettings(0, 0, SLOTS,
                Duration.ofMillis(NEVER_MS), new InFlight()))) {
            all = Handled.by(buffering, workload);
        }
        assertThat(all.outcomes()).extracting(ShapesTest::delayOf).containsExactly(100, 100, 200, 200, 300, 300, 400, 400);
        assertThatThrownBy(() -> workload.verifyAsCompleted("buffering", all.outcomes(), all.firstAt()[0]))
                .hasMessageContaining("held back, not handled as it came");
    }

    /**
     * Replicas: HTTP 500 at once, two that would answer after 30 s, and the winner after 200 ms.
     * After the race returns, the losers' calls end, their connections close and no thread is
     * left in a fetch, all long before the losers would have answered.
     */
    @ParameterizedTest
    @EnumSource(value = Model.class, names = "sequential", mode = EnumSource.Mode.EXCLUDE)
    void theFirstSuccessWinsAndTheLosersAreCancelled(Model model) {
        URI server = TestServer.uri();
        Fetch failing = new Fetch(server.resolve(Kind.SERVER_ERROR.path(0)), 0,
                Kind.SERVER_ERROR, null);
        Workload workload = registered(Workload.of(List.of(failing, ok(1, NEVER_MS), ok(2, NEVER_MS), ok(3, 200))));
        InFlight inFlight = new InFlight();
        try (ConcurrencyModel fetcher = create(model, inFlight, BodyWork.NONE)) {
            Set<Integer> connectionsBefore = WindDown.connectionsTo(server);

            long start = System.nanoTime();
            Outcome winner = workload.verifyRace(model.name(), fetcher.race(workload.urls()));
            assertReturnedWithin(model.name(), start, System.nanoTime(), Duration.ofMillis(200));

            assertThat(winner.url()).isEqualTo(workload.urls().get(3));
            assertWoundDown(model, inFlight, server, connectionsBefore, 2);
        }
    }

    /** The only 200 finishing after the failure is still the winner; no 200 at all is said plainly. */
    @ParameterizedTest
    @EnumSource(Model.class)
    void aRaceTakesTheOnly200AndSaysWhenThereIsNone(Model model) {
        URI server = TestServer.uri();
        Fetch failing = new Fetch(server.resolve(Kind.SERVER_ERROR.path(0)), 0,
                Kind.SERVER_ERROR, null);
        Workload workload = registered(Workload.of(List.of(failing, ok(1, 200))));
        try (ConcurrencyModel fetcher = create(model, new InFlight(), BodyWork.NONE)) {
            assertThat(workload.verifyRace(model.name(), fetcher.race(workload.urls())).url())
                    .isEqualTo(workload.urls().get(1));
            assertThatThrownBy(() -> fetcher.race(List.of(failing.url(), failing.url())))
                    .isInstanceOf(ConcurrencyModel.NoReplicaAnsweredException.class)
                    .hasMessage("none of the 2 replicas answered HTTP 200");
        }
    }

    /**
     * Three URLs answer at once, three are held by the server for 30 s; the deadline is 2 s. What
     * finished is kept (all three fast ones when the model runs all at once, one when sequential,
     * whose second URL holds it until the deadline) and nothing of the slow ones outlives the call.
     * The server holds the slow ones, so the count is exact; the fast ones have 2 s to be answered
     * at once, room enough for first connections on 2 busy cores.
     */
    @ParameterizedTest
    @EnumSource(Model.class)
    void aDeadlineKeepsWhatCompletedAndCancelsTheRest(Model model) {
        List<Fetch> fetches = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fetches.add(ok(i, i % 2 == 0 ? 0 : NEVER_MS));
        }
        Workload workload = registered(Workload.of(fetches));
        Duration deadline = Duration.ofSeconds(2);
        InFlight inFlight = new InFlight();
        URI server = TestServer.uri();
        try (ConcurrencyModel fetcher = create(model, inFlight, BodyWork.NONE)) {
            Set<Integer> connectionsBefore = WindDown.connectionsTo(server);

            long start = System.nanoTime();
            List<Outcome> kept = fetcher.deadline(workload.urls(), deadline);
            assertReturnedWithin(model.name(), start, System.nanoTime(), deadline);

            int expected = model == Model.sequential ? 1 : 3;
            assertThat(workload.verifyDeadline(model.name(), kept, deadline)).isEqualTo(expected);
            assertThat(kept).extracting(Outcome::url).isSubsetOf(
                    workload.urls().get(0), workload.urls().get(2), workload.urls().get(4));
            assertWoundDown(model, inFlight, server, connectionsBefore, expected);
        }
    }

    /**
     * Nothing in flight, no more connections than the finished calls keep for reuse, no thread
     * (virtual ones included) in a fetch; WindDownTest shows each of these failing on a model that
     * forgets to cancel.
     */
    private static void assertWoundDown(Model model, InFlight inFlight, URI server, Set<Integer> connectionsBefore,
                                        int finishedCalls) {
        WindDown.Left left = WindDown.after(inFlight, server, connectionsBefore, finishedCalls, WIND_DOWN);
        assertThat(left.nothing()).as("%s left running: %s", model.name(), left).isTrue();
    }

    /**
     * One URL of each kind: every outcome arrives, and each gets the verdict of its kind, the
     * same whichever client made the call.
     */
    @ParameterizedTest
    @EnumSource(Model.class)
    void failuresAreIsolatedPerUrl(Model model) {
        Workload workload = registered(Workload.create(Shape.failures, TestServer.uri(), 7, DelayProfile.fixed, 50, 0));
        List<Outcome> outcomes;
        try (ConcurrencyModel fetcher = create(model, new InFlight(), BodyWork.NONE)) {
            outcomes = workload.verifyFailures(model.name(), fetcher.gather(workload.urls()));
        }
        assertThat(outcomes).extracting(Health::of).containsExactly(Health.UP, Health.DOWN, Health.RESET,
                Health.EMPTY, Health.SERVER_ERROR, Health.UP, Health.MALFORMED);
        assertThat(Health.DOWN.report(outcomes.get(1))).endsWith(" is down: connection refused");
    }

    /** The work is done, correctly, on the model's threads: the caller's only when sequential. */
    @ParameterizedTest
    @EnumSource(Model.class)
    void cpuWorkRunsOnTheModelsThreads(Model model) {
        Workload workload = registered(Workload.create(Shape.cpuHeavy, TestServer.uri(), 6, DelayProfile.fixed, 20, 0));
        Set<String> workers = ConcurrentHashMap.newKeySet();
        CpuWork cpuWork = new CpuWork();
        BodyWork recorded = body -> {
            workers.add(Thread.currentThread().isVirtual() ? "virtual" : Thread.currentThread().getName());
            return cpuWork.apply(body);
        };
        try (ConcurrencyModel fetcher = create(model, new InFlight(), recorded)) {
            workload.verify(model.name(), fetcher.gather(workload.urls()));
        }
        String caller = Thread.currentThread().getName();
        if (model == Model.sequential) {
            assertThat(workers).containsExactly(caller);
        } else if (model.card().onVirtualThreads()) {
            assertThat(workers).containsExactly("virtual");
        } else if (model == Model.okHttpAsync) {
            // OkHttp names a Dispatcher thread after the call it runs, for as long as it runs it.
            assertThat(workers).isNotEmpty()
                    .allSatisfy(name -> assertThat(name).startsWith("OkHttp " + TestServer.uri().getScheme()));
        } else {
            // The model's own threads (pools of k, I/O reactors): for httpClientAsync the work must not
            // fall back to the common pool.
            assertThat(workers).isNotEmpty()
                    .allSatisfy(name -> assertThat(name).startsWith("fetchbench-" + model.name() + "-"));
        }
    }

    private static int delayOf(Outcome outcome) {
        String path = outcome.url().getPath();
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }
}
