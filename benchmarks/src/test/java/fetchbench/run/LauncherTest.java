package fetchbench.run;

import fetchbench.workload.Workload;

import fetchbench.result.ResultKeys;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.FetchBench;
import fetchbench.Processes;
import fetchbench.TestServer;
import fetchbench.server.ServerProcess;
import fetchbench.server.ServerSettings;
import fetchbench.server.Stubs;
import fetchbench.server.TargetServer;
import fetchbench.workload.Responses;
import java.net.URI;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/** The launcher as a user runs it: a separate JVM with JMH forks and, by default, its own WireMock. */
@Tag("integration")
// A whole launcher run each (server, JMH forks, report), which a loaded machine slows.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherTest {

    /** A tiny run: one warm-up and one measured batch per setting. */
    private static final List<String> TINY = List.of("-f", "1", "-wi", "0", "-i", "1", "-p", "urls=5", "-p", "delayMs=10");

    @TempDir
    Path results;

    @Test
    void writesJmhJsonEnvironmentAndReportIntoANewFolder() throws Exception {
        // One run: that two runs never share a folder is RunDirectoryTest's.
        {
            // The smoke profile, which measures a footprint too.
            try (Processes.Jvm jvm = Processes.start(FetchBench.class, List.of("-Dfetchbench.results=" + results,
                    "-Dfetchbench.profile=smoke"), concat(TINY, List.of("-p", "model=virtualThreads,okHttpAsync")))) {
                assertThat(jvm.awaitExit(300)).as(String.join("\n", jvm.all())).isZero();
                assertThat(jvm.all()).anyMatch(l -> l.matches("\\[fetchbench] step [2-4]/4 · .* elapsed · about .* to go · virtualThreads urls=5 .*"));
                assertThat(jvm.all()).anyMatch(l -> l.startsWith("[fetchbench] server check: N=5 requests"));
                assertThat(jvm.all()).anyMatch(l -> l.startsWith("  - floor at N=5 (okHttp bare client, 1 ms delay):"));
                // JMH's own lines go to jmh.log; the console ends its summary with the verdict table.
                assertThat(jvm.all()).noneMatch(l -> l.startsWith("# Warmup") || l.startsWith("Iteration "));
                assertThat(jvm.all()).anyMatch(l -> l.startsWith("Fastest, gather, delay 10 ms fixed"));
                assertThat(jvm.all()).anyMatch(l -> l.startsWith("[fetchbench] all 4 steps done in "));
                // Then the checks, one ✓ or ✗ line each, and the report's path last; no JDK warnings.
                assertThat(jvm.all()).anyMatch(l -> l.startsWith("  - ✓ server check: ok at N=5"))
                        .anyMatch(l -> l.matches("  - [✓✗] steady results: .*"))
                        .noneMatch(l -> l.startsWith("WARNING:"));
                List<String> lines = jvm.all().stream().filter(l -> !l.isBlank()).toList();
                assertThat(lines.get(lines.size() - 1)).startsWith("[fetchbench] open the report: ")
                        .endsWith("index.html");
            }
        }

        List<Path> runs;
        try (Stream<Path> list = Files.list(results)) {
            runs = list.sorted().toList();
        }
        assertThat(runs).hasSize(1);
        for (Path run : runs) {
            JsonArray jmh = JsonParser.parseString(Files.readString(run.resolve("jmh.json"))).getAsJsonArray();
            // the floor, virtualThreads, okHttpAsync with OkHttp's defaults and tuned
            assertThat(jmh).hasSize(4);
            assertThat(jmh.asList()).allSatisfy(r -> {
                JsonObject params = r.getAsJsonObject().getAsJsonObject("params");
                assertThat(params.get("urls").getAsString()).isEqualTo("5");
                assertThat(r.getAsJsonObject().get("mode").getAsString()).isEqualTo("ss");
                // the resource profiler and JMH's gc profiler run in every run
                assertThat(r.getAsJsonObject().getAsJsonObject("secondaryMetrics").keySet())
                        .contains("threads.peak", "rss.peak", "gc.alloc.rate.norm");
            });
            JsonObject floor = jmh.get(0).getAsJsonObject();
            assertThat(floor.get("benchmark").getAsString()).endsWith("BareClientBenchmark.gather");
            assertThat(floor.getAsJsonObject("params").get("delayMs").getAsString()).isEqualTo("1");
            // Each measured result carries its variant as a key; the report words it.
            assertThat(jmh.asList().stream().filter(r -> r.getAsJsonObject().getAsJsonObject("params").has("model"))
                    .toList()).extracting(r -> r.getAsJsonObject().getAsJsonArray("jvmArgs")
                    .asList().stream().map(arg -> arg.getAsString()).filter(arg -> arg.startsWith(
                            "-D" + ResultKeys.VARIANT + "=")).toList()).containsExactlyInAnyOrder(
                    List.of("-Dfetchbench.variant=virtualThreads"), List.of("-Dfetchbench.variant=okHttpAsync"),
                    List.of("-Dfetchbench.variant=okHttpSized"));
            // The steps run shuffled, the floor first: find the model's result by its parameters.
            JsonObject virtualThreads = jmh.asList().stream().map(r -> r.getAsJsonObject())
                    .filter(r -> r.getAsJsonObject("params").has("model")
                            && r.getAsJsonObject("params").get("model").getAsString().equals("virtualThreads"))
                    .findFirst().orElseThrow();
            assertThat(virtualThreads.getAsJsonObject("secondaryMetrics").getAsJsonObject("inflight.peak")
                    .get("score").getAsDouble()).isEqualTo(5.0);
            assertThat(Files.readString(run.resolve("index.html"))).contains("<h2>Floor</h2>")
                    .contains("floor at N=5").doesNotContain("harness overhead").contains("Server check: ok at N=5");
            JsonObject env = JsonParser.parseString(Files.readString(run.resolve("environment.json"))).getAsJsonObject();
            assertThat(env.getAsJsonObject("machine").get("cores").getAsInt())
                    .isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(env.getAsJsonObject("libraries").get("okhttp").getAsString()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(env.getAsJsonObject("server").get("requestJournal").getAsBoolean()).isFalse();
            assertThat(env.get("runId").getAsString()).isEqualTo(run.getFileName().toString());
            assertThat(env.getAsJsonObject("source").get("commit").getAsString()).matches("[0-9a-f]{40}|unknown");
            assertThat(run.resolve("index.html")).isNotEmptyFile();
            assertThat(run.resolve("gather-10ms-fixed-models-N5.png")).isNotEmptyFile();
            assertThat(env.get("complete").getAsBoolean()).isTrue();
            assertThat(run.resolve("jmh.log")).doesNotExist();
            assertThat(jmhLog(run)).contains("# Fork: 1 of 1").contains("[fetchbench] step 4/4")
                    .doesNotContain("WARNING:");
        }
    }

    /**
     * Against a server too small for N, the check fails: the results are kept and marked, and
     * strict mode makes the run exit non-zero.
     */
    @Test
    void aFailedServerCheckMarksTheResultsAndFailsAStrictRun() throws Exception {
        // 10 threads for requests, besides the acceptor and selector of each of the two ports.
        ServerSettings starved = new ServerSettings(14, 1, 16, false);
        try (ServerProcess server = ServerProcess.start(starved);
             Processes.Jvm jvm = Processes.start(FetchBench.class, List.of("-Dfetchbench.results=" + results,
                     "-Dfetchbench.target=" + server.baseUri(), "-Dfetchbench.strict=true"),
                     List.of("-f", "1", "-wi", "0", "-i", "1", "-p", "urls=40", "-p", "delayMs=100",
                             "-p", "model=virtualThreads"))) {

            assertThat(jvm.awaitExit(300)).as(String.join("\n", jvm.all())).isEqualTo(FetchBench.EXIT_CHECK_FAILED);
            assertThat(jvm.all()).anyMatch(l -> l.startsWith("!!! [fetchbench] SERVER CHECK FAILED: N=40"));
            assertThat(jvm.all()).anyMatch(l -> l.startsWith("fetchbench: the server check failed at N=40 (strict mode)"));
            Path run;
            try (Stream<Path> written = Files.list(results)) {
                run = written.findFirst().orElseThrow();
            }
            assertThat(Files.readString(run.resolve("jmh.json"))).contains("-Dfetchbench.serverCheckFailed=40");
            assertThat(Files.readString(run.resolve("index.html"))).contains("server check failed at N=40")
                    .contains("<p class=\"sig\">Server check FAILED at N=40: ");
        }
    }

    /**
     * A wrong answer fails the run; what the steps before it measured is kept, marked incomplete in
     * environment.json and in the report (here the floor, which always runs first, and perhaps the
     * baseline, which the shuffled order may put before the failing step).
     */
    @Test
    void aWrongAnswerFailsTheRunAndKeepsWhatWasMeasuredMarkedIncomplete() throws Exception {
        // The external target answers URL i=2 with HTTP 500: verification must turn that into a failure.
        var failing = Stubs.admin(TestServer.uri()).register(get(urlPathEqualTo(Responses.path(10)))
                .withQueryParam("i", equalTo("2")).atPriority(1).willReturn(serverError()));
        try (Processes.Jvm jvm = Processes.start(FetchBench.class,
                List.of("-Dfetchbench.results=" + results, "-Dfetchbench.target=" + TestServer.uri()),
                concat(TINY, List.of("-p", "model=threadPool", "-p", "concurrency=2")))) {

            assertThat(jvm.awaitExit(300)).isEqualTo(FetchBench.EXIT_RUN_FAILED);
            assertThat(jvm.all()).anyMatch(l -> l.contains("threadPool: gather of 5 URLs had 1 problem(s)")
                    && l.contains("returned HTTP 500 instead of 200"));
            assertThat(jvm.all()).anyMatch(l -> l.startsWith("fetchbench: run failed during step ")
                    && l.contains("threadPool") && l.contains("marked incomplete"));
            List<Path> runs;
            try (Stream<Path> written = Files.list(results)) {
                runs = written.toList();
            }
            assertThat(runs).hasSize(1);
            Path run = runs.get(0);
            JsonArray jmh = JsonParser.parseString(Files.readString(run.resolve("jmh.json"))).getAsJsonArray();
            assertThat(jmh.asList()).as("the bare client's results only: the threadPool step failed").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getAsJsonObject().getAsJsonObject("params").has("model")).isFalse());
            JsonObject environment = JsonParser.parseString(Files.readString(run.resolve("environment.json")))
                    .getAsJsonObject();
            assertThat(environment.get("complete").getAsBoolean()).isFalse();
            assertThat(environment.get("incomplete").getAsString()).startsWith("failed during step ");
            assertThat(Files.readString(run.resolve("index.html"))).contains("Incomplete run: it failed during step ");
            assertThat(jmhLog(run)).contains("<failure>");
        } finally {
            Stubs.admin(TestServer.uri()).removeStubMapping(failing);
        }
    }

    /**
     * A server elsewhere over HTTPS: the run trusts the truststore it is given, speaks h2 where
     * asked, and every result says so; without the truststore it stops at once.
     */
    @Test
    void anHttpsTargetIsFetchedOverTlsTrustingOnlyTheTruststoreGiven() throws Exception {
        URI tls = TestServer.server().tlsBaseUri().orElseThrow();
        TargetServer.Trust trust = TestServer.server().trust().orElseThrow();
        try (Processes.Jvm jvm = Processes.start(FetchBench.class, List.of("-Dfetchbench.results=" + results,
                "-Dfetchbench.target=" + tls, "-Dfetchbench.truststore=" + trust.truststore(),
                "-Dfetchbench.truststorePassword=" + trust.password(), "-Dfetchbench.protocol=h2"),
                concat(TINY, List.of("-p", "model=okHttpAsync")))) {
            assertThat(jvm.awaitExit(300)).as("%s", jvm.all()).isZero();
        }
        Path run;
        try (Stream<Path> written = Files.list(results)) {
            run = written.findFirst().orElseThrow();
        }
        JsonArray jmh = JsonParser.parseString(Files.readString(run.resolve("jmh.json"))).getAsJsonArray();
        assertThat(jmh.asList()).isNotEmpty().allSatisfy(r -> assertThat(r.getAsJsonObject().getAsJsonObject("params")
                .get("protocol").getAsString()).isIn("h2", "https1"));
        try (Processes.Jvm jvm = Processes.start(FetchBench.class, List.of("-Dfetchbench.results=" + results,
                "-Dfetchbench.target=" + tls), concat(TINY, List.of("-p", "model=okHttpAsync")))) {
            assertThat(jvm.awaitExit(60)).isNotZero();
            assertThat(jvm.all()).anyMatch(line -> line.contains("an https target needs the truststore"));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The run's jmh.log, compressed when the run ended. */
    private static String jmhLog(Path run) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(run.resolve("jmh.log.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
