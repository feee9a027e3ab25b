package fetchbench.run;

import fetchbench.FetchBench;

import fetchbench.theory.Theory;

import fetchbench.catalog.Limits;

import fetchbench.model.Protocol;

import fetchbench.model.ClientStack;

import fetchbench.result.ResultKeys;

import fetchbench.analysis.Load;

import fetchbench.result.Benchmarks;


import fetchbench.catalog.Variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.catalog.Model;

import fetchbench.theory.Machine;
import fetchbench.workload.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlanTest {

    /** The kind of machine the suite is built for: 2 cores, so a common pool of 1 (JDK 25). */
    private static final Machine TWO_CORES = new Machine(2, 1);

    /** The plan for a machine like the suite's own, whatever machine runs the test. */
    private static RunPlan plan(Properties properties, String... args) throws OptionException {
        return RunPlan.of(RunOptions.parse(args, properties), TWO_CORES);
    }

    /** A step's values of one JMH parameter, as JMH gets them. */
    /** The variants whose model this JVM can run: structured only where its JDK 25 build is there. */
    private static List<Variant> available(List<Variant> variants) {
        return variants.stream().filter(v -> v.model().unavailableReason().isEmpty()).toList();
    }

    private static List<String> values(Step.Jmh step, String param) {
        return step.params().get(param);
    }

    private static Step.Floor floor(RunPlan plan) {
        return plan.steps().stream().filter(Step.Floor.class::isInstance).map(Step.Floor.class::cast)
                .findFirst().orElseThrow();
    }

    private static List<Model> models(List<Measure> steps) {
        return steps.stream().map(s -> s.variant().model()).toList();
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
        List<Measure> gather = plan.measures().stream().filter(s -> s.shape() == Shape.gather && !s.sweep()).toList();

        // First the server check and the floor, then every variant.
        assertThat(plan.steps().get(0)).isInstanceOf(Step.ServerCheck.class);
        assertThat(plan.steps().get(1)).isInstanceOf(Step.Floor.class);
        // The cpus axis is the cost profile's.
        assertThat(plan.measures()).noneMatch(m -> m.machine().told());
        assertThat(gather).extracting(Measure::benchmarkName).containsOnly("fetchbench.bench.GatherBenchmark.gather");
        // CompletableFuture on a pool of 20 is left out of the default gather (each card says which).
        assertThat(gather.stream().map(Measure::variant).distinct()).containsExactlyElementsOf(available(List.of(
                Variant.valueOf("sequential"), Variant.valueOf("threadPool"), Variant.valueOf("completableFuture"),
                Variant.valueOf("virtualThreads"), Variant.valueOf("okHttpAsync"), Variant.valueOf("okHttpSized"),
                Variant.valueOf("httpClientAsync"), Variant.valueOf("structured"), Variant.valueOf("reactor"))));
        // The default run answers which model: the gather alone, no other shape, protocol, sweep or load.
        assertThat(plan.measures()).allSatisfy(m -> {
            assertThat(m.shape()).isEqualTo(Shape.gather);
            assertThat(m.sweep()).isFalse();
            assertThat(m.settings().protocols()).containsExactly(Protocol.http1);
        });
        assertThat(plan.steps()).noneMatch(UnderLoad.class::isInstance);
        // A headline result (N = 100 or 1000, every request in flight) rests on 5 forks, every other on 3; each
        // on 4 measured batches per fork after one JMH warm-up batch, or 2 after 1 where a batch takes 1 s or more.
        Profile defaults = Profile.DEFAULT;
        assertThat(defaults.headlineForks()).isEqualTo(5);
        assertThat(defaults.forks()).isEqualTo(3);
        for (Measure step : gather) {
            int forks = step.batches().forks(defaults.forks());
            int measured = forks * step.batches().measurement(defaults.measurementIterations());
            for (int n : step.workloads().urls()) {
                boolean headline = n >= 100 && step.mostInFlight(n) >= n;
                assertThat(forks).as(step.describe() + " at N=" + n).isEqualTo(headline ? 5 : 3);
                assertThat(measured).as(step.describe() + " at N=" + n)
                        .isGreaterThanOrEqualTo(forks * (step.slowestBatchMillis(n) >= Batches.SLOW_BATCH_MS ? 2 : 4));
                assertThat(step.batches().warmup(defaults.warmupIterations())).isEqualTo(1);
            }
        }
        assertThat(gather).filteredOn(s -> s.variant() == Variant.valueOf("virtualThreads"))
                .extracting(s -> s.batches().forks(defaults.forks())).containsExactly(3, 5);
        assertThat(plan.steps()).filteredOn(Step.Floor.class::isInstance)
                .allSatisfy(f -> assertThat(((Step.Jmh) f).batches().forks(defaults.forks())).isEqualTo(3));
        // A footprint fork per setting, at the largest N it gathers.
        assertThat(plan.steps()).filteredOn(Step.Footprint.class::isInstance).map(Step.Footprint.class::cast)
                .extracting(Step.Footprint::variant).containsExactlyElementsOf(gather.stream().map(Measure::variant)
                        .distinct().toList());
        assertThat(plan.steps()).filteredOn(Step.Footprint.class::isInstance).map(Step.Footprint.class::cast)
                .allSatisfy(f -> assertThat(f.urls()).isEqualTo(gather.stream().filter(m -> m.variant() == f.variant())
                        .flatMap(m -> m.workloads().urls().stream()).mapToInt(Integer::intValue).max().orElseThrow()));
        // The floor: the bare client with a 1 ms delay from N = 100 up (N = 10 reads the floor at 100).
        Step.Floor floor = floor(plan);
        assertThat(values(floor, "urls")).containsExactly("100", "1000");
        assertThat(values(floor, "delayMs")).containsExactly("1");
        assertThat(floor.batches().warmup(1)).isEqualTo(1);
        assertThat(floor.batches().measurement(5)).isEqualTo(10);
        // One floor per client stack the run fetches with: httpClientAsync's JDK client has its own.
        assertThat(values(floor, "client")).containsExactly("okHttp", "jdkHttpClient", "reactorNetty");
        assertThat(values(floor, "protocol")).containsExactly("http1");
        assertThat(((Step.ServerCheck) plan.steps().get(0)).urls()).containsExactly(10, 100, 1000);
        for (Measure step : plan.measures()) {
            for (int n : step.workloads().urls()) {
                assertThat(step.slowestBatchMillis(n)).isLessThanOrEqualTo(Profile.DEFAULT.batchBudgetMs());
            }
        }
        // The default run keeps batches of at most 2 s; the full profile has the slow ones.
        Measure sequential = gather.get(0);
        assertThat(values(sequential, "urls")).containsExactly("10");
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("sequential skipped for urls=100,1000"));
        assertThat(gather.stream().filter(s -> s.variant() == Variant.valueOf("virtualThreads"))
                .flatMap(s -> values(s, "urls").stream())).containsExactly("10", "100", "1000");
        assertThat(plan.largestN()).isEqualTo(1000);
        assertThat(plan.allN()).containsExactly(10, 100, 1000); // the server check and floor: gather's N only
        // The benchmarks are predicted to leave room for downloads, build and the fast tests (about 1.5 min
        // here) in the 15 minutes of ./mvnw verify: 12.5 minutes at most.
        Profile profile = Profile.DEFAULT;
        assertThat(plan.predictedSeconds(profile.warmupIterations(), profile.measurementIterations(), profile.forks()))
                .isLessThan(12.5 * 60);
    }

    /** Over TLS and HTTP/2: one setting per client stack at one N, each where its stack speaks the protocol. */
    /**
     * Under load: the pool and OkHttp's Dispatcher at one limit, and virtual threads without one.
     * Callers at M = 1, 10, 100 where the round fits the batch budget; rates up to twice what each
     * model's limit lets through.
     */
    @Test
    void theLoadBenchmarksNamedMeasureThreeModelsUnderLoad() throws Exception {
        assertThat(plan(props()).steps()).as("the default run answers which model only").noneMatch(UnderLoad.class::isInstance);
        RunPlan plan = plan(props(), "CallersBenchmark", "LoadBenchmark");
        List<UnderLoad> load = plan.steps().stream().filter(UnderLoad.class::isInstance)
                .map(UnderLoad.class::cast).toList();
        List<UnderLoad> callers = load.stream().filter(u -> u.load() == UnderLoad.Load.callers).toList();
        List<UnderLoad> rates = load.stream().filter(u -> u.load() == UnderLoad.Load.rate).toList();
        assertThat(callers).extracting(u -> u.gather().variant())
                .containsExactly(Variant.valueOf("threadPool"), Variant.valueOf("virtualThreads"),
                        Variant.valueOf("okHttpRaised"));
        assertThat(rates).extracting(u -> u.gather().variant())
                .containsExactly(Variant.valueOf("threadPool"), Variant.valueOf("virtualThreads"),
                        Variant.valueOf("okHttpRaised"));
        assertThat(values(rates.get(2), "concurrency")).containsExactly("20");
        assertThat(callers).extracting(UnderLoad::values)
                .containsExactly(List.of(1, 10, 100), List.of(1, 10, 100), List.of(1, 10, 100));
        assertThat(callers).allSatisfy(u -> assertThat(u.batches()).isEqualTo(Batches.RUN));
        assertThat(rates).extracting(UnderLoad::values)
                .containsExactly(List.of(40, 80, 160, 320), List.of(40, 80, 160, 320), List.of(40, 80, 160, 320));
        // Gathers of 50 through a limit of 20 come 40 a second at most: 160 and 320 would be ρ 4 and 8.
        RunPlan wide = plan(props(), "LoadBenchmark", "-p", "urls=50");
        assertThat(wide.steps()).filteredOn(UnderLoad.class::isInstance).map(UnderLoad.class::cast)
                .extracting(UnderLoad::values).containsExactly(List.of(40, 80), List.of(40, 80, 160, 320), List.of(40, 80));
        assertThat(wide.notes()).contains("rate · okHttpRaised skipped for rate=160,320: over 2.0× what its limit lets "
                + "through, the queue would grow all window; ask for it with -p model=okHttpAsync -p concurrency=20");
        assertThat(rates).allSatisfy(u -> {
            assertThat(u.benchmarkName()).isEqualTo(Benchmarks.LOAD);
            assertThat(values(u, "urls")).containsExactly("10");
            assertThat(values(u, "delayMs")).containsExactly("10");
        });
        // The floor runs at M·N too, and the server is provisioned for 100 callers of 10.
        assertThat(floor(plan).urls()).contains(10, 100, 1000);
        assertThat(plan.largestN()).isGreaterThanOrEqualTo(1000);
        // The load goes to the loopback only: a server elsewhere gets none, and the run says why.
        RunPlan elsewhere = plan(props("fetchbench.profile", "smoke", "fetchbench.target", "http://192.0.2.1:8080"));
        assertThat(elsewhere.steps()).noneMatch(UnderLoad.class::isInstance);
        assertThat(elsewhere.notes()).anyMatch(note -> note.startsWith("callers and rate left out: the target "
                + "http://192.0.2.1:8080 is not on this machine"));
        assertThat(plan(props("fetchbench.profile", "smoke", "fetchbench.target", "http://127.0.0.1:8080")).steps())
                .filteredOn(UnderLoad.class::isInstance).isNotEmpty();
        // A tuning run under load: each swept setting at the rate given, judged by its p99.
        // A pool of k takes k / (10 × 10 ms) gathers a second: under 10 threads, 200 a second is over twice that.
        RunPlan tune = plan(props("fetchbench.sweep", "1..64", "fetchbench.urls", "10", "fetchbench.delayMs", "10",
                "fetchbench.rate", "200", "fetchbench.model", "threadPool"));
        assertThat(tune.jmhSteps()).filteredOn(UnderLoad.class::isInstance).singleElement().satisfies(step -> {
            assertThat(values(step, "rate")).containsExactly("200");
            assertThat(values(step, "concurrency")).containsExactly("16", "32", "64");
        });
        assertThat(tune.notes()).containsExactly("threadPool skipped for concurrency=1,2,4,8 at rate=200: over 2.0× "
                + "what the setting lets through, the queue would grow all window");
    }

    @Test
    void theClientsProfileGathersEachStackAtItsDefaultsAndItsBestSettingBesideItsFloors() throws Exception {
        RunPlan plan = plan(props("fetchbench.profile", "clients"));
        Profile clients = Profile.CLIENTS;
        List<Measure> gather = plan.measures().stream().filter(m -> m.shape() == Shape.gather).toList();
        assertThat(plan.measures()).allSatisfy(m -> assertThat(m.shape()).isEqualTo(Shape.gather));
        assertThat(gather.stream().map(Measure::variant).distinct()).containsExactly(Variant.valueOf("okHttpSized"),
                Variant.valueOf("httpClientAsync"), Variant.valueOf("reactorSized"), Variant.valueOf("apacheAsync"),
                Variant.valueOf("apacheSized"), Variant.valueOf("jettyAsync"), Variant.valueOf("jettySized"),
                Variant.valueOf("apacheVirtualThreadsSized"));
        // Every stack, each with a setting that has all N in flight at N = 100 and 1000, on 5 forks.
        assertThat(gather.stream().map(m -> m.variant().model().clientStack()).distinct())
                .containsExactlyInAnyOrder(ClientStack.values());
        for (String sized : List.of("okHttpSized", "httpClientAsync", "reactorSized", "apacheSized", "jettySized",
                "apacheVirtualThreadsSized")) {
            assertThat(gather).filteredOn(m -> m.variant() == Variant.valueOf(sized))
                    .flatMap(m -> m.workloads().urls()).containsExactly(100, 1000);
            assertThat(gather).filteredOn(m -> m.variant() == Variant.valueOf(sized))
                    .allSatisfy(m -> assertThat(m.batches().forks(clients.forks())).isEqualTo(5));
        }
        // Apache's default pool (5 per route) runs at N = 100 past the default run's 1.5 s cap: 20 waves of 100 ms.
        assertThat(gather).filteredOn(m -> m.variant() == Variant.valueOf("apacheAsync"))
                .flatMap(m -> m.workloads().urls()).containsExactly(100);
        assertThat(gather).filteredOn(m -> m.variant() == Variant.valueOf("apacheAsync"))
                .allSatisfy(m -> assertThat(m.slowestBatchMillis(100)).isGreaterThan(Profile.DEFAULT.batchBudgetMs()));
        // Each capped stack's floor at its cap too: a capped gather's band adds it once per wave.
        List<Step.Floor> floors = plan.steps().stream().filter(Step.Floor.class::isInstance)
                .map(Step.Floor.class::cast).toList();
        assertThat(floors).anySatisfy(f -> {
            assertThat(f.urls()).containsExactly(100, 1000);
            assertThat(f.stacks()).containsExactlyInAnyOrder(ClientStack.values());
        });
        assertThat(floors).anySatisfy(f -> {
            assertThat(f.urls()).containsExactly(5);
            assertThat(f.stacks()).containsExactly(ClientStack.apacheAsync);
        });
        assertThat(floors).anySatisfy(f -> {
            assertThat(f.urls()).containsExactly(64);
            assertThat(f.stacks()).containsExactly(ClientStack.jetty);
        });
        // The default run measures no floor at a cap.
        assertThat(plan(new Properties()).steps()).filteredOn(Step.Floor.class::isInstance)
                .allSatisfy(f -> assertThat(((Step.Floor) f).urls()).doesNotContain(5));
        // Within its 15 minutes, the server check and warm-up besides.
        assertThat(plan.predictedSeconds(clients.warmupIterations(), clients.measurementIterations(), clients.forks()))
                .isLessThan(14 * 60);
    }

    @Test
    void theProtocolsProfileComparesOneSettingPerStackAtOneN() throws Exception {
        RunPlan plan = plan(props("fetchbench.profile", "protocols"));
        // Each setting's own HTTP/1.1 time is measured beside it: the profile runs no gather of its own.
        assertThat(plan.measures()).filteredOn(s -> values(s, "protocol").contains("http1"))
                .extracting(Measure::variant).containsExactly(Variant.valueOf("okHttpSized"),
                        Variant.valueOf("httpClientAsync"), Variant.valueOf("reactor"), Variant.valueOf("apacheSized"),
                        Variant.valueOf("jettySized"), Variant.valueOf("apacheVirtualThreadsSized"));
        List<Measure> overOthers = plan.measures().stream()
                .filter(s -> !values(s, "protocol").equals(List.of("http1"))).toList();
        assertThat(overOthers).extracting(Measure::variant)
                .containsExactly(Variant.valueOf("okHttpSized"), Variant.valueOf("httpClientAsync"), Variant.valueOf("reactor"),
                        Variant.valueOf("apacheSized"), Variant.valueOf("jettySized"), Variant.valueOf("apacheVirtualThreadsSized"));
        assertThat(overOthers).allSatisfy(s -> {
            assertThat(s.shape()).isEqualTo(Shape.gather);
            assertThat(values(s, "urls")).containsExactly("100");
            assertThat(values(s, "delayMs")).containsExactly("100");
            // The gather's own setting, so each stands beside the same setting over HTTP/1.1 at N = 100.
            assertThat(values(s, "connectionPool")).containsExactly("sized");
        });
        assertThat(values(overOthers.get(0), "protocol")).containsExactly("http1", "https1", "h2", "h2c");
        assertThat(values(overOthers.get(0), "concurrency")).containsExactly("1000");
        assertThat(values(overOthers.get(1), "protocol")).containsExactly("http1", "https1", "h2");
        assertThat(plan.notes()).contains("httpClientAsync skipped for protocol=h2c: the JDK's HttpClient has no "
                + "prior-knowledge HTTP/2 in cleartext (it only upgrades from HTTP/1.1)");
        // The full profile runs the gather too: there HTTP/1.1 at each N is the gather's own result.
        assertThat(plan(props("fetchbench.profile", "full")).measures().stream().filter(s -> s.shape() == Shape.gather
                && !s.sweep() && values(s, "protocol").equals(List.of("http1")) && values(s, "urls").contains("100"))
                .map(Measure::variant)).contains(Variant.valueOf("okHttpSized"), Variant.valueOf("httpClientAsync"),
                        Variant.valueOf("reactor"));
        // Each stack's floor over the protocols it speaks there, and a new client per batch over HTTPS.
        List<Step.Floor> floors = plan.steps().stream().filter(Step.Floor.class::isInstance)
                .map(Step.Floor.class::cast).toList();
        assertThat(floors).filteredOn(f -> !f.newClientPerBatch() && !f.protocols().equals(List.of(Protocol.http1)))
                .extracting(f -> f.stacks().get(0) + " " + f.protocols() + " " + f.urls())
                .containsExactlyInAnyOrder("okHttp [https1, h2, h2c] [100]", "jdkHttpClient [https1, h2] [100]",
                        "reactorNetty [https1, h2, h2c] [100]", "apacheAsync [https1, h2, h2c] [100]",
                        "apacheClassic [https1] [100]", "jetty [https1, h2, h2c] [100]");
        assertThat(floors).filteredOn(Step.Floor::newClientPerBatch)
                .extracting(f -> f.stacks().get(0) + " " + f.protocols() + " " + f.urls())
                .containsExactlyInAnyOrder("okHttp [https1] [100]", "jdkHttpClient [https1] [100]",
                        "reactorNetty [https1] [100]", "apacheAsync [https1] [100]", "apacheClassic [https1] [100]",
                        "jetty [https1] [100]");
        assertThat(plan.http2Stacks()).containsExactly(ClientStack.okHttp, ClientStack.jdkHttpClient,
                ClientStack.reactorNetty, ClientStack.apacheAsync, ClientStack.jetty);
    }

    @Test
    void theCostProfileRunsEachSettingAtItsLargestNAgainOnAJvmToldEightProcessors() throws Exception {
        RunPlan plan = plan(props("fetchbench.profile", "cost"));
        List<Measure> own = plan.measures().stream().filter(m -> !m.machine().told()).toList();
        List<Measure> told = plan.measures().stream().filter(m -> m.machine().told()).toList();
        // Every setting that gathers at N = 1000 on threads sized by the processors, and only there, once more.
        assertThat(told).extracting(Measure::variant).containsExactlyElementsOf(own.stream()
                .filter(m -> m.workloads().urls().contains(1000) && m.variant().model().card().sizedByProcessors())
                .map(Measure::variant).toList());
        assertThat(told).extracting(m -> m.variant().model().name()).contains("completableFuture", "virtualThreads",
                "reactor").doesNotContain("threadPool", "okHttpAsync", "sequential");
        assertThat(told).isNotEmpty().allSatisfy(m -> {
            assertThat(values(m, "urls")).containsExactly("1000");
            assertThat(values(m, "delayMs")).containsExactly("1");
            assertThat(m.machine().cores()).isEqualTo(Profile.TOLD_PROCESSORS);
            // The common pool of 8 processors has 7 threads: the theory of completableFuture follows it.
            assertThat(m.machine().defaultExecutorThreads()).isEqualTo(Profile.TOLD_PROCESSORS - 1);
            assertThat(m.forkProperties()).containsEntry(ResultKeys.TOLD_PROCESSORS, "8");
            assertThat(m.describe()).endsWith("on a JVM told it has 8 processors");
        });
        assertThat(own).allSatisfy(m -> assertThat(m.forkProperties()).doesNotContainKey(ResultKeys.TOLD_PROCESSORS));
        // The profile stays within its 15 minutes, the axis included (the server check and warm-up besides: 1 min).
        assertThat(plan.predictedSeconds(Profile.COST.warmupIterations(), Profile.COST.measurementIterations(),
                Profile.COST.forks())).isLessThan(14 * 60);
        // A machine of 8 cores or more has the count already: the axis is left out, saying so.
        RunPlan eight = RunPlan.of(RunOptions.parse(new String[0], props("fetchbench.profile", "cost")),
                new fetchbench.theory.Machine(8, 7));
        assertThat(eight.measures()).noneMatch(m -> m.machine().told());
        assertThat(eight.notes()).contains("the cpus axis (forks told 8 processors) is left out: this machine has 8 already");
        // The full profile runs everything but this axis.
        assertThat(plan(props("fetchbench.profile", "full")).measures()).noneMatch(m -> m.machine().told());
        // Asked for a model or a workload, the run is the user's: no axis is added.
        assertThat(plan(props("fetchbench.profile", "cost", "fetchbench.urls", "1000")).measures())
                .noneMatch(m -> m.machine().told());
        assertThat(plan(props("fetchbench.profile", "cost", "fetchbench.model", "virtualThreads")).measures())
                .noneMatch(m -> m.machine().told());
    }

    /** A protocol the user gives is what every step speaks, and no protocol section is added. */
    @Test
    void aProtocolGivenIsSpokenByEveryStepThatCan() throws Exception {
        RunPlan plan = plan(props("fetchbench.protocol", "h2c", "fetchbench.model", "httpClientAsync,reactor"));
        assertThat(plan.measures()).allSatisfy(s -> {
            assertThat(s.variant().model()).isEqualTo(Model.reactor);
            assertThat(values(s, "protocol")).containsExactly("h2c");
        });
        // Named, reactor runs in the default run's shape (the others are named, or the shapes profile's).
        assertThat(plan.measures().stream().map(Measure::shape).distinct()).containsExactly(Shape.gather);
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("httpClientAsync skipped for protocol=h2c"));
        assertThatThrownBy(() -> plan(props("fetchbench.protocol", "h2c", "fetchbench.model", "httpClientAsync")))
                .isInstanceOf(OptionException.class).hasMessageStartingWith("nothing to run: httpClientAsync skipped "
                        + "for protocol=h2c");
    }

    @Test
    void theMachinesCoresAreAnInputOfThePredictions() throws Exception {
        RunOptions options = RunOptions.parse(new String[0], props("fetchbench.profile", "shapes"));

        // A pool of 16 shares the CPU work on 2 cores, so the CPU bounds its batch; on 16 cores the work runs at once.
        assertThat(cpuHeavyThreadPoolMillis(RunPlan.of(options, TWO_CORES)))
                .isGreaterThan(cpuHeavyThreadPoolMillis(RunPlan.of(options, new Machine(16, 15))));
    }

    private static double cpuHeavyThreadPoolMillis(RunPlan plan) {
        return plan.measures().stream().filter(s -> s.shape() == Shape.cpuHeavy && s.variant().model() == Model.threadPool)
                .flatMap(s -> s.batchMillis().stream()).mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void everyShapeRunsEveryModelThatCanDoIt() throws Exception {
        RunPlan plan = plan(props("fetchbench.profile", "shapes"));

        assertThat(plan.measures()).noneMatch(s -> s.shape() == Shape.gather);
        for (Shape shape : Shape.values()) {
            if (shape == Shape.gather) {
                continue;
            }
            List<Model> models = models(plan.measures().stream().filter(s -> s.shape() == shape).toList())
                    .stream().distinct().toList();
            // The shapes profile leaves a few out to stay within its budget (each card says which, and why).
            List<Model> leftOut = Profile.compared(shape).stream().map(Variant::model).distinct()
                    .filter(m -> Profile.compared(shape).stream().filter(v -> v.model() == m)
                            .allMatch(v -> v.leftOutOfDefault(shape).isPresent())).toList();
            List<Model> runnable = Stream.of(Model.values()).filter(m -> m.unavailableReason().isEmpty())
                    .filter(m -> !leftOut.contains(m)).toList();
            if (shape == Shape.race) {
                assertThat(models).containsExactlyElementsOf(runnable.stream().filter(m -> m != Model.sequential).toList());
            } else {
                assertThat(models).containsExactlyElementsOf(runnable);
            }
        }
        List<Measure> workers = plan.measures().stream().filter(s -> s.shape() == Shape.workers).toList();
        assertThat(workers).allSatisfy(s -> {
            assertThat(values(s, "delayProfile")).containsExactly("staggered");
            assertThat(values(s, "concurrency")).containsExactly(
                    s.variant().model() == Model.sequential ? "1" : String.valueOf(Profile.WORKER_COUNT));
        });
        Measure cpuPools = plan.measures().stream()
                .filter(s -> s.shape() == Shape.cpuHeavy && s.variant().model() == Model.threadPool).findFirst()
                .orElseThrow();
        assertThat(values(cpuPools, "concurrency")).containsExactly("2", "16");
        assertThat(plan.jmhSteps()).extracting(Step.Jmh::benchmarkName)
                .contains("fetchbench.bench.DeadlineBenchmark.deadline");
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

        Step.Floor floor = floor(plan);
        assertThat(floor.benchmarkName()).isEqualTo("fetchbench.bench.BareClientBenchmark.gather");
        assertThat(values(floor, "urls")).containsExactly("100");
        List<Measure> sweep = plan.measures();
        List<String> settings = List.of("1", "2", "4", "8", "16", "32", "64", "100");
        assertThat(sweep).allSatisfy(s -> {
            assertThat(s.sweep()).isTrue();
            assertThat(s.shape()).isEqualTo(Shape.gather);
            assertThat(values(s, "urls")).containsExactly("100");
            assertThat(values(s, "delayMs")).containsExactly("80");
            assertThat(values(s, "delayProfile")).containsExactly("lognormal");
            assertThat(s.forkProperties()).containsEntry(ResultKeys.SWEPT, s.variant().model().knob().name());
        });
        assertThat(models(sweep).stream().distinct()).containsExactly(Model.threadPool,
                Model.completableFuture, Model.virtualThreads, Model.okHttpAsync, Model.httpClientAsync, Model.reactor,
                Model.apacheAsync, Model.jettyAsync, Model.apacheVirtualThreads);
        assertThat(sweep).filteredOn(s -> !s.variant().model().knob().sweptWithMaxRequests())
                .allSatisfy(s -> assertThat(values(s, "concurrency")).isEqualTo(settings));
        // OkHttp: one step per k with maxRequestsPerHost = maxRequests = k, for each connection pool.
        List<Measure> okHttp = sweep.stream().filter(s -> s.variant().model() == Model.okHttpAsync).toList();
        assertThat(okHttp).hasSize(16);
        assertThat(okHttp).allSatisfy(s -> assertThat(values(s, "maxRequests")).isEqualTo(values(s, "concurrency")));
        assertThat(okHttp.subList(0, 8)).flatExtracting(s -> values(s, "concurrency")).isEqualTo(settings);
        assertThat(okHttp.subList(0, 8)).allSatisfy(s ->
                assertThat(values(s, "connectionPool")).containsExactly("sized"));
        assertThat(okHttp.subList(8, 16)).allSatisfy(s ->
                assertThat(values(s, "connectionPool")).containsExactly("okHttpDefault"));
        // A slow setting gets the slow budget: k = 1 is 100 batches of 80 ms.
        assertThat(sweep.get(0).batches()).isEqualTo(Batches.SLOW);

        assertThatThrownBy(() -> plan(props("fetchbench.sweep", "1..8"), "-p", "urls=10", "-p", "model=sequential"))
                .hasMessageStartingWith("bad value 'sequential' for model with a sweep; allowed: threadPool,");
        assertThatThrownBy(() -> plan(props("fetchbench.sweep", "1..8"), "-p", "urls=10,20"))
                .hasMessageContaining("allowed: one positive integer");
    }

    @Test
    void theFullProfileSweepsEveryModelsKnobAndTheDefaultRunNone() throws Exception {
        assertThat(plan(props()).measures()).noneMatch(Measure::sweep);
        List<Measure> sweep = plan(props("fetchbench.profile", "smoke")).measures().stream().filter(Measure::sweep)
                .toList();

        // The smoke run sweeps threadPool's pool size and OkHttp's Dispatcher; the full profile every model's knob.
        assertThat(models(sweep).stream().distinct()).containsExactly(Model.threadPool, Model.okHttpAsync);
        assertThat(models(plan(props("fetchbench.profile", "full")).measures().stream().filter(Measure::sweep)
                .toList()).stream().distinct()).containsExactly(Model.threadPool, Model.completableFuture,
                Model.virtualThreads, Model.okHttpAsync, Model.httpClientAsync, Model.reactor, Model.apacheAsync,
                Model.jettyAsync, Model.apacheVirtualThreads);
        assertThat(plan(props("fetchbench.profile", "full")).measures().stream().filter(Measure::sweep).toList())
                .allSatisfy(s -> {
                    assertThat(values(s, "urls")).containsExactly("100");
                    // A sweep's short batches get what a gather does: the run's (in the run's forks).
                    assertThat(s.batches()).isEqualTo(Batches.RUN);
                });
        assertThat(plan(props(), "-p", "urls=50").measures()).noneMatch(Measure::sweep);
    }

    @Test
    void workloadOptionsMeanGatherUnlessAShapeIsNamed() throws Exception {
        RunPlan gatherOnly = plan(props(), "-p", "urls=5");
        assertThat(gatherOnly.measures()).allSatisfy(s -> assertThat(s.shape()).isEqualTo(Shape.gather));
        assertThat(gatherOnly.notes()).anyMatch(n -> n.contains("the other shapes run with them when named"));

        RunPlan deadline = plan(props(), "DeadlineBenchmark", "-p", "urls=6", "-p", "model=virtualThreads");
        Measure step = deadline.measures().stream().filter(s -> s.shape() == Shape.deadline).findFirst()
                .orElseThrow();
        assertThat(values(step, "urls")).containsExactly("6");
        assertThat(deadline.measures()).noneMatch(s -> s.shape() == Shape.workers);

        assertThatThrownBy(() -> plan(props(), "FailuresBenchmark", "-p", "urls=3"))
                .isInstanceOf(OptionException.class)
                .hasMessage("bad value '3' for urls with FailuresBenchmark; allowed: >= 7");
    }

    @Test
    void theFullProfileAddsTheScaleTestForTheModelsThatCan() throws Exception {
        RunPlan plan = plan(props("fetchbench.profile", "full"));

        List<Step.Jmh> scale = plan.jmhSteps().stream().filter(s -> values(s, "urls").contains("10000")).toList();
        assertThat(scale).extracting(Step.Jmh::benchmarkName).containsExactly(
                "fetchbench.bench.BareClientBenchmark.gather", "fetchbench.bench.GatherBenchmark.gather",
                "fetchbench.bench.GatherBenchmark.gather");
        assertThat(values(scale.get(0), "delayMs")).containsExactly("1"); // the floor at N = 10 000 too
        assertThat(((Measure) scale.get(1)).variant().model()).isEqualTo(Model.virtualThreads);
        assertThat(values(scale.get(1), "delayMs")).containsExactly("1000");
        assertThat(((Measure) scale.get(2)).variant()).isEqualTo(Variant.valueOf("okHttpSized"));
        assertThat(values(scale.get(2), "concurrency")).containsExactly("10000");
        assertThat(plan.largestN()).isEqualTo(10_000);
    }

    @Test
    void okHttpRunsWithItsOwnDefaultsAndTunedToTheLargestN() throws Exception {
        List<Measure> steps = plan(props(), "-p", "model=okHttpAsync", "-p", "urls=10,300").measures();

        // OkHttp's defaults at N = 300 take 6 s a batch: that N gets the slow budget in a step of its own.
        assertThat(steps).hasSize(3);
        assertThat(steps.subList(0, 2)).allSatisfy(s -> {
            assertThat(values(s, "concurrency")).containsExactly("5");
            assertThat(values(s, "maxRequests")).containsExactly("64");
        });
        assertThat(steps.get(0).batches().withForks(0)).isEqualTo(Batches.RUN);
        assertThat(steps.get(1).batches().withForks(0)).isEqualTo(Batches.SLOW);
        assertThat(values(steps.get(2), "concurrency")).containsExactly("300");
        assertThat(values(steps.get(2), "maxRequests")).containsExactly("300");
    }

    @Test
    void aModelAskedForByNameRunsAtEveryN() throws Exception {
        List<Measure> steps = plan(props("fetchbench.model", "sequential"), "-p", "urls=5,1000").measures();

        // N = 1000 is 100 s a batch: a step of its own with the slow budget, N = 5 (0.5 s) with the run's.
        assertThat(steps).flatExtracting(s -> values(s, "urls")).containsExactly("5", "1000");
        assertThat(steps.get(1).batches().withForks(0)).isEqualTo(Batches.SLOW);
    }

    @Test
    void concurrencyAppliesOnlyToModelsWithThatKnob() throws Exception {
        RunPlan plan = plan(props(), "-p", "model=threadPool,virtualThreads,completableFuture", "-p", "concurrency=4,8");
        List<Measure> steps = plan.measures();

        assertThat(values(steps.get(0), "concurrency")).containsExactly("4", "8");
        // virtualThreads takes it as a semaphore's permits.
        assertThat(values(steps.get(1), "concurrency")).containsExactly("4", "8");
        assertThat(values(steps.get(2), "concurrency")).containsExactly("4", "8");
        assertThat(plan.notes()).noneMatch(note -> note.contains("has no concurrency setting"));
    }

    @Test
    void commandLineWinsOverSystemProperties() throws Exception {
        List<Measure> steps = plan(props("fetchbench.urls", "7", "fetchbench.model", "threadPool"), "-p", "urls=9")
                .measures();

        assertThat(values(steps.get(0), "urls")).containsExactly("9");
    }

    @Test
    void everyModelHasAVariantOfItsOwnNameForTheSettingsAUserGives() {
        for (Model model : Model.values()) {
            assertThat(Variant.of(model).model()).isEqualTo(model);
        }
        for (Shape shape : Shape.values()) {
            assertThat(Profile.compared(shape)).doesNotHaveDuplicates();
        }
        assertThat(Sweep.MODELS).containsExactly(Model.threadPool, Model.completableFuture, Model.virtualThreads,
                Model.okHttpAsync, Model.httpClientAsync, Model.reactor, Model.apacheAsync, Model.jettyAsync,
                Model.apacheVirtualThreads).allMatch(Model::hasConcurrencyKnob);
        // jmh.json records a variant by name: one name, one variant.
        assertThat(Variant.all().stream().map(Variant::name)).doesNotHaveDuplicates();
        assertThat(Variant.all()).allSatisfy(v -> assertThat(Variant.valueOf(v.name())).isSameAs(v));
    }

    @Test
    void predictionsFollowQueueingTheory() {
        assertThat(Theory.here().batchMillis(new Limits(Model.sequential, 1, 0), 10, 100)).isEqualTo(1000);
        assertThat(Theory.here().batchMillis(new Limits(Model.threadPool, 20, 0), 100, 100)).isEqualTo(500);
        assertThat(Theory.here().batchMillis(new Limits(Model.threadPool, 20, 0), 101, 100)).isEqualTo(600);
        assertThat(Theory.here().batchMillis(new Limits(Model.virtualThreads, 0, 0), 1000, 100)).isEqualTo(100);
        assertThat(Theory.here().batchMillis(new Limits(Model.okHttpAsync, 0, 64), 1000, 100)).isEqualTo(20_000);
        assertThat(Theory.here().batchMillis(new Limits(Model.okHttpAsync, 1000, 64), 1000, 100)).isEqualTo(1_600);
        assertThat(Theory.here().batchMillis(new Limits(Model.okHttpAsync, 1000, 1000), 1000, 100)).isEqualTo(100);
    }

    @Test
    void mixedDelaysArePredictedByTheGreedySchedule() {
        List<Integer> delays = List.of(150, 100, 50, 20, 150, 100, 50, 20);

        // Two workers, each taking the next URL when it is free, are both done at 320 ms.
        assertThat(Theory.here().batchMillis(new Limits(Model.threadPool, 2, 0), delays)).isEqualTo(320);
        assertThat(Theory.here().batchMillis(new Limits(Model.sequential, 1, 0), delays)).isEqualTo(640);
        assertThat(Theory.here().batchMillis(new Limits(Model.virtualThreads, 0, 0), delays)).isEqualTo(150);
        assertThat(Theory.here().batchMillis(new Limits(Model.threadPool, 2, 0), List.of(100, 100, 100)))
                .isEqualTo(Theory.here().batchMillis(new Limits(Model.threadPool, 2, 0), 3, 100));
    }

    @Test
    void planOnlyPrintsEveryStepWithItsPredictionAndRunsNothing(@TempDir Path results) throws Exception {
        Properties properties = props("fetchbench.results", results.resolve("runs").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = FetchBench.run(new String[] {"--plan", "-p", "model=okHttpAsync", "-p", "urls=10,300"}, properties,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).satisfiesExactly(
                note -> assertThat(note).startsWith("note: urls, delayMs"),
                check -> assertThat(check).isEqualTo("server check at urls=10,300 delayMs=100"),
                floor -> assertThat(floor).startsWith("floor: bare client (okHttp) with a 1 ms delay, urls=10,300 (3 × 1+8 batches"),
                okHttp -> assertThat(okHttp).startsWith("okHttpAsync urls=10 delayMs=100 concurrency=5 "
                        + "maxRequests=64 (3 × 1+4 batches, predicted "),
                slow -> assertThat(slow).startsWith("okHttpAsync urls=300 delayMs=100 concurrency=5 "
                        + "maxRequests=64 (3 × 1+2 batches, predicted "),
                sized -> assertThat(sized).startsWith("okHttpSized urls=10,300 delayMs=100 concurrency=300 "
                        + "maxRequests=300 (3 × 1+4 batches, predicted "),
                total -> assertThat(total).startsWith("4 JMH runs, predicted about "));
        assertThat(results.resolve("runs")).doesNotExist();
    }

    @Test
    void theStepsRunShuffledByTheirSeedWithTheFloorFirst() throws Exception {
        List<Step.Jmh> planned = plan(props()).jmhSteps();

        List<Step.Jmh> one = JmhRunner.shuffled(planned, 7);
        assertThat(one.get(0)).isInstanceOf(Step.Floor.class);
        assertThat(one).containsExactlyInAnyOrderElementsOf(planned).isNotEqualTo(planned);
        assertThat(JmhRunner.shuffled(planned, 7)).isEqualTo(one);
        assertThat(JmhRunner.shuffled(planned, 8)).isNotEqualTo(one);
        assertThat(RunOptions.parse(new String[0], props("fetchbench.order", "7")).order()).isEqualTo(7);
        assertThatThrownBy(() -> RunOptions.parse(new String[0], props("fetchbench.order", "x")))
                .hasMessageStartingWith("bad value 'x' for fetchbench.order; allowed: an integer");
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
