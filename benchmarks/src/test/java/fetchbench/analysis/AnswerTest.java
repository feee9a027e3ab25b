package fetchbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import fetchbench.result.Fixtures;
import fetchbench.result.JmhRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's answer and the run's checks, read off constructed runs. */
class AnswerTest {

    @TempDir
    Path folder;

    private JsonObject gather(String model, int urls, int concurrency, double ms, double error) throws Exception {
        return Fixtures.result(folder, "fetchbench.bench.GatherBenchmark.gather", Map.of("model", model, "urls",
                String.valueOf(urls), "delayMs", "100", "concurrency", String.valueOf(concurrency), "maxRequests",
                "64"), ms, error);
    }

    private List<Verdict> verdicts(JsonObject... results) throws Exception {
        return Verdict.of(Row.of(JmhRun.read(Fixtures.write(folder, results))));
    }

    @Test
    void theFrontIsTheFastestAndThoseNotToldApartAtTheLargestN() throws Exception {
        Answer answer = Answer.of(verdicts(
                gather("virtualThreads", 100, 0, 112, 2), gather("virtualThreads", 1000, 0, 280, 40),
                gather("structured", 1000, 0, 290, 40),
                gather("reactor", 1000, 0, 470, 5),
                gather("threadPool", 100, 20, 525, 5),
                gather("httpClientAsync", 1000, 0, 300, 40))).orElseThrow();

        assertThat(answer.urls()).isEqualTo(1000);
        assertThat(answer.delayMs()).isEqualTo(100);
        assertThat(answer.front()).extracting(r -> r.model().name())
                .containsExactly("virtualThreads", "structured", "httpClientAsync");
        assertThat(answer.slower()).extracting(r -> r.model().name()).containsExactly("reactor");
        // All three ran at their defaults with every request in flight.
        assertThat(answer.needNothingSet()).extracting(r -> r.model().name())
                .containsExactly("virtualThreads", "structured", "httpClientAsync");
        // The pool of 20 at N = 100 and flatMap's 256 at N = 1000 held fewer than N in flight.
        assertThat(answer.capped()).extracting(r -> r.model().name()).containsExactlyInAnyOrder("threadPool", "reactor");
        assertThat(answer.cappedWithAKnob()).hasSize(2);
    }

    @Test
    void aSizedSettingInTheFrontNeedsItsSettingAndASequentialLoopHasNoKnob() throws Exception {
        Answer answer = Answer.of(verdicts(gather("threadPool", 10, 20, 105, 1), gather("sequential", 10, 0, 1020, 5),
                gather("threadPool", 10, 5, 210, 2))).orElseThrow();

        assertThat(answer.front()).extracting(Row::setting).containsExactly("threadPool (k=20)");
        assertThat(answer.needNothingSet()).isEmpty();
        assertThat(answer.capped()).extracting(Row::setting).containsExactlyInAnyOrder("sequential", "threadPool (k=5)");
        // The loop has nothing to raise; threadPool is named once however many of its settings were capped.
        assertThat(answer.cappedWithAKnob()).extracting(Row::setting).containsExactly("threadPool (k=5)");
    }

    @Test
    void noAnswerWithoutAHeadlineOrWithOneForkAtTheLargestN() throws Exception {
        assertThat(Answer.of(List.of())).isEmpty();
        assertThat(Answer.of(verdicts(gather("virtualThreads", 100, 0, 112, 2),
                gather("virtualThreads", 1000, 0, 280, Double.NaN)))).isEmpty();
    }

    @Test
    void checksPassOnSteadyResultsAndFailOnDriftingOnes() throws Exception {
        JmhRun steady = JmhRun.read(Fixtures.write(folder, gather("virtualThreads", 100, 0, 112, 2)));
        List<RunCheck> passed = RunCheck.of(steady, Row.of(steady));
        // The fixture's results carry no server lateness: no check claims the server was on time.
        assertThat(passed).extracting(RunCheck::what).contains("steady results", "no drift across the run")
                .doesNotContain("server on time");
        assertThat(passed).allMatch(RunCheck::passed);

        // Five forks whose ten batches each get slower: drifting, and across the run more than chance.
        JsonObject drifting = gather("structured", 100, 0, 120, 2);
        JsonArray forks = new JsonArray();
        for (int fork = 0; fork < 5; fork++) {
            JsonArray batches = new JsonArray();
            for (int batch = 0; batch < 10; batch++) {
                batches.add(110.0 + fork + 2 * batch);
            }
            forks.add(batches);
        }
        drifting.getAsJsonObject("primaryMetric").add("rawData", forks);
        JmhRun run = JmhRun.read(Fixtures.write(folder, drifting, gather("virtualThreads", 100, 0, 112, 2)));
        List<RunCheck> checks = RunCheck.of(run, Row.of(run));
        assertThat(checks).filteredOn(c -> c.what().equals("steady results")).singleElement()
                .satisfies(c -> assertThat(c.passed()).isFalse())
                .satisfies(c -> assertThat(c.saw()).startsWith("1 of 2 not steady or drifting").contains("structured"));
    }
}
