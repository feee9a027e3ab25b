package fetchbench.bench;

import fetchbench.model.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Failures, isolated as an uptime monitor isolates them: N URLs repeat a mix of healthy (d), slow (3·d),
 * refused, reset, empty, HTTP 500 and malformed-JSON URLs, all gathered at once.
 *
 * <p>Measured: the batch, in ms. Predicted: the greedy schedule (failures answer at once; the
 * slow URL is the longest). Every batch is verified: each URL got exactly the verdict its kind
 * calls for ("returned 200", "is down: connection refused", …) and no failure stopped the others.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FailuresBenchmark {

    @Benchmark
    public List<Outcome> failures(FanOut run) {
        return run.workload.verifyFailures(run.model.name(), run.fetcher.gather(run.workload.urls()));
    }
}
