package fetchbench.report;

import fetchbench.bench.LoadBenchmark;

import fetchbench.bench.CallersBenchmark;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Load;
import fetchbench.analysis.Row;
import fetchbench.result.JmhRun;

import fetchbench.result.Benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's reading of results under load, on constructed numbers: bounds, knees, the generator, the callers' theory. */
class LoadTest {

    @TempDir
    Path folder;

    /** A load result: a pool of 20 (or the model's default) gathering 10 URLs of 10 ms at {@code rate}. */
    private JsonObject arrivals(String model, int concurrency, int rate, double p99, double p99Error, double achieved,
                                double lateP99) throws Exception {
        JsonObject result = Fixtures.result(folder, Benchmarks.LOAD, Map.of("model", model, "urls", "10",
                "delayMs", "10", "concurrency", String.valueOf(concurrency), "maxRequests", "64",
                "rate", String.valueOf(rate)), 1000, 5);
        JsonObject secondary = result.getAsJsonObject("secondaryMetrics");
        secondary.add("latency.p50.ms", metric(p99 / 2, 0.1, "ms"));
        secondary.add("latency.p90.ms", metric(p99 * 0.8, 0.1, "ms"));
        secondary.add("latency.p99.ms", metric(p99, p99Error, "ms"));
        secondary.add("latency.p999.ms", metric(p99 * 1.1, 0.1, "ms"));
        secondary.add("latency.max.ms", metric(p99 * 1.2, 0.1, "ms"));
        secondary.add("rate.achieved", metric(achieved, 0.1, "per s"));
        secondary.add("late.p99.ms", metric(lateP99, 0.01, "ms"));
        return result;
    }

    private static JsonObject metric(double score, double error, String unit) {
        JsonObject metric = new JsonObject();
        metric.addProperty("score", score);
        metric.addProperty("scoreError", error);
        metric.addProperty("scoreUnit", unit);
        metric.add("rawData", Fixtures.forks(score, error));
        return metric;
    }

    /**
     * Without a floor in the run, the bound is twice the ideal: 20 ms for 10 URLs of 10 ms all in
     * flight. The knee is the highest rate up to which every p99 stayed within it.
     */
    @Test
    void theKneeIsTheHighestRateUpToWhichP99StaysWithinItsBound() throws Exception {
        JmhRun run = JmhRun.read(Fixtures.write(folder,
                arrivals("threadPool", 20, 40, 12, 0.5, 40, 0.1),
                arrivals("threadPool", 20, 80, 13, 0.5, 80, 0.1),
                arrivals("threadPool", 20, 160, 19, 2, 160, 0.1),   // straddles the bound: at the bound
                arrivals("threadPool", 20, 320, 700, 20, 320, 0.1),
                arrivals("okHttpAsync", 5, 40, 15, 1, 40, 0.1),
                arrivals("okHttpAsync", 5, 80, 400, 30, 80, 0.1)));
        Load load = Load.of(run);

        Map<Load.Curve, List<Load.Arrivals>> curves = load.curves();
        // Curves are keyed by what they share, and named only when written.
        List<Load.Arrivals> pool = curve(curves, "threadPool (k=20), N = 10, 10 ms");
        assertThat(curves.keySet()).extracting(Load.Curve::words).containsExactly("threadPool (k=20), N = 10, 10 ms",
                "okHttpAsync (5/host, 64 total), N = 10, 10 ms");
        assertThat(pool).extracting(Load.Arrivals::boundMs).containsOnly(20.0);
        assertThat(pool).extracting(Load.Arrivals::measured)
                .containsExactly("within", "within", "at the bound", "over");
        // ρ = rate·N·d / 20: 0.2, 0.4, 0.8, 1.6; predicted within below 0.9, over above 1.1.
        assertThat(pool).extracting(Load.Arrivals::predicted).containsExactly("within", "within", "within", "over");
        assertThat(Load.knee(pool)).hasValue(80);
        assertThat(pool.get(0).capacity()).isEqualTo(200);

        List<Load.Arrivals> dispatcher = curve(curves, "okHttpAsync (5/host, 64 total), N = 10, 10 ms");
        // 5 per host: capacity 50 a second; 40 is ρ 0.8, 80 is 1.6.
        assertThat(dispatcher).extracting(Load.Arrivals::predicted).containsExactly("within", "over");
        assertThat(Load.knee(dispatcher)).hasValue(40);
        assertThat(LoadLines.verdictLines(load)).anySatisfy(line -> assertThat(line).startsWith(
                "okHttpAsync (5/host, 64 total), N = 10, 10 ms: p99 within 20 ms up to 40/s (predicted knee 50/s, "
                        + "where ρ = 1); at 80/s p99 400 ms (over); every rate as predicted"));
        assertThat(fetchbench.document.MarkdownRenderer.blocks(UnderLoadSection.of(load, List.of()))).contains("| threadPool (k=20) | 320 | 1.60 |");
    }

    private static List<Load.Arrivals> curve(Map<Load.Curve, List<Load.Arrivals>> curves, String words) {
        return curves.entrySet().stream().filter(e -> e.getKey().words().equals(words)).findFirst().orElseThrow()
                .getValue();
    }

    /** If the generator started arrivals late, or fell short of the rate, the row judges the machine, not the model. */
    @Test
    void aGeneratorThatFellBehindIsSaidSoAndEndsTheKnee() throws Exception {
        JmhRun run = JmhRun.read(Fixtures.write(folder,
                arrivals("virtualThreads", 0, 40, 12, 0.5, 40, 0.1),
                arrivals("virtualThreads", 0, 80, 13, 0.5, 80, 5.0),   // 5 ms late: over a tenth of 20 ms
                arrivals("virtualThreads", 0, 160, 13, 0.5, 140, 0.1))); // 12 % short of the rate
        List<Load.Arrivals> curve = Load.of(run).arrivals();

        assertThat(curve).extracting(Load.Arrivals::measured)
                .containsExactly("within", "generator behind", "generator behind");
        assertThat(Load.knee(curve)).hasValue(40);
        assertThat(curve.get(0).capacity()).isInfinite(); // no floor in the run: no knee predicted
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
