package fetchbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import fetchbench.analysis.Row;
import fetchbench.analysis.ToldProcessors;
import fetchbench.analysis.Verdict;
import fetchbench.result.Benchmarks;
import fetchbench.result.Fixtures;
import fetchbench.result.JmhRun;
import fetchbench.result.ResultKeys;
import fetchbench.stats.Judgement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost profile's two readings on constructed results: what a setting adds to its bare client
 * at 1 ms (in the verdict's cost, with Welch's interval), and the cpus axis (forks told 8
 * processors beside the machine's own, kept out of every other table).
 */
class CostAxesTest {

    @TempDir
    Path folder;

    private JsonObject gather(String model, int urls, double ms, double error) throws Exception {
        return Fixtures.result(folder, "fetchbench.bench.GatherBenchmark.gather", Map.of("model", model,
                "urls", String.valueOf(urls), "delayMs", "1", "concurrency", "0", "maxRequests", "0"), ms, error);
    }

    private JsonObject bare(int urls, double ms, double error) throws Exception {
        return Fixtures.result(folder, Benchmarks.BARE_CLIENT, Map.of("urls", String.valueOf(urls), "delayMs", "1",
                Benchmarks.CLIENT, "okHttp"), ms, error);
    }

    /** The same result from forks told this many processors: the flag added to its fork arguments. */
    private static JsonObject told(JsonObject result, int processors) {
        JsonArray args = result.has("jvmArgs") ? result.getAsJsonArray("jvmArgs").deepCopy() : new JsonArray();
        args.add("-D" + ResultKeys.TOLD_PROCESSORS + "=" + processors);
        result.add("jvmArgs", args);
        return result;
    }

    @Test
    void whatASettingAddsToItsBareClientIsInItsVerdict() throws Exception {
        JmhRun slower = JmhRun.read(Fixtures.write(folder, gather("virtualThreads", 1000, 130, 4), bare(1000, 100, 4)));
        // 30 ms more, each ± 4 over 5 forks: Welch's interval is about ± 5.3 and lies above 0.
        assertThat(Verdict.of(Row.of(slower), slower).get(0).costWords())
                .matches("adds 30\\.0 \\[2\\d\\.\\d to 3\\d\\.\\d\\] ms to its bare client at N=1000");
        JmhRun same = JmhRun.read(Fixtures.write(folder, gather("virtualThreads", 1000, 101, 4), bare(1000, 100, 4)));
        assertThat(Verdict.of(Row.of(same), same).get(0).costWords())
                .startsWith("no cost over its bare client at N=1000 shown: 1.0 [-");
        JmhRun faster = JmhRun.read(Fixtures.write(folder, gather("virtualThreads", 1000, 70, 4), bare(1000, 100, 4)));
        assertThat(Verdict.of(Row.of(faster), faster).get(0).costWords())
                .matches("faster than its bare client at N=1000 by 30\\.0 \\[2\\d\\.\\d to 3\\d\\.\\d\\] ms: the bare client "
                        + "is no baseline here");
        // Without the bare client at the same N and delay, nothing is claimed.
        JmhRun alone = JmhRun.read(Fixtures.write(folder, gather("virtualThreads", 1000, 130, 4), bare(100, 100, 4)));
        assertThat(Verdict.of(Row.of(alone), alone).get(0).costWords()).doesNotContain("bare client");
    }

    @Test
    void forksToldMoreProcessorsAreComparedWithTheMachinesOwnAndKeptOutOfTheRows() throws Exception {
        Path json = Fixtures.write(folder, gather("completableFuture", 1000, 400, 8),
                told(gather("completableFuture", 1000, 150, 8), 8),
                gather("virtualThreads", 1000, 120, 4), told(gather("virtualThreads", 1000, 120.5, 0.5), 8));
        JmhRun run = JmhRun.read(json);
        List<Row> rows = Row.of(run);
        assertThat(rows).hasSize(2).noneMatch(r -> ToldProcessors.wasTold(r.result()));

        List<ToldProcessors> told = ToldProcessors.of(run, rows);
        assertThat(told).extracting(t -> t.machine().model().name()).containsExactly("completableFuture", "virtualThreads");
        ToldProcessors pool = told.get(0);
        assertThat(pool.processors()).isEqualTo(8);
        assertThat(pool.ratio().estimate()).isCloseTo(150.0 / 400, org.assertj.core.data.Offset.offset(0.01));
        assertThat(pool.judgement()).isEqualTo(Judgement.different);
        // The common pool of 8 has 7 threads: the told row is predicted for them, the machine's for 1.
        assertThat(pool.told().predictedMs()).isLessThan(pool.machine().predictedMs());
        assertThat(told.get(1).judgement()).isNotEqualTo(Judgement.different);

        Report.render(json);
        String html = Files.readString(json.resolveSibling("index.html"));
        assertThat(html).contains("told 8, ms").contains("-XX:ActiveProcessorCount=8");
    }
}
