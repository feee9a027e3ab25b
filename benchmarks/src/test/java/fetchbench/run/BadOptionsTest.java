package fetchbench.run;

import fetchbench.Locks;
import fetchbench.Processes;

import fetchbench.FetchBench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad option: one line naming the option and what is allowed, exit code 2, nothing under results/. */
class BadOptionsTest {

    @TempDir
    Path results;

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("-p", "model=greenThreads"), "", "model",
                        "sequential, threadPool, completableFuture, virtualThreads, okHttpAsync, httpClientAsync, structured"),
                Arguments.of(List.of("-p", "urls=0"), "", "urls", "a positive integer"),
                Arguments.of(List.of("-p", "urls=-5"), "", "urls", "a positive integer"),
                Arguments.of(List.of("-p", "urls=ten"), "", "urls", "a positive integer"),
                Arguments.of(List.of("-p", "delayMs=-1"), "", "delayMs", "an integer >= 0"),
                Arguments.of(List.of("-p", "delayProfile=normal"), "", "delayProfile", "fixed, uniform, staggered, lognormal"),
                Arguments.of(List.of("-p", "connectionPool=okhttp-default"), "", "connectionPool", "sized, okHttpDefault"),
                Arguments.of(List.of("-p", "model=threadPool", "-p", "concurrency=0"), "", "concurrency",
                        "a pool size >= 1"),
                Arguments.of(List.of("-p", "colour=blue"), "", "colour", "model, urls, delayMs"),
                Arguments.of(List.of("-f", "0"), "", "-f", "1 or more"),
                Arguments.of(List.of(), "fetchbench.target=localhost:8080", "fetchbench.target",
                        "an http or https URL with host and port"),
                Arguments.of(List.of(), "fetchbench.target=http://", "fetchbench.target",
                        "an http or https URL with host and port"),
                Arguments.of(List.of(), "fetchbench.target=ftp://example.org:21", "fetchbench.target",
                        "an http or https URL with host and port"),
                Arguments.of(List.of(), "fetchbench.urls=100,x", "urls", "a positive integer"),
                Arguments.of(List.of(), "fetchbench.profile=huge", "fetchbench.profile", "default, smoke, clients, shapes, protocols"),
                Arguments.of(List.of("-p", "model=okHttpAsync", "-p", "maxRequests=0"), "", "maxRequests",
                        "a positive integer"),
                Arguments.of(List.of("-p", "seed=forty-two"), "", "seed", "an integer"),
                Arguments.of(List.of("-p", "protocol=http3"), "", "protocol", "http1, https1, h2, h2c"),
                Arguments.of(List.of(), "fetchbench.protocol=h2,spdy", "protocol", "http1, https1, h2, h2c"),
                Arguments.of(List.of("-p", "protocol=h2c", "-p", "model=httpClientAsync"), "", "protocol=h2c",
                        "no prior-knowledge HTTP/2 in cleartext"),
                Arguments.of(List.of(), "fetchbench.maxConcurrentStreams=0", "fetchbench.maxConcurrentStreams",
                        "an integer from 1 to 100000"),
                Arguments.of(List.of(), "fetchbench.order=first", "fetchbench.order", "an integer"),
                Arguments.of(List.of("-p", "rate=0"), "", "rate", "a positive integer (gathers arriving per second"),
                Arguments.of(List.of("-p", "callers=many"), "", "callers", "a positive integer (M callers"),
                Arguments.of(List.of(), "fetchbench.arrivals=bursty", "arrivals", "one of poisson, uniform"),
                Arguments.of(List.of(), "fetchbench.p99Ms=-3", "fetchbench.p99Ms", "a number of milliseconds > 0"),
                Arguments.of(List.of(), "fetchbench.taskset=0:0", "fetchbench.taskset", "SERVER:FORKS, two CPU lists"),
                Arguments.of(List.of(), "fetchbench.taskset=all", "fetchbench.taskset", "SERVER:FORKS, two CPU lists"),
                Arguments.of(List.of(), "fetchbench.margin=wide", "fetchbench.margin", "a share from 0.001 to 0.5"),
                Arguments.of(List.of(), "fetchbench.margin=80%", "fetchbench.margin", "a share from 0.001 to 0.5"),
                Arguments.of(List.of("LoadBenchmark"), "fetchbench.target=http://192.0.2.1:8080", "fetchbench.target",
                        "the load goes to the loopback only"),
                Arguments.of(List.of("-p", "delayProfile=uniform:1.5"), "", "delayProfile", "uniform:S with 0 < S <= 1"),
                Arguments.of(List.of("-p", "delayProfile=lognormal:6"), "", "delayProfile", "lognormal:σ with 0 < σ <= 5"),
                Arguments.of(List.of(), "fetchbench.args=-zz 3", "not a recognized option",
                        "allowed: JMH's options (java -jar benchmarks/target/benchmarks.jar -h lists them)"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badOptions")
    void isRejectedInOneLine(List<String> args, String property, String option, String allowed) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("fetchbench.results", results.toString());
        if (!property.isEmpty()) {
            String[] kv = property.split("=", 2);
            properties.setProperty(kv[0], kv[1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = FetchBench.run(args.toArray(String[]::new), properties,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(FetchBench.EXIT_BAD_OPTION);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("fetchbench: ").contains(option).contains(allowed);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        try (Stream<Path> written = Files.list(results)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    @Tag("integration")
    void exitsNonZeroAsAProcess() throws Exception {
        try (Processes.Jvm jvm = Processes.start(FetchBench.class,
                List.of("-Dfetchbench.results=" + results.resolve("runs")), List.of("-p", "model=greenThreads"))) {
            assertThat(jvm.awaitExit(60)).isEqualTo(FetchBench.EXIT_BAD_OPTION);
            assertThat(jvm.all()).containsExactly("fetchbench: bad value 'greenThreads' for model (-p model=… or "
                + "-Dfetchbench.model=…); allowed: one of sequential, threadPool, completableFuture, "
                + "virtualThreads, okHttpAsync, httpClientAsync, structured, reactor, apacheAsync, jettyAsync, apacheVirtualThreads");
        }
        assertThat(results.resolve("runs")).doesNotExist();
    }

    /** What Maven runs before the tests: a run that could not start stops the build there, in one line. */
    @Test
    @Tag("integration")
    void checkRefusesWhileAnotherJmhRunHoldsItsLockAndPassesOtherwise() throws Exception {
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        List<String> jvmArgs = List.of("-Dfetchbench.results=" + results.resolve("runs"), "-Dfetchbench.goals=[verify]");
        // Waits for a benchmark that holds the lock, but never for ever: a minute, then a failure that says why.
        try (Locks.Held held = Locks.take(lock, Duration.ofMinutes(1));
             Processes.Jvm jvm = Processes.start(FetchBench.class, jvmArgs, List.of("--check"))) {
            assertThat(held.lock().isValid()).isTrue();
            assertThat(jvm.awaitExit(60)).isEqualTo(FetchBench.EXIT_BAD_OPTION);
            assertThat(jvm.all()).containsExactly("fetchbench: another JMH run holds " + lock + " (one benchmark at a "
                    + "time on a machine); wait for it to end, or stop it, and run again");
        }
        try (Processes.Jvm jvm = Processes.start(FetchBench.class, jvmArgs, List.of("--check"))) {
            assertThat(jvm.awaitExit(60)).as("%s", jvm.all()).isZero();
            assertThat(jvm.all()).singleElement().asString().startsWith("[fetchbench] checked before the tests:");
        }
        // ./mvnw test runs no benchmarks: nothing to check for them, even a bad option.
        try (Processes.Jvm jvm = Processes.start(FetchBench.class, List.of("-Dfetchbench.goals=[test]"),
                List.of("--check", "-p", "model=greenThreads"))) {
            assertThat(jvm.awaitExit(60)).as("%s", jvm.all()).isZero();
            assertThat(jvm.all()).isEmpty();
        }
        assertThat(results.resolve("runs")).doesNotExist();
    }
}
