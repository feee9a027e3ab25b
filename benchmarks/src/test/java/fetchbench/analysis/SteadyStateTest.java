package fetchbench.analysis;

import fetchbench.result.Fixtures;
import fetchbench.result.JmhRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules on each result's measured batches, on constructed data: the median, and steady state. */
class SteadyStateTest {

    @TempDir
    Path folder;

    /** A real gather result of the fixture with its measured batches replaced. */
    private Row row(List<List<Double>> times, List<List<Double>> connects, List<List<Double>> threads, String pool)
            throws Exception {
        JsonObject result = Fixtures.firstGatherOf("virtualThreads", folder);
        result.getAsJsonObject("params").addProperty("connectionPool", pool);
        result.getAsJsonObject("primaryMetric").add("rawData", json(times));
        JsonObject secondary = result.getAsJsonObject("secondaryMetrics");
        secondary.add("connects", metric(connects, "connections"));
        secondary.add("threads.peak", metric(threads, "threads"));
        JsonArray one = new JsonArray();
        one.add(result);
        Path json = Files.createDirectories(folder.resolve("out" + System.nanoTime())).resolve("jmh.json");
        Files.writeString(json, one.toString());
        return Row.of(JmhRun.read(json)).get(0);
    }

    private static JsonObject metric(List<List<Double>> raw, String unit) {
        JsonObject metric = new JsonObject();
        metric.addProperty("score", raw.get(0).get(0));
        metric.addProperty("scoreError", "NaN");
        metric.addProperty("scoreUnit", unit);
        metric.add("rawData", json(raw));
        return metric;
    }

    private static JsonArray json(List<List<Double>> raw) {
        JsonArray forks = new JsonArray();
        raw.forEach(fork -> {
            JsonArray batches = new JsonArray();
            fork.forEach(batches::add);
            forks.add(batches);
        });
        return forks;
    }

    private static final List<List<Double>> FLAT_THREADS = List.of(List.of(100.0, 101.0, 100.0), List.of(99.0, 100.0));
    private static final List<List<Double>> NO_CONNECTS = List.of(List.of(0.0, 0.0, 0.0), List.of(0.0, 0.0));
    private static final List<List<Double>> TIMES = List.of(List.of(10.0, 30.0, 20.0), List.of(100.0));

    @Test
    void theMedianOfEveryMeasuredBatchOfEveryFork() throws Exception {
        Row row = row(TIMES, NO_CONNECTS, FLAT_THREADS, "sized");

        assertThat(row.result().primary().batches()).containsExactly(10.0, 30.0, 20.0, 100.0);
        assertThat(row.medianMs()).isEqualTo(25.0);
        assertThat(row(List.of(List.of(7.0, 3.0, 5.0)), NO_CONNECTS, FLAT_THREADS, "sized").medianMs()).isEqualTo(5.0);
    }

    @Test
    void aSizedPoolThatReusesItsConnectionsWithFlatThreadsIsSteady() throws Exception {
        assertThat(row(TIMES, NO_CONNECTS, FLAT_THREADS, "sized").notSteady()).isEmpty();
    }

    @Test
    void connectionsOpenedInMeasuredBatchesAreNotSteady() throws Exception {
        Row row = row(TIMES, List.of(List.of(0.0, 3.0, 0.0), List.of(0.0, 0.0)), FLAT_THREADS, "sized");

        assertThat(row.notSteady()).contains("its measured batches opened 3 connections");
        assertThat(row.flags()).contains("not steady: its measured batches opened 3 connections");
    }

    @Test
    void threadsThatKeepGrowingAreNotSteady() throws Exception {
        Row row = row(TIMES, NO_CONNECTS, List.of(List.of(715.0, 817.0, 911.0), List.of(700.0, 701.0)), "sized");

        assertThat(row.notSteady()).contains("its platform threads grew from 715 to 911");
    }

    @Test
    void okHttpsOwnSmallPoolReconnectsByDesignAndIsNotJudged() throws Exception {
        Row row = row(TIMES, List.of(List.of(11.0, 11.0, 11.0)), FLAT_THREADS, "okHttpDefault");

        assertThat(row.notSteady()).isEmpty();
    }

    @Test
    void forksThatAllGetFasterFailTheRunWideSignTestThoughEachResultPassesItsOwn() throws Exception {
        // Each fork falls a little, too little for one result's test over 3 batches of 2 forks.
        List<List<Double>> falling = List.of(List.of(101.0, 100.5, 100.0), List.of(102.0, 101.0, 100.8));
        List<JmhRun.Result> results = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(row(falling, NO_CONNECTS, FLAT_THREADS, "sized").result());
        }

        assertThat(Steadiness.drifting(results)).isEmpty();
        assertThat(Steadiness.acrossTheRun(results)).isEqualTo(new fetchbench.stats.SignTest(12, 0));
        assertThat(Steadiness.acrossTheRun(results).pValue()).isLessThan(Steadiness.DRIFT_ALPHA);
        assertThat(Steadiness.acrossTheRunInWords(Steadiness.acrossTheRun(results)))
                .startsWith("Across the run 12 of 12 forks' measured batches got faster, 0 slower")
                .contains("more than chance, so the forks' warm-ups ended before the batches were steady");
    }

    @Test
    void forksThatGoBothWaysPassTheRunWideSignTest() throws Exception {
        List<List<Double>> mixed = List.of(List.of(101.0, 100.5, 100.0), List.of(100.0, 101.0, 100.8),
                List.of(100.0, 100.0, 100.0));

        fetchbench.stats.SignTest forks = Steadiness.acrossTheRun(
                List.of(row(mixed, NO_CONNECTS, FLAT_THREADS, "sized").result()));

        assertThat(forks).isEqualTo(new fetchbench.stats.SignTest(1, 1));
        assertThat(Steadiness.acrossTheRunInWords(forks)).endsWith(": no more than chance");
    }

    @Test
    void theRunCountsTheResultsWhoseIntervalIsWithinTenPercent() throws Exception {
        // fork means 100, 102, 98: ±5.0 % (t with 2 degrees of freedom); 100, 130, 70: ±74 %
        JmhRun.Result tight = row(List.of(List.of(100.0), List.of(102.0), List.of(98.0)), NO_CONNECTS,
                FLAT_THREADS, "sized").result();
        JmhRun.Result wide = row(List.of(List.of(100.0), List.of(130.0), List.of(70.0)), NO_CONNECTS,
                FLAT_THREADS, "sized").result();

        assertThat(Steadiness.precision(List.of(tight, wide)))
                .isEqualTo("Intervals of ±10 % or better: 1 of 2 of the results");
    }
}
