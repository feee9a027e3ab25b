package fetchbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.model.Model;
import fetchbench.workload.Shape;
import fetchbench.model.Prediction;
import fetchbench.run.RunOptions.Param;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunPlanTest {

    private static RunPlan plan(Properties properties, String... args) throws OptionException {
        return RunPlan.of(RunOptions.parse(args, properties));
    }

    private static Properties props(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultRunHasEveryModelAndKeepsEachBatchWithinTheBudget() throws Exception {
        RunPlan plan = plan(props());
        List<RunPlan.Step> gather = plan.steps().stream().filter(s -> s.shape() == Shape.gather && !s.sweep())
                .toList();

        assertThat(gather).extracting(RunPlan.Step::benchmark).containsExactly("BareClientBenchmark",
                "GatherBenchmark", "GatherBenchmark", "GatherBenchmark", "GatherBenchmark",
                "GatherBenchmark", "GatherBenchmark", "GatherBenchmark", "GatherBenchmark",
                "GatherBenchmark", "BareClientBenchmark");
        assertThat(gather.subList(1, 10)).extracting(RunPlan.Step::model).containsExactly(
                Model.sequential, Model.threadPool, Model.completableFuture, Model.completableFuture,
                Model.virtualThreads, Model.okHttpAsync, Model.okHttpAsync, Model.httpClientAsync,
                Model.structured);
        // First the floor: the bare client at every N without delay; last its baseline at the run's delay.
        RunPlan.Step floor = plan.steps().get(0);
        assertThat(floor.params().get(Param.URLS)).containsExactly("10", "100", "1000");
        assertThat(floor.params().get(Param.DELAY_MS)).containsExactly("0");
        assertThat(floor.warmup(5)).isEqualTo(10);
        assertThat(floor.measurement(5)).isEqualTo(10);
        assertThat(gather.get(10).params().get(Param.DELAY_MS)).containsExactly("100");
        for (RunPlan.Step step : plan.withoutBareClient().steps()) {
            for (String n : step.params().get(Param.URLS)) {
                assertThat(step.slowestBatchMillis(Integer.parseInt(n))).isLessThanOrEqualTo(Profile.BATCH_BUDGET_MS);
            }
        }
        RunPlan.Step sequential = gather.get(1);
        assertThat(sequential.params().get(Param.URLS)).containsExactly("10", "100");
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("sequential skipped for urls=1000"));
        assertThat(gather.get(2).params().get(Param.URLS)).containsExactly("10", "100", "1000");
        assertThat(plan.largestN()).isEqualTo(1000);
        assertThat(plan.allN()).containsExactly(10, 100, 1000); // the server check and floor: gather's N only
        // The benchmarks are predicted to leave room for build and tests in the 15 minutes of ./mvnw verify.
        Profile profile = Profile.DEFAULT;
        assertThat(plan.predictedSeconds(profile.warmupIterations(), profile.measurementIterations()))
                .isLessThan(13 * 60);
    }

    @Test
    void everyShapeRunsEveryModelThatCanDoIt() throws Exception {
        RunPlan plan = plan(props());

        for (Shape shape : Shape.values()) {
            List<Model> models = plan.withoutBareClient().steps().stream().filter(s -> s.shape() == shape)
                    .map(RunPlan.Step::model).distinct().toList();
            if (shape == Shape.race) {
                assertThat(models).doesNotContain(Model.sequential).hasSize(Model.values().length - 1);
            } else {
                assertThat(models).containsExactly(Model.values());
            }
        }
        List<RunPlan.Step> workers = plan.steps().stream().filter(s -> s.shape() == Shape.workers).toList();
        assertThat(workers).allSatisfy(s -> {
            assertThat(s.params().get(Param.DELAY_PROFILE)).containsExactly("staggered");
            assertThat(s.params().get(Param.CONCURRENCY))
                    .containsExactly(s.model() == Model.sequential ? "1" : String.valueOf(Profile.WORKER_COUNT));
        });
        RunPlan.Step cpuPools = plan.steps().stream()
                .filter(s -> s.shape() == Shape.cpuHeavy && s.model() == Model.threadPool).findFirst().orElseThrow();
        assertThat(cpuPools.params().get(Param.CONCURRENCY)).containsExactly("1", "2", "4", "8", "16");
        assertThat(plan.steps()).extracting(RunPlan.Step::benchmarkName)
                .contains("fetchbench.bench.DeadlineBenchmark.withinDeadline");
    }

    @Test
    void aSweepDoublesFromMinAndEndsAtMax() throws Exception {
        assertThat(Sweep.parse("1..100", "--range").settings()).containsExactly(1, 2, 4, 8, 16, 32, 64, 100);
        assertThat(Sweep.parse("3..3", "--range").settings()).containsExactly(3);
        assertThat(Sweep.parse(" 5 .. 40 ", "--range").settings()).containsExactly(5, 10, 20, 40);
        assertThatThrownBy(() -> Sweep.parse("0..4", "--range")).hasMessageContaining("1 <= MIN <= MAX");
        assertThatThrownBy(() -> Sweep.parse("9..4", "--range")).hasMessageContaining("1 <= MIN <= MAX");
        assertThatThrownBy(() -> Sweep.parse("4", "--range")).hasMessageStartingWith("bad value '4' for --range");
    }

    @Test
    void aTuningRunSweepsEachModelsSettingAtTheUsersWorkload() throws Exception {
        RunPlan plan = plan(props("fetchbench.sweep", "1..100"), "-p", "urls=100", "-p", "delayMs=80",
                "-p", "delayProfile=lognormal");

        RunPlan.Step floor = plan.steps().get(0);
        assertThat(floor.benchmark()).isEqualTo("BareClientBenchmark");
        assertThat(floor.params().get(Param.URLS)).containsExactly("100");
        List<RunPlan.Step> sweep = plan.steps().subList(1, plan.steps().size());
        List<String> settings = List.of("1", "2", "4", "8", "16", "32", "64", "100");
        assertThat(sweep).allSatisfy(s -> {
            assertThat(s.sweep()).isTrue();
            assertThat(s.shape()).isEqualTo(Shape.gather);
            assertThat(s.params().get(Param.URLS)).containsExactly("100");
            assertThat(s.params().get(Param.DELAY_MS)).containsExactly("80");
            assertThat(s.params().get(Param.DELAY_PROFILE)).containsExactly("lognormal");
        });
        assertThat(sweep.stream().map(RunPlan.Step::model).distinct()).containsExactly(Model.threadPool,
                Model.okHttpAsync, Model.completableFuture, Model.virtualThreads, Model.httpClientAsync);
        assertThat(sweep).filteredOn(s -> s.model() != Model.okHttpAsync)
                .allSatisfy(s -> assertThat(s.params().get(Param.CONCURRENCY)).isEqualTo(settings));
        // OkHttp: one step per k with maxRequestsPerHost = maxRequests = k, for each connection pool.
        List<RunPlan.Step> okHttp = sweep.stream().filter(s -> s.model() == Model.okHttpAsync).toList();
        assertThat(okHttp).hasSize(16);
        assertThat(okHttp).allSatisfy(s -> assertThat(s.params().get(Param.MAX_REQUESTS))
                .isEqualTo(s.params().get(Param.CONCURRENCY)));
        assertThat(okHttp.subList(0, 8)).flatExtracting(s -> s.params().get(Param.CONCURRENCY)).isEqualTo(settings);
        assertThat(okHttp.subList(0, 8)).allSatisfy(s ->
                assertThat(s.params().get(Param.CONNECTION_POOL)).containsExactly("sized"));
        assertThat(okHttp.subList(8, 16)).allSatisfy(s ->
                assertThat(s.params().get(Param.CONNECTION_POOL)).containsExactly("okhttp-default"));
        // A slow setting keeps the slow cap: k = 1 is 100 batches of 80 ms.
        assertThat(sweep.get(0).measurement(5)).isEqualTo(3);

        assertThatThrownBy(() -> plan(props("fetchbench.sweep", "1..8"), "-p", "urls=10", "-p", "model=sequential"))
                .hasMessageStartingWith("bad value 'sequential' for model with a sweep; allowed: threadPool,");
        assertThatThrownBy(() -> plan(props("fetchbench.sweep", "1..8"), "-p", "urls=10,20"))
                .hasMessageContaining("allowed: one positive integer");
    }

    @Test
    void theDefaultRunEndsWithOneSmallSweep() throws Exception {
        List<RunPlan.Step> sweep = plan(props()).steps().stream().filter(RunPlan.Step::sweep).toList();

        assertThat(sweep.stream().map(RunPlan.Step::model).distinct()).containsExactly(Model.threadPool,
                Model.completableFuture, Model.virtualThreads, Model.okHttpAsync, Model.httpClientAsync);
        assertThat(sweep).allSatisfy(s -> {
            assertThat(s.params().get(Param.URLS)).containsExactly("100");
            assertThat(s.warmup(3)).isEqualTo(3);
            assertThat(s.measurement(5)).isEqualTo(3);
        });
        assertThat(plan(props(), "-p", "urls=50").steps()).noneMatch(RunPlan.Step::sweep);
    }

    @Test
    void workloadOptionsMeanGatherUnlessAShapeIsNamed() throws Exception {
        RunPlan gatherOnly = plan(props(), "-p", "urls=5");
        assertThat(gatherOnly.steps()).allSatisfy(s -> assertThat(s.shape()).isEqualTo(Shape.gather));
        assertThat(gatherOnly.notes()).anyMatch(n -> n.contains("the other shapes run with them when named"));

        RunPlan deadline = plan(props(), "DeadlineBenchmark", "-p", "urls=6", "-p", "model=virtualThreads");
        RunPlan.Step step = deadline.steps().stream().filter(s -> s.shape() == Shape.deadline).findFirst()
                .orElseThrow();
        assertThat(step.params().get(Param.URLS)).containsExactly("6");
        assertThat(deadline.steps()).noneMatch(s -> s.shape() == Shape.workers);

        assertThatThrownBy(() -> plan(props(), "FailuresBenchmark", "-p", "urls=3"))
                .isInstanceOf(OptionException.class)
                .hasMessage("bad value '3' for urls with FailuresBenchmark; allowed: >= 7");
    }

    @Test
    void theFullProfileAddsTheScaleTestForTheModelsThatCan() throws Exception {
        RunPlan plan = plan(props("fetchbench.profile", "full"));

        List<RunPlan.Step> scale = plan.steps().stream()
                .filter(s -> s.params().get(Param.URLS).contains("10000")).toList();
        assertThat(scale).extracting(RunPlan.Step::benchmark).containsExactly("BareClientBenchmark",
                "GatherBenchmark", "GatherBenchmark", "BareClientBenchmark");
        assertThat(scale.get(0).params().get(Param.DELAY_MS)).containsExactly("0"); // the floor at N = 10 000 too
        assertThat(scale.get(1).model()).isEqualTo(Model.virtualThreads);
        assertThat(scale.get(1).params().get(Param.DELAY_MS)).containsExactly("1000");
        assertThat(scale.get(2).model()).isEqualTo(Model.okHttpAsync);
        assertThat(scale.get(2).params().get(Param.CONCURRENCY)).containsExactly("10000");
        assertThat(scale.get(3).params().get(Param.URLS)).containsExactly("10000"); // the baseline of the scale test
        assertThat(scale.get(3).params().get(Param.DELAY_MS)).containsExactly("1000");
        assertThat(plan.largestN()).isEqualTo(10_000);
    }

    @Test
    void okHttpRunsWithItsOwnDefaultsAndTunedToTheLargestN() throws Exception {
        RunPlan plan = plan(props(), "-p", "model=okHttpAsync", "-p", "urls=10,300").withoutBareClient();

        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0).params().get(Param.CONCURRENCY)).containsExactly("5");
        assertThat(plan.steps().get(0).params().get(Param.MAX_REQUESTS)).containsExactly("64");
        assertThat(plan.steps().get(1).params().get(Param.CONCURRENCY)).containsExactly("300");
        assertThat(plan.steps().get(1).params().get(Param.MAX_REQUESTS)).containsExactly("300");
    }

    @Test
    void aModelAskedForByNameRunsAtEveryN() throws Exception {
        RunPlan plan = plan(props("fetchbench.model", "sequential"), "-p", "urls=10,1000").withoutBareClient();

        assertThat(plan.steps()).singleElement()
                .satisfies(s -> assertThat(s.params().get(Param.URLS)).containsExactly("10", "1000"));
    }

    @Test
    void concurrencyAppliesOnlyToModelsWithThatKnob() throws Exception {
        RunPlan plan = plan(props(), "-p", "model=threadPool,virtualThreads,completableFuture", "-p", "concurrency=4,8")
                .withoutBareClient();

        assertThat(plan.steps().get(0).params().get(Param.CONCURRENCY)).containsExactly("4", "8");
        // virtualThreads takes it as a semaphore's permits.
        assertThat(plan.steps().get(1).params().get(Param.CONCURRENCY)).containsExactly("4", "8");
        assertThat(plan.steps().get(2).params().get(Param.CONCURRENCY)).containsExactly("4", "8");
        assertThat(plan.notes()).noneMatch(note -> note.contains("has no concurrency setting"));
    }

    @Test
    void commandLineWinsOverSystemProperties() throws Exception {
        RunPlan plan = plan(props("fetchbench.urls", "7", "fetchbench.model", "threadPool"), "-p", "urls=9")
                .withoutBareClient();

        assertThat(plan.steps().get(0).params().get(Param.URLS)).containsExactly("9");
    }

    @Test
    void predictionsFollowQueueingTheory() {
        assertThat(Prediction.here().batchMillis(Model.sequential, 10, 100, 1, 0)).isEqualTo(1000);
        assertThat(Prediction.here().batchMillis(Model.threadPool, 100, 100, 20, 0)).isEqualTo(500);
        assertThat(Prediction.here().batchMillis(Model.threadPool, 101, 100, 20, 0)).isEqualTo(600);
        assertThat(Prediction.here().batchMillis(Model.virtualThreads, 1000, 100, 0, 0)).isEqualTo(100);
        assertThat(Prediction.here().batchMillis(Model.okHttpAsync, 1000, 100, 0, 64)).isEqualTo(20_000);
        assertThat(Prediction.here().batchMillis(Model.okHttpAsync, 1000, 100, 1000, 64)).isEqualTo(1_600);
        assertThat(Prediction.here().batchMillis(Model.okHttpAsync, 1000, 100, 1000, 1000)).isEqualTo(100);
    }

    @Test
    void mixedDelaysArePredictedByTheGreedySchedule() {
        List<Integer> delays = List.of(150, 100, 50, 20, 150, 100, 50, 20);

        // Two workers, each taking the next URL when it is free, are both done at 320 ms.
        assertThat(Prediction.here().batchMillis(Model.threadPool, delays, 2, 0)).isEqualTo(320);
        assertThat(Prediction.here().batchMillis(Model.sequential, delays, 1, 0)).isEqualTo(640);
        assertThat(Prediction.here().batchMillis(Model.virtualThreads, delays, 0, 0)).isEqualTo(150);
        assertThat(Prediction.here().batchMillis(Model.threadPool, List.of(100, 100, 100), 2, 0))
                .isEqualTo(Prediction.here().batchMillis(Model.threadPool, 3, 100, 2, 0));
    }

    @Test
    void reproduceCommandNamesEveryOptionGiven() throws Exception {
        RunOptions options = RunOptions.parse(new String[] {"-p", "urls=10", "-i", "3"},
                props("fetchbench.profile", "smoke", "fetchbench.model", "virtualThreads"));

        assertThat(options.reproduceCommand()).isEqualTo("./mvnw verify -Dfetchbench.profile=smoke "
                + "-Dfetchbench.model=virtualThreads -Dfetchbench.args=\"-p urls=10 -i 3\"");
        assertThat(List.of(options.profile())).containsExactly(Profile.SMOKE);
    }
}
