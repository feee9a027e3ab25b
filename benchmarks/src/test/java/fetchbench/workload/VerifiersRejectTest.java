package fetchbench.workload;

import fetchbench.model.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every verifier shown a wrong answer, built by hand: each must reject it with a message that
 * names the problem. No server is needed; the outcomes are what a broken model could return.
 */
class VerifiersRejectTest {

    private static final URI SERVER = URI.create("http://127.0.0.1:9");

    private static Workload workload(Shape shape, int n, int delayMs) {
        DelayProfile delays = shape == Shape.asCompleted ? DelayProfile.staggered : DelayProfile.fixed;
        return Workload.create(shape, SERVER, n, Delays.of(delays), delayMs, 1);
    }

    /** The right answer to a fetch, finished {@code finishedMs} after a common start. */
    private static Outcome right(Fetch fetch, long finishedMs) {
        return new Outcome(fetch.url(), 200, fetch.expectedBody(), finishedMs * 1_000_000, finishedMs * 1_000_000, null);
    }

    /** Handled the moment the first finished. */
    private static long asItCame(List<Outcome> handled) {
        return handled.get(0).finishedAt();
    }

    private static List<Outcome> allRight(Workload workload) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Fetch fetch : workload.fetches()) {
            outcomes.add(right(fetch, fetch.delayMs()));
        }
        return outcomes;
    }

    @Test
    void gatherRejectsAWrongBodyAWrongUrlAMissingOutcomeADuplicateAndAnError() {
        Workload gather = workload(Shape.gather, 5, 10);
        assertThat(gather.verify("right", allRight(gather))).hasSize(5); // the right answer passes

        List<Outcome> wrongBody = new ArrayList<>(allRight(gather));
        Outcome third = wrongBody.get(2);
        wrongBody.set(2, new Outcome(third.url(), 200, gather.fetches().get(3).expectedBody(), 1, 1, null));
        assertThatThrownBy(() -> gather.verify("m", wrongBody)).hasMessageContaining("?i=2 returned an unexpected body");

        List<Outcome> duplicate = new ArrayList<>(allRight(gather));
        duplicate.set(3, duplicate.get(2));
        assertThatThrownBy(() -> gather.verify("m", duplicate))
                .hasMessageContaining("expected " + gather.urls().get(3) + " but got an outcome for " + gather.urls().get(2));

        List<Outcome> missing = new ArrayList<>(allRight(gather));
        missing.remove(4);
        assertThatThrownBy(() -> gather.verify("m", missing)).hasMessageContaining("got 4 outcomes for 5 URLs");

        List<Outcome> failed = new ArrayList<>(allRight(gather));
        failed.set(1, new Outcome(gather.urls().get(1), 500, "", 1, 1, null));
        assertThatThrownBy(() -> gather.verify("m", failed)).hasMessageContaining("returned HTTP 500 instead of 200");
    }

    @Test
    void asCompletedRejectsOutOfOrderDuplicateAndMissingResults() {
        Workload shape = workload(Shape.asCompleted, 8, 100);
        List<Outcome> byFinish = new ArrayList<>(allRight(shape));
        byFinish.sort((a, b) -> Long.compare(a.finishedAt(), b.finishedAt()));
        assertThat(shape.verifyAsCompleted("right", byFinish, asItCame(byFinish))).hasSize(8);

        List<Outcome> asked = allRight(shape); // handed out in the order asked, not as they finished
        assertThatThrownBy(() -> shape.verifyAsCompleted("m", asked, asItCame(asked))).hasMessageContaining("before one handled earlier");

        List<Outcome> twice = new ArrayList<>(byFinish);
        twice.set(7, twice.get(6));
        assertThatThrownBy(() -> shape.verifyAsCompleted("m", twice, asItCame(twice))).hasMessageContaining("a second result for");

        List<Outcome> missing = new ArrayList<>(byFinish.subList(0, 7));
        assertThatThrownBy(() -> shape.verifyAsCompleted("m", missing, asItCame(missing))).hasMessageContaining("handled 7 of 8 URLs");
    }

    /**
     * Results held back until the slowest fetch finished, then handed on sorted: the order is
     * right, the timing is not. Where the slowest finished within the hand-off slack of the first,
     * holding back cannot be told from a busy machine, and passes.
     */
    @Test
    void asCompletedRejectsResultsHeldBackUntilTheLastFinished() {
        Workload shape = workload(Shape.asCompleted, 8, 100);
        List<Outcome> byFinish = new ArrayList<>(allRight(shape));
        byFinish.sort((a, b) -> Long.compare(a.finishedAt(), b.finishedAt()));
        long slowest = byFinish.get(7).finishedAt();
        assertThat(slowest - byFinish.get(0).finishedAt()).isGreaterThan(Workload.HANDOFF_SLACK.toNanos());
        assertThat(shape.verifyAsCompleted("right", byFinish, slowest - 1)).hasSize(8);
        assertThatThrownBy(() -> shape.verifyAsCompleted("m", byFinish, slowest))
                .hasMessageContaining("held back, not handled as it came");

        Workload pair = workload(Shape.asCompleted, 2, 100);
        List<Outcome> close = List.of(right(pair.fetches().get(0), 100), right(pair.fetches().get(1), 200));
        assertThat(pair.verifyAsCompleted("m", close, TimeUnit.MILLISECONDS.toNanos(200))).hasSize(2);
        List<Outcome> apart = List.of(right(pair.fetches().get(0), 100), right(pair.fetches().get(1), 201));
        assertThatThrownBy(() -> pair.verifyAsCompleted("m", apart, TimeUnit.MILLISECONDS.toNanos(201)))
                .hasMessageContaining("handled 101 ms after it finished");
    }

    @Test
    void asCompletedAllowsAResultQueuedUpTo25MsLateAndNoMore() {
        Workload pair = workload(Shape.asCompleted, 2, 100);
        Fetch first = pair.fetches().get(0);
        Fetch second = pair.fetches().get(1);

        // Handled second-first, though the second finished 25 ms after the first: within the slack.
        List<Outcome> within = List.of(right(second, 125), right(first, 100));
        assertThat(pair.verifyAsCompleted("m", within, asItCame(within))).hasSize(2);
        // 26 ms is past it.
        List<Outcome> past = List.of(right(second, 126), right(first, 100));
        assertThatThrownBy(() -> pair.verifyAsCompleted("m", past, asItCame(past)))
                .hasMessageContaining("finished 26 ms before one handled earlier");
    }

    @Test
    void raceRejectsTheFailingReplicaAStrangerAndAWrongBody() {
        Workload race = workload(Shape.race, 4, 100);
        Fetch fastest = race.fetches().stream().filter(f -> f.kind() == Kind.OK)
                .min((a, b) -> Integer.compare(a.delayMs(), b.delayMs())).orElseThrow();
        assertThat(race.verifyRace("right", right(fastest, 100))).isNotNull();

        Fetch failing = race.fetches().stream().filter(f -> f.kind() != Kind.OK).findFirst().orElseThrow();
        assertThatThrownBy(() -> race.verifyRace("m", new Outcome(failing.url(), 200, fastest.expectedBody(), 1, 1, null)))
                .hasMessageContaining("is the replica that fails");
        assertThatThrownBy(() -> race.verifyRace("m", new Outcome(SERVER.resolve("/elsewhere"), 200, "", 1, 1, null)))
                .hasMessageContaining("is not one of the replicas");
        assertThatThrownBy(() -> race.verifyRace("m", new Outcome(fastest.url(), 200, "{}", 1, 1, null)))
                .hasMessageContaining("returned an unexpected body");
    }

    @Test
    void deadlineRejectsASlowUrlKeptADuplicateAndAResultThatFinishedAfterTheDeadline() {
        Workload deadline = workload(Shape.deadline, 6, 200);
        Duration limit = Duration.ofMillis(200);
        List<Outcome> fast = allRight(deadline).stream().filter(o -> o.nanos() < limit.toNanos()).toList();
        assertThat(deadline.verifyDeadline("right", fast, limit)).isEqualTo(3);

        Fetch slow = deadline.fetches().stream().filter(f -> f.delayMs() >= 200).findFirst().orElseThrow();
        List<Outcome> slowKept = new ArrayList<>(fast);
        slowKept.add(right(slow, 150));
        assertThatThrownBy(() -> deadline.verifyDeadline("m", slowKept, limit))
                .hasMessageContaining("but was kept within a 200 ms deadline");

        List<Outcome> twice = new ArrayList<>(fast);
        twice.set(1, twice.get(0));
        assertThatThrownBy(() -> deadline.verifyDeadline("m", twice, limit))
                .hasMessageContaining("a second result for " + fast.get(0).url());

        // A result may end up to 25 ms after the deadline (the moment between its end and the cut), no later.
        Outcome first = fast.get(0);
        List<Outcome> justInTime = new ArrayList<>(fast);
        justInTime.set(0, new Outcome(first.url(), 200, first.body(), 225_000_000, 225_000_000, null));
        assertThat(deadline.verifyDeadline("m", justInTime, limit)).isEqualTo(3);
        List<Outcome> late = new ArrayList<>(fast);
        late.set(0, new Outcome(first.url(), 200, first.body(), 226_000_000, 226_000_000, null));
        assertThatThrownBy(() -> deadline.verifyDeadline("m", late, limit))
                .hasMessageContaining("took 226 ms, longer than the 200 ms deadline");
    }

    @Test
    void failuresRejectAWrongVerdict() {
        Workload failures = workload(Shape.failures, 7, 50);
        List<Outcome> everyoneUp = new ArrayList<>();
        for (Fetch fetch : failures.fetches()) {
            everyoneUp.add(new Outcome(fetch.url(), 200, failures.fetches().get(0).expectedBody(), 1, 1, null));
        }
        assertThatThrownBy(() -> failures.verifyFailures("m", everyoneUp))
                .hasMessageContaining("problem(s)").hasMessageContaining(" DOWN but it ");
    }

    @Test
    void cpuHeavyRejectsAnUnhashedBodyAndAnotherUrlsHash() {
        Workload cpuHeavy = workload(Shape.cpuHeavy, 3, 10);
        assertThat(cpuHeavy.verify("right", allRight(cpuHeavy))).hasSize(3);

        List<Outcome> unhashed = new ArrayList<>(allRight(cpuHeavy));
        unhashed.set(0, new Outcome(cpuHeavy.urls().get(0), 200, CpuWork.largeBody(10, "0"), 1, 1, null));
        assertThatThrownBy(() -> cpuHeavy.verify("m", unhashed)).hasMessageContaining("?i=0 returned an unexpected body");

        List<Outcome> othersHash = new ArrayList<>(allRight(cpuHeavy));
        othersHash.set(1, new Outcome(cpuHeavy.urls().get(1), 200, cpuHeavy.fetches().get(2).expectedBody(), 1, 1, null));
        assertThatThrownBy(() -> cpuHeavy.verify("m", othersHash)).hasMessageContaining("?i=1 returned an unexpected body");
    }

    @Test
    void theServersCountForARaceOrADeadlineIsAtLeastOneAndAtMostEveryUrl() {
        Workload race = workload(Shape.race, 4, 100);
        assertThat(race.verifyRequests("m", 1)).isEqualTo(1); // the winner alone, the others cancelled unsent
        assertThat(race.verifyRequests("m", 4)).isEqualTo(4);
        assertThatThrownBy(() -> race.verifyRequests("m", 0)).hasMessageContaining("the server answered 0 requests, expected 1 to 4");
        assertThatThrownBy(() -> race.verifyRequests("m", 5)).hasMessageContaining("the server answered 5 requests, expected 1 to 4");

        Workload deadline = workload(Shape.deadline, 6, 200);
        assertThat(deadline.verifyRequests("m", 3)).isEqualTo(3);
        assertThatThrownBy(() -> deadline.verifyRequests("m", 0)).hasMessageContaining("expected 1 to 6");
        assertThatThrownBy(() -> deadline.verifyRequests("m", 7)).hasMessageContaining("expected 1 to 6");
    }
}
