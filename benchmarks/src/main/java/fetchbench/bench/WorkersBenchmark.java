package fetchbench.bench;

import fetchbench.model.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Workers: k workers (the concurrency parameter; sequential is one) take URLs with
 * unequal delays from one shared queue until it is empty.
 *
 * <p>Measured: the batch, in ms. Predicted: the greedy schedule of the delays on k workers (with
 * delays 150, 100, 50, 20 ms repeated and k=2, half the sum of the delays). Every batch is
 * verified: N outcomes, in URL order, all 200 with the expected body.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkersBenchmark {

    @Benchmark
    public List<Outcome> workers(FanOut run) {
        int workers = Math.max(1, run.concurrency);
        return run.workload.verify(run.model.name(), run.fetcher.workers(run.workload.urls(), workers));
    }
}
