package fetchbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.result.LatencyLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latency logs written as the load benchmark writes them, read and merged as the report does. */
class MergedLatencyTest {

    @TempDir
    Path run;

    private static final Map<String, String> PARAMS = Map.of("model", "threadPool", "rate", "100");

    private static Histogram of(long... millis) {
        Histogram h = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        for (long ms : millis) {
            h.recordValue(TimeUnit.MILLISECONDS.toMicros(ms));
        }
        return h;
    }

    /** Writes each fork's windows (latencies in ms) to a log of its own, as the forks do, and reads them all back. */
    private MergedLatency written(List<List<long[]>> forks) {
        for (List<long[]> windows : forks) {
            LatencyLog.Writer writer = new LatencyLog.Writer(run.resolve("latency"), "load", PARAMS);
            // Each fork's own file: the writer names it by the process, so a test makes the others by hand.
            long start = 0;
            for (long[] window : windows) {
                writer.write(of(window), of(window), of(0), start, start + 1000);
                start += 1000;
            }
            writer.close();
            renameLast(forks.indexOf(windows));
        }
        List<LatencyLog.Fork> read = LatencyLog.read(run);
        assertThat(read).hasSize(forks.size()).allSatisfy(f -> assertThat(f.params()).isEqualTo(PARAMS));
        return MergedLatency.of(read.stream().map(LatencyLog.Fork::windows).toList());
    }

    private void renameLast(int fork) {
        try (var files = java.nio.file.Files.list(run.resolve("latency"))) {
            Path file = files.filter(f -> !f.getFileName().toString().startsWith("fork")).findFirst().orElseThrow();
            java.nio.file.Files.move(file, file.resolveSibling("fork" + fork + "-" + file.getFileName()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double exact(long millis) {
        Histogram h = of(millis);
        return h.highestEquivalentValue(TimeUnit.MILLISECONDS.toMicros(millis)) / 1000.0;
    }

    /** 1 to 1000 ms, once each, over two forks of five windows: the percentiles are the known values, to the histogram's precision. */
    @Test
    void knownLatenciesComeOutAsTheExactPercentilesOfTheMergedHistogram() {
        List<List<long[]>> forks = new ArrayList<>();
        long next = 1;
        for (int f = 0; f < 2; f++) {
            List<long[]> windows = new ArrayList<>();
            for (int w = 0; w < 5; w++) {
                long[] window = new long[100];
                for (int i = 0; i < 100; i++) {
                    window[i] = next++;
                }
                windows.add(window);
            }
            forks.add(windows);
        }
        MergedLatency merged = written(forks);

        assertThat(merged.count()).isEqualTo(1000);
        assertThat(merged.windows()).hasSize(10);
        assertThat(merged.ms(50)).isEqualTo(exact(500));
        assertThat(merged.ms(90)).isEqualTo(exact(900));
        assertThat(merged.ms(99)).isEqualTo(exact(990));
        assertThat(merged.ms(100)).isEqualTo(exact(1000));
        assertThat(merged.uncorrectedMs(99)).isEqualTo(exact(990));
        assertThat(merged.p999()).isEmpty(); // 1000 samples: too few for p99.9
    }

    /**
     * Nine windows of 100 gathers at 10 ms and one of 100 at 500 ms: a tenth of all gathers took
     * 500 ms, so p99 is 500 ms. The mean of the windows' p99s would say 59 ms.
     */
    @Test
    void windowsAreMergedNotAveraged() {
        List<long[]> windows = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            long[] window = new long[100];
            java.util.Arrays.fill(window, w == 6 ? 500 : 10);
            windows.add(window);
        }
        MergedLatency merged = written(List.of(windows));

        assertThat(merged.ms(99)).isEqualTo(exact(500));
        assertThat(merged.ms(50)).isEqualTo(exact(10));
        assertThat(merged.ms(100)).isEqualTo(exact(500));
        // The bootstrap resamples whole windows: some draws hold no slow window, most hold one or more.
        MergedLatency.Interval p99 = merged.interval(99);
        assertThat(p99.lowMs()).isEqualTo(exact(10));
        assertThat(p99.highMs()).isEqualTo(exact(500));
        assertThat(merged.byPosition()).hasSize(10);
        assertThat(merged.byPosition().get(6).getValueAtPercentile(50)).isEqualTo(
                of(500).highestEquivalentValue(TimeUnit.MILLISECONDS.toMicros(500)));
    }

    /** p99.9 is shown from 10,000 gathers on, not below. */
    @Test
    void p999NeedsTenThousandSamples() {
        long[] few = new long[9_999];
        java.util.Arrays.fill(few, 10);
        assertThat(written(List.of(List.of(few))).p999()).isEmpty();
    }

    @Test
    void p999IsShownWithTenThousandSamples() {
        long[] enough = new long[10_000];
        java.util.Arrays.fill(enough, 10);
        enough[9_999] = 70;
        enough[9_998] = 70;
        enough[9_997] = 70;
        enough[9_996] = 70;
        enough[9_995] = 70;
        enough[9_994] = 70;
        enough[9_993] = 70;
        enough[9_992] = 70;
        enough[9_991] = 70;
        enough[9_990] = 70;
        enough[9_989] = 70;
        assertThat(written(List.of(List.of(enough))).p999()).hasValue(exact(70));
    }

    /** Past saturation: the backlog grows by what was sent less what ended, window by window. */
    @Test
    void theBacklogGrowsBySentLessEnded() {
        LatencyLog.Window w1 = new LatencyLog.Window(timed(of(10, 10), 0, 1000), timed(of(10, 10), 0, 1000), timed(of(0, 0, 0, 0, 0), 0, 1000));
        LatencyLog.Window w2 = new LatencyLog.Window(timed(of(60, 60), 1000, 2000), timed(of(10, 10), 1000, 2000), timed(of(0, 0, 0, 0, 0), 1000, 2000));
        MergedLatency merged = MergedLatency.of(List.of(List.of(w1, w2)));
        assertThat(merged.backlogGrowthPerSecond()).isEqualTo(3.0);
        assertThat(merged.sentPerSecond()).isEqualTo(5.0);
        assertThat(merged.secondsToBound(40)).hasValue(1.0);
        assertThat(merged.secondsToBound(100)).isEmpty();
    }

    private static Histogram timed(Histogram h, long startMs, long endMs) {
        h.setStartTimeStamp(startMs);
        h.setEndTimeStamp(endMs);
        return h;
    }
}
