package fetchbench.report;

import fetchbench.bench.CallersBenchmark;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Load;
import fetchbench.analysis.Row;
import fetchbench.result.JmhRun;

import fetchbench.result.Benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import fetchbench.result.LatencyLog;
import fetchbench.result.ResultKeys;
import fetchbench.theory.LoadPrediction;
import java.util.OptionalInt;
import org.HdrHistogram.Histogram;
import static org.assertj.core.api.Assertions.within;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's reading of results under load, on constructed numbers: bounds, knees, the generator, the callers' theory. */
class LoadTest {

    @TempDir
    Path folder;

    private static final double BOUND = 80;

    private static Map<String, String> params(String model, int concurrency, int rate) {
        return Map.of("model", model, "urls", "10", "delayMs", "10", "concurrency", String.valueOf(concurrency),
                "maxRequests", "64", "rate", String.valueOf(rate), "arrivals", "poisson");
    }

    /** A load result of the model at {@code rate}, with the run's prediction (or none) and a setting swept (or none). */
    private JsonObject arrivals(String model, int concurrency, int rate, LoadPrediction prediction, String swept)
            throws Exception {
        JsonObject result = Fixtures.result(folder, Benchmarks.LOAD, params(model, concurrency, rate), 1000, 5);
        com.google.gson.JsonArray jvmArgs = result.getAsJsonArray("jvmArgs");
        if (prediction != null) {
            jvmArgs.add("-D" + ResultKeys.LOAD_PREDICTION + "=" + prediction.encode());
        }
        if (swept != null) {
            jvmArgs.add("-D" + ResultKeys.SWEPT + "=" + swept);
        }
        return result;
    }

    /** Its latency log: ten windows of 100 gathers, a tenth of them {@code slowMs} (plus the window's number), the rest 10 ms; lateness {@code lateMs}. */
    private static void log(Path run, Map<String, String> params, long slowMs, long lateMs) {
        log(run, params, lateMs, w -> new long[] {10, slowMs + w});
    }

