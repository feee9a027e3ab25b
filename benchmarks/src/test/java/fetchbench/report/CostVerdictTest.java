package fetchbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import fetchbench.analysis.Row;
import fetchbench.analysis.Verdict;
import fetchbench.result.Benchmarks;
import fetchbench.result.Fixtures;
import fetchbench.result.JmhRun;
import fetchbench.result.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict reads what the batches measured: the cores busy, the carriers, pinning, a late server, the cost per request. */
class CostVerdictTest {

    @TempDir
    Path folder;

    private JsonObject gather(String model, int urls, double ms, double error) throws Exception {
        JsonObject result = Fixtures.result(folder, "fetchbench.bench.GatherBenchmark.gather", Map.of("model", model,
                "urls", String.valueOf(urls), "delayMs", "100", "concurrency", "0", "maxRequests", "0"), ms, error);
        result.add("secondaryMetrics", new JsonObject());
        return result;
    }

    /** The metric with these batch values, each fork one batch. */
    private static JsonObject with(JsonObject result, String metric, double... batches) {
        JsonArray raw = new JsonArray();
        for (double value : batches) {
            JsonArray fork = new JsonArray();
            fork.add(value);
            raw.add(fork);
        }
        JsonObject json = new JsonObject();
        json.addProperty("score", java.util.Arrays.stream(batches).average().orElseThrow());
        json.addProperty("scoreError", "NaN");
        json.addProperty("scoreUnit", "x");
        json.add("rawData", raw);
        result.getAsJsonObject("secondaryMetrics").add(metric, json);
        return result;
    }

    private Verdict only(JsonObject... results) throws Exception {
        JmhRun run = JmhRun.read(Fixtures.write(folder, results));
        return Verdict.of(Row.of(run), run.footprints()).get(0);
    }

    @Test
    void clientAndServerCpuThatFillTheCoresMakeItCpuBound() throws Exception {
        // 300 + 300 µs for 1000 requests is 600 ms of CPU in a 300 ms batch on 2 cores: all busy.
        Verdict busy = only(with(with(gather("virtualThreads", 1000, 300, 10), Metrics.CLIENT_CPU, 300, 300, 300),
                Metrics.SERVER_CPU, 300, 300, 300));
        Verdict idle = only(with(with(gather("virtualThreads", 1000, 300, 10), Metrics.CLIENT_CPU, 30, 30, 30),
                Metrics.SERVER_CPU, 30, 30, 30));

        assertThat(busy.verdict()).contains("CPU-bound: the client and the server kept the cores 100 % busy");
        assertThat(busy.costWords()).isEqualTo("CPU 300 ± 0 µs (server 300 ± 0)");
        assertThat(idle.verdict()).doesNotContain("kept the cores");
    }

    @Test
    void virtualThreadsWaitingForCarriersOrPinnedAreSaidSoAndNeverGetNothingToSet() throws Exception {
        Verdict queued = only(with(with(gather("virtualThreads", 1000, 300, 10), Metrics.CARRIER_QUEUE_MEAN, 170, 180),
                Metrics.CARRIERS, 2, 2));
        Verdict pinned = only(with(with(gather("virtualThreads", 1000, 300, 10), Metrics.PINNED, 3, 3),
                Metrics.PINNED_MS, 6, 6));
        Verdict neither = only(with(gather("virtualThreads", 1000, 300, 10), Metrics.CARRIER_QUEUE_MEAN, 0.5, 0.2));

        assertThat(queued.verdict()).contains("limited by its carrier threads: 175 virtual threads waited for one of its 2");
        assertThat(pinned.verdict()).contains("pinned: 6 blocks on a carrier in 2 batches, 12.0 ms in all");
        assertThat(pinned.toSet()).startsWith("none of its own; its virtual threads pinned (6 blocks on a carrier in 2 "
                + "batches, 12.0 ms in all)");
        assertThat(neither.verdict()).doesNotContain("carrier").doesNotContain("pinned");
        assertThat(neither.toSet()).isEqualTo("nothing: no bound");
    }

    @Test
    void aServerLatePastTheMarkInOneBatchMarksTheResult() throws Exception {
        // At a 100 ms delay the mark is 5 ms.
        List<Row> late = Row.of(JmhRun.read(Fixtures.write(folder,
                with(gather("virtualThreads", 100, 110, 2), Metrics.SERVER_LATE_P99, 1, 7)))).stream().toList();
        List<Row> onTime = Row.of(JmhRun.read(Fixtures.write(folder,
                with(gather("virtualThreads", 100, 110, 2), Metrics.SERVER_LATE_P99, 1, 4.9))));

        assertThat(late.get(0).serverLateMs()).contains(7.0);
        assertThat(late.get(0).trusted()).isFalse();
        assertThat(Verdict.cell(late.get(0))).endsWith("⚑ server late");
        assertThat(late.get(0).flags()).contains("server late: its p99 reached 7.0 ms past the delay in a batch (mark 5.0 ms)");
        assertThat(onTime.get(0).serverLateMs()).isEmpty();
        assertThat(onTime.get(0).trusted()).isTrue();
    }

    @Test
    void aSettingSlowerThanTheFastestBeyondTheMarginIsToldToChooseIt() throws Exception {
        JmhRun run = JmhRun.read(Fixtures.write(folder, gather("virtualThreads", 1000, 100, 2),
                gather("httpClientAsync", 1000, 130, 2)));
        List<Verdict> verdicts = Verdict.of(Row.of(run), run.footprints());
        Verdict slower = verdicts.stream().filter(v -> v.setting().startsWith("httpClientAsync")).findFirst().orElseThrow();
        Verdict fastest = verdicts.stream().filter(v -> v.setting().equals("virtualThreads")).findFirst().orElseThrow();

        assertThat(slower.toSet()).startsWith("none of its own; 1.30×").contains("the time of virtualThreads here");
        assertThat(fastest.toSet()).isEqualTo("nothing: no bound");
    }

    @Test
    void theFootprintOfTheSameSettingIsItsCostPerRequestInFlight() throws Exception {
        JsonObject footprint = with(with(with(with(with(
                Fixtures.result(folder, Benchmarks.FOOTPRINT, Map.of("model", "virtualThreads", "urls", "1000",
                        "concurrency", "0", "maxRequests", "0"), 2000, Double.NaN),
                Metrics.HEAP_PER_REQUEST, 12_288, 12_288, 12_288), Metrics.THREAD_MEMORY_PER_REQUEST, 0, 0, 0),
                Metrics.NATIVE_PER_REQUEST, 1024, 1024, 1024), Metrics.THREADS_PER_REQUEST, 0, 0, 0),
                Metrics.FOOTPRINT_IN_FLIGHT, 1000, 1000, 1000);
        footprint.add("secondaryMetrics", footprint.getAsJsonObject("secondaryMetrics"));
        JmhRun run = JmhRun.read(Fixtures.write(folder, gather("virtualThreads", 1000, 300, 10), footprint));

        assertThat(run.results()).hasSize(1);
        assertThat(run.footprints()).hasSize(1);
        assertThat(Verdict.of(Row.of(run), run.footprints()).get(0).costWords()).isEqualTo("13.0 ± 0.0 KB, 0.00 threads in flight");
    }
}
