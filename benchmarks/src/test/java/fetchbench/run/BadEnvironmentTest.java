package fetchbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.FetchBench;
import fetchbench.Processes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder that cannot be written or fills up, a port held by something that is not
 * WireMock, and a WireMock that dies mid-run: each ends the run in one line that names the
 * cause, with an exit code other than 0, keeping whole what was measured before. The unwritable
 * and the full folder are real file systems (a tmpfs, read-only or small) in a mount namespace of
 * the run's own, made by {@code unshare} without privileges.
 */
@Tag("integration")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BadEnvironmentTest {

    private static final List<String> QUICK = List.of("-f", "1", "-wi", "0", "-i", "1", "-p", "model=threadPool",
            "-p", "concurrency=5", "-p", "urls=5", "-p", "delayMs=10");
    private static final List<String> SLOW = List.of("-f", "1", "-wi", "0", "-i", "1", "-p", "model=sequential",
            "-p", "urls=50", "-p", "delayMs=1000");
    /** Runs the rest of the command in a mount namespace of its own, as root of a user namespace. */
    private static final List<String> UNSHARE = List.of("unshare", "--user", "--map-root-user", "--mount");

    @TempDir
    Path temp;

    /** A read-only and a small tmpfs need a mount namespace of the test's own; some containers forbid one. */
    private static void assumeUnshareWorks() throws Exception {
        Assumptions.assumeTrue(Processes.run(Stream.concat(UNSHARE.stream(), Stream.of("true")).toList(), 30) == 0,
                "unshare --user --map-root-user --mount is not allowed here, so no tmpfs can be mounted");
    }

    @Test
    void aReadOnlyResultsFolderIsRefusedInOneLineBeforeAnythingStarts() throws Exception {
        assumeUnshareWorks();
        Path results = Files.createDirectory(temp.resolve("results"));
        List<String> wrapper = Stream.concat(UNSHARE.stream(), Stream.of("sh", "-c",
                "mount -t tmpfs -o ro,size=1m tmpfs \"$0\" && exec \"$@\"", results.toString())).toList();
        try (Processes.Jvm jvm = Processes.startUnder(wrapper, FetchBench.class,
                List.of("-Dfetchbench.results=" + results), QUICK)) {
            assertThat(jvm.awaitExit(60)).isEqualTo(FetchBench.EXIT_BAD_OPTION);
            assertThat(jvm.all()).containsExactly("fetchbench: cannot write the results folder " + results
                    + " (-Dfetchbench.results): Read-only file system");
        }
        Files.writeString(temp.resolve("a-file"), "not a folder");
        try (Processes.Jvm jvm = Processes.start(FetchBench.class,
                List.of("-Dfetchbench.results=" + temp.resolve("a-file/results")), QUICK)) {
            assertThat(jvm.awaitExit(60)).isEqualTo(FetchBench.EXIT_BAD_OPTION);
            assertThat(jvm.all()).hasSize(1).first().asString()
                    .startsWith("fetchbench: cannot write the results folder " + temp.resolve("a-file/results")
                            + " (-Dfetchbench.results): ");
        }
    }

    /**
     * The results folder is a 32 MB tmpfs, filled up once the second step begins: the run stops
     * after that step in one line, and keeps the first step's results whole, marked incomplete.
     */
    @Test
    void aResultsFolderThatFillsUpStopsTheRunAndKeepsTheStepsBefore() throws Exception {
        assumeUnshareWorks();
        Path results = Files.createDirectory(temp.resolve("results"));
        Path after = Files.createDirectory(temp.resolve("after"));
        Path console = temp.resolve("console.txt");
        String script = """
                dir="$0"; log="$1"; after="$2"; shift 2
                mount -t tmpfs -o size=32m tmpfs "$dir" || exit 90
                "$@" > "$log" 2>&1 &
                pid=$!
                i=0
                until grep -q '^\\[fetchbench\\] step 2/' "$log"; do
                    sleep 0.2; i=$((i + 1))
                    if [ $i -ge 1000 ] || ! kill -0 $pid 2>/dev/null; then kill $pid; exit 91; fi
                done
                dd if=/dev/zero of="$dir/filler" bs=4k 2>/dev/null
                wait $pid; rc=$?
                rm -f "$dir/filler"
                cp -a "$dir/." "$after/"
                exit $rc
                """;
        List<String> wrapper = Stream.concat(UNSHARE.stream(), Stream.of("sh", "-c", script, results.toString(),
                console.toString(), after.toString())).toList();
        try (Processes.Jvm jvm = Processes.startUnder(wrapper, FetchBench.class,
                List.of("-Dfetchbench.results=" + results), QUICK)) {
            assertThat(jvm.awaitExit(240)).as("%s", Files.exists(console) ? Files.readString(console) : "")
                    .isEqualTo(FetchBench.EXIT_RUN_FAILED);
        }
        List<String> lines = Files.readAllLines(console);
        Path run;
        try (Stream<Path> runs = Files.list(after)) {
            run = runs.findFirst().orElseThrow();
        }
        String runInNamespace = results.resolve(run.getFileName()).toString();
        assertThat(lines).as("%s", lines).filteredOn(l -> l.startsWith("fetchbench: ")).singleElement().asString()
                .startsWith("fetchbench: run failed during step 2/")
                .contains(": cannot write " + runInNamespace + "/jmh.json: No space left on device; ")
                .endsWith("the results of the steps before it are kept, marked incomplete, in " + runInNamespace);
        JsonObject environment = JsonParser.parseString(Files.readString(run.resolve("environment.json")))
                .getAsJsonObject();
        assertThat(environment.get("complete").getAsBoolean()).isFalse();
        assertThat(environment.get("incomplete").getAsString()).startsWith("stopped after step 1/");
        JsonArray jmh = JsonParser.parseString(Files.readString(run.resolve("jmh.json"))).getAsJsonArray();
        assertThat(jmh.asList()).as("the floor, step 1, only").isNotEmpty().allSatisfy(r -> assertThat(
                r.getAsJsonObject().getAsJsonObject("params").has("model")).isFalse());
        InterruptionTest.assertWhole(after);
    }

    /** A port held by a listener that never answers: named, after the admin call's timeout. */
    @Test
    void aTargetPortHeldBySomethingElseIsNamedInOneLine() throws Exception {
        Path results = temp.resolve("results");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Processes.Jvm jvm = Processes.start(FetchBench.class, List.of("-Dfetchbench.results=" + results,
                     "-Dfetchbench.target=http://127.0.0.1:" + taken.getLocalPort()), QUICK)) {
            assertThat(jvm.awaitExit(120)).isEqualTo(FetchBench.EXIT_RUN_FAILED);
            assertThat(jvm.all()).filteredOn(l -> l.startsWith("fetchbench: ")).containsExactly(
                    "fetchbench: run failed: no WireMock at http://127.0.0.1:" + taken.getLocalPort()
                            + ": the port is held, but nothing answered HTTP within 10 s (no results written)");
        }
        assertThat(results).satisfiesAnyOf(r -> assertThat(r).doesNotExist(), r -> assertThat(r).isEmptyDirectory());
    }

    /** The server killed during step 2: the run names it, and keeps the floor, marked incomplete. */
    @Test
    void aWireMockThatDiesMidRunIsNamedAndWhatWasMeasuredKept() throws Exception {
        Path results = temp.resolve("results");
        try (Processes.Jvm jvm = Processes.start(FetchBench.class, List.of("-Dfetchbench.results=" + results), SLOW)) {
            String ready = jvm.awaitLine(l -> l.startsWith("[fetchbench] server ready"), 120);
            long serverPid = Long.parseLong(ready.replaceAll(".*\\(pid (\\d+)\\).*", "$1"));
            jvm.awaitLine(l -> l.startsWith("[fetchbench] step 2/"), 180);
            assertThat(Processes.run(List.of("kill", "-KILL", String.valueOf(serverPid)), 10)).isZero();

            assertThat(jvm.awaitExit(180)).as("%s", jvm.all()).isEqualTo(FetchBench.EXIT_RUN_FAILED);
            Path run;
            try (Stream<Path> runs = Files.list(results)) {
                run = runs.findFirst().orElseThrow();
            }
            assertThat(jvm.all()).filteredOn(l -> l.startsWith("fetchbench: ")).singleElement().asString()
                    .startsWith("fetchbench: run failed during step 2/")
                    .contains(": the WireMock server (pid " + serverPid + ") stopped during the run, exit code 137; ")
                    .contains("kept, marked incomplete, in " + run);
            JsonObject environment = JsonParser.parseString(Files.readString(run.resolve("environment.json")))
                    .getAsJsonObject();
            assertThat(environment.get("complete").getAsBoolean()).isFalse();
            assertThat(environment.get("incomplete").getAsString()).startsWith("failed during step 2/")
                    .contains("the WireMock server (pid " + serverPid + ") stopped");
            InterruptionTest.assertWhole(results);
        }
    }
}
