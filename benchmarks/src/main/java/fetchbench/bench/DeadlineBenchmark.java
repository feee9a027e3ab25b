package fetchbench.bench;

import fetchbench.result.Metrics;

import fetchbench.model.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Deadline: a batch with a deadline of d (delayMs); every other URL answers after 0.4·d, the
 * rest after 4·d. What completed by the deadline is kept, the rest is cancelled.
 *
 * <p>Measured: the batch, in ms, and the results kept ({@code kept}). Predicted: the deadline d.
 * The greedy schedule says how many a model keeps: all the fast ones when it runs every URL at
 * once, fewer when slow URLs hold its slots (the README lists them). Every batch is verified:
 * each kept result is correct and none is a slow URL. That the calls still running are
 * cancelled, and how many are kept, is tested in ShapesTest.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeadlineBenchmark {

    @Benchmark
    public int deadline(FanOut run) {
        Duration deadline = Duration.ofMillis(run.delayMs);
        List<Outcome> kept = run.fetcher.deadline(run.workload.urls(), deadline);
        int count = run.workload.verifyDeadline(run.model.name(), kept, deadline);
        run.metrics.record(Metrics.KEPT, count, "results");
        return count;
    }
}
