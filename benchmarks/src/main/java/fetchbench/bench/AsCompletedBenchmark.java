package fetchbench.bench;

import fetchbench.result.Metrics;

import fetchbench.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * As completed: each result is handled (a running checksum of the bodies) as soon as it arrives.
 *
 * <p>Measured: time to the last result, in ms (the score), and time to the first ({@code first.ms}).
 * Predicted: the greedy schedule's last finish (its first finish, the shortest delay for a model
 * with a slot per URL, is what first.ms is read against). Every batch is verified: each URL
 * handled once, correctly, in the order the fetches finished, not the order they were asked for,
 * and as they finished, not held back until the last.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AsCompletedBenchmark {

    @Benchmark
    public long asCompleted(FanOut run) {
        long start = System.nanoTime();
        List<Outcome> handled = new ArrayList<>(run.urls);
        long[] firstHandledAt = new long[1];
        CRC32 checksum = new CRC32();
        run.fetcher.asCompleted(run.workload.urls(), outcome -> {
            if (handled.isEmpty()) {
                firstHandledAt[0] = System.nanoTime();
                run.metrics.record(Metrics.FIRST_RESULT, (firstHandledAt[0] - start) / 1e6, "ms");
            }
            handled.add(outcome);
            if (outcome.body() != null) {
                checksum.update(outcome.body().getBytes(StandardCharsets.UTF_8));
            }
        });
        run.workload.verifyAsCompleted(run.model.name(), handled, firstHandledAt[0]);
        return checksum.getValue();
    }
}