    /** Its latency log: ten windows of 100 gathers, window w's slow ones as {@code slow} says ({count, ms}), the rest 10 ms. */
    private static void log(Path run, Map<String, String> params, long lateMs,
                            java.util.function.IntFunction<long[]> slow) {
        LatencyLog.Writer writer = new LatencyLog.Writer(run.resolve("latency"), "load", params);
        for (int w = 0; w < 10; w++) {
            long[] countAndMs = slow.apply(w);
            Histogram latencies = new Histogram(3);
            latencies.recordValueWithCount(10_000, 100 - countAndMs[0]);
            if (countAndMs[0] > 0) {
                latencies.recordValueWithCount(countAndMs[1] * 1000, countAndMs[0]);
            }
            Histogram late = new Histogram(3);
            late.recordValueWithCount(lateMs * 1000, 100);
            writer.write(latencies, latencies, late, w * 1000L, (w + 1) * 1000L);
        }
        writer.close();
        // One file per fork is named by its process: move it aside so the next log is a file of its own.
        try (var files = java.nio.file.Files.list(run.resolve("latency"))) {
            Path file = files.filter(f -> !f.getFileName().toString().startsWith("f-")).findFirst().orElseThrow();
            java.nio.file.Files.move(file, file.resolveSibling("f-" + System.nanoTime() + ".hlog"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The grid around the predicted SLO rate: p99 is 20 ms where it holds and 100 ms where it does
     * not (a tenth of the gathers at that, so p99 is exactly it in every window). The measured SLO
     * rate is the highest rate within the bound; its distance from the predicted one is counted in
     * rates of the grid.
     */
    @Test
    void theSloRateIsTheHighestRateWhoseP99HoldsAndIsReadAgainstThePrediction() throws Exception {
        LoadPrediction prediction = new LoadPrediction(10, 10, 15, OptionalInt.of(20), 300, 200, 2, BOUND,
                fetchbench.workload.Arrivals.poisson, 42, List.of());
        List<Integer> grid = prediction.grid();
        List<JsonObject> results = new java.util.ArrayList<>();
        for (int rate : grid) {
            results.add(arrivals("threadPool", 20, rate, prediction, null));
        }
        Path json = Fixtures.write(folder, results.toArray(JsonObject[]::new));
        for (int i = 0; i < 3; i++) {
            log(json.getParent(), params("threadPool", 20, grid.get(i)), 20, 0);
        }
        // Exactly 1 % at 100 ms, all in the first five windows: p99 is 10 ms, but a resample with one
        // slow window more puts it at 100, so its interval reaches over the bound: at the bound.
        log(json.getParent(), params("threadPool", 20, grid.get(3)), 0, w -> new long[] {w < 5 ? 2 : 0, 100});
        log(json.getParent(), params("threadPool", 20, grid.get(4)), 100, 0);
        Load load = Load.of(JmhRun.read(json));
        List<Load.Arrivals> curve = load.curves().values().iterator().next();

        assertThat(curve).extracting(Load.Arrivals::measured).containsExactly("within", "within", "within",
                "at the bound", "over");
        assertThat(curve.get(3).p99().ms()).isCloseTo(10, within(0.1));
        assertThat(curve.get(3).p99().highMs()).isGreaterThan(BOUND);
        // The windows differ, so the interval is one: p99 of 20 to 29 ms over the windows.
        assertThat(curve.get(0).p99().lowMs()).isLessThan(curve.get(0).p99().highMs());
        assertThat(Load.sloRate(curve)).map(Load.Arrivals::rate).hasValue(grid.get(2));
        assertThat(Load.stepsFromPredicted(curve)).hasValue(1);
        assertThat(curve.get(0).p99().ms()).isBetween(20.0, 30.0);
        assertThat(curve.get(0).utilisation()).isCloseTo(grid.get(0) / prediction.saturation(), within(1e-9));
        assertThat(LoadLines.verdictLines(load)).anySatisfy(line -> assertThat(line).startsWith(String.format(
                java.util.Locale.ROOT, "threadPool (k=20), N = 10, 10 ms: p99 ≤ 80 ms up to %d/s (predicted %.0f/s: "
                        + "an adjacent rate of the grid); saturation 182/s, the model's limit of 20 in flight",
                grid.get(2), prediction.sloRate())));
        String table = fetchbench.document.MarkdownRenderer.blocks(UnderLoadSection.of(load, List.of()));
        assertThat(table).contains("| threadPool (k=20) | poisson | " + grid.get(0) + " |").contains("too few samples");
    }

    /** A curve's row says whether its windows were steady: a p50 that rises window after window is named, with its p. */
    @Test
    void aP50ThatDriftsAcrossTheWindowsIsNotSteady() throws Exception {
        Path json = Fixtures.write(folder, arrivals("threadPool", 20, 40, null, null),
                arrivals("threadPool", 20, 80, null, null));
        log(json.getParent(), params("threadPool", 20, 40), 20, 0);
        // Most gathers slow, and slower in each window: the p50 climbs from 20 to 65 ms.
        log(json.getParent(), params("threadPool", 20, 80), 0, w -> new long[] {60, 20 + 5L * w});
        List<Load.Arrivals> curve = Load.of(JmhRun.read(json)).arrivals();

        assertThat(curve.get(0).steadiness()).isEqualTo("yes");
        assertThat(curve.get(1).steadiness()).startsWith("no: its windows' p50 drifted (p = ");
    }

    /** If the generator sent late (p99 lateness over a quarter of the bound), the row judges the machine, not the model. */
    @Test
    void aGeneratorThatFellBehindIsSaidSo() throws Exception {
        Path json = Fixtures.write(folder, arrivals("virtualThreads", 0, 40, null, null),
                arrivals("virtualThreads", 0, 80, null, null));
        log(json.getParent(), params("virtualThreads", 0, 40), 12, 0);
        log(json.getParent(), params("virtualThreads", 0, 80), 12, 25); // 25 ms late: over a quarter of 80 ms
        List<Load.Arrivals> curve = Load.of(JmhRun.read(json)).arrivals();

        assertThat(curve).extracting(Load.Arrivals::boundMs).containsOnly(BOUND);
        assertThat(curve).extracting(Load.Arrivals::measured).containsExactly("within", "generator behind");
        assertThat(Load.sloRate(curve)).map(Load.Arrivals::rate).hasValue(40);
    }

    /**
     * scripts/tune.sh --rate 100 on constructed logs, with the default bound of 80 ms: k = 5 misses the bound, 10 and 20
     * hold it. The smallest setting that holds is the answer, not the fastest.
     */
    @Test
    void tuningAtARatePicksTheSmallestSettingWhoseP99Holds() throws Exception {
        Path json = Fixtures.write(folder, arrivals("threadPool", 5, 100, null, "poolSize"),
                arrivals("threadPool", 10, 100, null, "poolSize"), arrivals("threadPool", 20, 100, null, "poolSize"));
        log(json.getParent(), params("threadPool", 5, 100), 90, 0);
        log(json.getParent(), params("threadPool", 10, 100), 30, 0);
        log(json.getParent(), params("threadPool", 20, 100), 15, 0);

        assertThat(LoadLines.recommendations(Load.of(JmhRun.read(json)))).singleElement().satisfies(line ->
                assertThat(line).startsWith("threadPool at 100/s, p99 ≤ 80 ms: set threadPool (k=10) (p99 3"));
    }

    /** A run of the grid {@code rates}, p99 within the bound up to {@code withinUpTo} and over it past. */
    private Load gridRun(String model, int concurrency, List<Integer> rates, int withinUpTo) throws Exception {
        LoadPrediction prediction = new LoadPrediction(10, 10, 15, OptionalInt.of(concurrency), 300, 200, 2, BOUND,
                fetchbench.workload.Arrivals.poisson, 42, List.of());
        List<JsonObject> results = new java.util.ArrayList<>();
        for (int rate : rates) {
            results.add(arrivals(model, concurrency, rate, prediction, null));
        }
        Path json = Fixtures.write(folder, results.toArray(JsonObject[]::new));
        for (int rate : rates) {
            log(json.getParent(), params(model, concurrency, rate), rate <= withinUpTo ? 20 : 100, 0);
        }
        return Load.of(JmhRun.read(json));
    }

    /**
     * The A/A check of the load: B's SLO rate read on A's grid. 55/s (nearest 50) against 40/s on a
     * grid of 10 apart is adjacent; 22/s (nearest 20) against 40/s is two rates apart, which two runs of one
     * commit should not be.
     */
    @Test
    void twoRunsAgreeWhenTheirSloRatesAreTheSameOrAdjacentRatesOfTheGrid() throws Exception {
        Load a = gridRun("threadPool", 20, List.of(10, 20, 30, 40, 50), 40);
        assertThat(LoadLines.sloAgreement(a, gridRun("threadPool", 20, List.of(15, 25, 35, 45, 55), 55)))
                .containsExactly("threadPool (k=20), N = 10, 10 ms: SLO rate 40/s in A, 55/s in B: "
                        + "adjacent rates of A's grid (agree)");
        assertThat(LoadLines.sloAgreement(a, gridRun("threadPool", 20, List.of(12, 22, 32, 42, 52), 22)))
                .containsExactly("threadPool (k=20), N = 10, 10 ms: SLO rate 40/s in A, 22/s in B: "
                        + "2 rates of A's grid apart (DISAGREE)");
        assertThat(LoadLines.sloAgreement(a, a)).singleElement().asString().endsWith("the same rate of A's grid");
    }

    /** The callers' theory beside the measurement: ⌈M·N/L⌉·d, Little's bound L/d, peak in flight min(M·N, L). */
    @Test
    void callersAreReadAgainstTheSharedLimit() throws Exception {
        JsonObject tenCallers = Fixtures.result(folder, Benchmarks.CALLERS, Map.of("model", "threadPool",
                "urls", "10", "delayMs", "10", "concurrency", "20", "maxRequests", "0", "callers", "10"), 50.5, 1);
        JmhRun run = JmhRun.read(Fixtures.write(folder, tenCallers));
        Load.Callers callers = Load.of(run).callers().get(0);

        assertThat(callers.sharedSlots()).isEqualTo(20);
        assertThat(callers.predictedMs()).isEqualTo(50);
        assertThat(callers.littleBound()).isEqualTo(2000);
        assertThat(callers.predictedInFlight()).isEqualTo(20);
        // 50.5 ± 1 reaches across [50, 50] (no floor in the run): it straddles the band's edge.
        assertThat(callers.placement().name()).isEqualTo("straddles");
        assertThat(LoadLines.verdictLines(Load.of(run))).anySatisfy(line -> assertThat(line)
                .startsWith("threadPool (k=20), 10 callers of N = 10 at once: a round takes 50.5 ± 1.0 (predicted "
                        + "⌈100/20⌉ × 10 ms = 50 ms, straddles its band)"));
        // The shapes' tables leave results under load out.
        assertThat(Row.of(run)).isEmpty();
    }
}
