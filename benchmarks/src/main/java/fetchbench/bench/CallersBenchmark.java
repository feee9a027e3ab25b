package fetchbench.bench;

import fetchbench.result.Metrics;

import fetchbench.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Callers: M request handlers gather N URLs each, all at once, through one shared model (one
 * client, pool, Dispatcher), as a service's handlers do. The callers are the harness's own: M
 * platform threads made at set-up, released together by a latch (not JMH threads, so one batch is
 * one round of all M and the server's count checks all M·N requests).
 *
 * <p>Measured: the round, from the release to the last caller's last response, in ms; beside it
 * each caller's own batch time (their mean) and the requests per second of all of them. Predicted:
 * the model's limit L is shared, so the round takes ⌈M·N/L⌉·d and no more than L/d requests a
 * second get through (Little's law); see {@code Theory.sharedSlots}. Every caller's batch is verified.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CallersBenchmark -p model=threadPool -p urls=10 -p callers=1,10}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CallersBenchmark {


    /** M: callers gathering at once through the one model. */
    @Param({})
    public int callers;

    private ExecutorService callerThreads;

    @Setup(Level.Trial)
    public void startCallers() {
        callerThreads = Executors.newFixedThreadPool(callers, Thread.ofPlatform().name("fetchbench-caller-", 0).factory());
    }

    @TearDown(Level.Trial)
    public void stopCallers() {
        callerThreads.shutdownNow();
    }

    @Benchmark
    public List<List<Outcome>> callers(FanOut run) throws InterruptedException, ExecutionException {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Timed>> batches = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            batches.add(callerThreads.submit(() -> {
                release.await();
                long start = System.nanoTime();
                List<Outcome> outcomes = run.workload.verify(run.model.name(), run.fetcher.gather(run.workload.urls()));
                return new Timed(outcomes, start, System.nanoTime());
            }));
        }
        long released = System.nanoTime();
        release.countDown();
        List<List<Outcome>> all = new ArrayList<>(callers);
        double batchMsSum = 0;
        long lastEnd = released;
        for (Future<Timed> batch : batches) {
            Timed timed = batch.get();
            all.add(timed.outcomes());
            batchMsSum += (timed.end() - timed.start()) / 1e6;
            lastEnd = Math.max(lastEnd, timed.end());
        }
        run.fanOuts = callers;
        run.metrics.record(Metrics.CALLER_MEAN, batchMsSum / callers, "ms");
        run.metrics.record(Metrics.THROUGHPUT, (double) callers * run.urls / ((lastEnd - released) / 1e9),
                "requests/s");
        return all;
    }

    /** One caller's batch, and when it started and ended. */
    private record Timed(List<Outcome> outcomes, long start, long end) {
    }
}
