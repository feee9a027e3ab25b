package fetchbench.run;

import fetchbench.bench.LoadBenchmark;

import fetchbench.bench.CallersBenchmark;

import fetchbench.result.Benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.FetchBench;
import fetchbench.Processes;
import fetchbench.catalog.Model;
import fetchbench.catalog.Limits;
import fetchbench.theory.Theory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import fetchbench.analysis.MergedLatency;
import fetchbench.result.LatencyLog;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmarks under load as a user runs them: the launcher, JMH forks, the local server. M
 * callers share one model, so its peak in flight is min(M·N, its limit); arrivals at a rate are
 * verified (the server counts every arrival's N requests) and reported with their percentiles.
 */
@Tag("integration")
// A whole launcher run under load (server, JMH forks, report), which a loaded machine slows.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UnderLoadTest {

    @TempDir
    Path results;

    @Test
    void callersShareOneModelAndArrivalsAreMeasuredAtTheirRate() throws Exception {
        try (Processes.Jvm jvm = Processes.start(FetchBench.class, List.of("-Dfetchbench.results=" + results),
                List.of("CallersBenchmark", "LoadBenchmark", "-f", "1", "-wi", "0", "-i", "1",
                        "-p", "model=threadPool,virtualThreads,okHttpAsync", "-p", "urls=10", "-p", "delayMs=20",
                        "-p", "callers=4", "-p", "rate=25"))) {
            assertThat(jvm.awaitExit(300)).as(String.join("\n", jvm.all())).isZero();
            assertThat(jvm.all()).anyMatch(l -> l.contains("callers · threadPool urls=10 delayMs=20 concurrency=20 callers=4"));
            assertThat(jvm.all()).anyMatch(l -> l.equals("== Under load"));
        }
        Path run;
        try (Stream<Path> runs = Files.list(results)) {
            run = runs.findFirst().orElseThrow();
        }
        Theory theory = Theory.here();
        var all = JsonParser.parseString(Files.readString(run.resolve("jmh.json"))).getAsJsonArray().asList();
        List<JsonObject> callers = all.stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("benchmark").getAsString().equals(Benchmarks.CALLERS)).toList();
        assertThat(callers).hasSize(3);
        for (JsonObject result : callers) {
            JsonObject params = result.getAsJsonObject("params");
            Limits limits = new Limits(Model.valueOf(params.get("model").getAsString()),
                    params.get("concurrency").getAsInt(), params.get("maxRequests").getAsInt());
            int expected = Math.min(4 * 10, theory.sharedSlots(limits, 4, 10));
            if (expected < 4 * 10) {
                // A limit below M·N: the round's requests queue for it, so it is reached and never passed.
                assertThat(peakInFlight(result)).as(params.toString()).isEqualTo(expected);
            } else {
                // Unbounded: more than any limit of the others (the pool's 20), never more than M·N. All 40 at
                // once needs every caller's fetches to start within one 20 ms delay, which a busy machine and a
                // round without warm-up do not promise.
                assertThat(peakInFlight(result)).as(params.toString()).isGreaterThan(20).isLessThanOrEqualTo(expected);
            }
        }
        // A pool of 20, unbounded virtual threads, OkHttp's Dispatcher at 5 per host.
        assertThat(callers.stream().map(r -> Theory.here().sharedSlots(new Limits(Model.valueOf(r.getAsJsonObject("params")
                .get("model").getAsString()), r.getAsJsonObject("params").get("concurrency").getAsInt(),
                r.getAsJsonObject("params").get("maxRequests").getAsInt()), 4, 10)).sorted().toList())
                .containsExactly(5, 20, 40);

        List<JsonObject> load = all.stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("benchmark").getAsString().equals(Benchmarks.LOAD)).toList();
        assertThat(load).hasSize(3);
        List<LatencyLog.Fork> logs = LatencyLog.read(run);
        assertThat(logs).hasSize(3);
        for (JsonObject result : load) {
            JsonObject secondary = result.getAsJsonObject("secondaryMetrics");
            assertThat(secondary.keySet()).contains("window.p99.ms", "rate.achieved");
            Map<String, String> params = result.getAsJsonObject("params").entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()));
            assertThat(params).containsEntry("arrivals", "poisson");
            // The fork's log holds its one measured window, under the result's parameters.
            LatencyLog.Fork fork = logs.stream().filter(f -> f.params().equals(params)).findFirst().orElseThrow();
            MergedLatency merged = MergedLatency.of(List.of(fork.windows()));
            assertThat(merged.loadWindows()).hasSize(1);
            assertThat(merged.count()).isPositive();
            // Timed from the intended start: never less than the server's delay.
            assertThat(merged.ms(50)).isGreaterThanOrEqualTo(20);
            assertThat(merged.uncorrectedMs(50)).isGreaterThanOrEqualTo(20);
        }
        String html = Files.readString(run.resolve("index.html"));
        assertThat(html).contains("<section id=\"under-load\">").contains("load-latency-vs-rate.png")
                .contains("load-callers.png").contains("id=\"under-load-verdict\"");
        assertThat(run.resolve("load-latency-vs-rate.png")).isNotEmptyFile();
        assertThat(run.resolve("load-percentiles-threadpool-20-0-http1.png")).isNotEmptyFile();
        assertThat(run.resolve("load-over-time-threadpool-20-0-http1.png")).isNotEmptyFile();
    }

    private static double peakInFlight(JsonObject result) {
        return result.getAsJsonObject("secondaryMetrics").getAsJsonObject("inflight.peak").get("score").getAsDouble();
    }
}
