package fetchbench.bench;

import fetchbench.model.Outcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Race: N replicas of one resource (urls = N) race; the first 200 wins and the losers are cancelled. The first replica fails at once
 * with HTTP 500; the others answer after (N−1)·d, …, 2d, d, so the last one asked wins.
 *
 * <p>Measured: time to the winner, in ms, including cancelling the losers. Predicted: d for a
 * model that runs all replicas at once. Every race is verified: the winner is the fastest replica
 * that answers 200, with its body. That the losers' calls really stop is tested in ShapesTest.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RaceBenchmark {

    @Benchmark
    public Outcome race(FanOut run) {
        return run.workload.verifyRace(run.model.name(), run.fetcher.race(run.workload.urls()));
    }
}
