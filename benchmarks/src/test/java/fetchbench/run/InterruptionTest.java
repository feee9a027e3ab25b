package fetchbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.FetchBench;
import fetchbench.Locks;
import fetchbench.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C (SIGINT) and SIGTERM in each phase of a run and of the scripts, sent once the phase's
 * own line is printed, so that no test depends on timing. After each: the process and its
 * children are gone, the server's port and JMH's lock are free, no file is empty or cut short,
 * and what was kept says where the run stopped.
 */
@Tag("integration")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InterruptionTest {

    /** A run whose second step (one gather of 50 URLs, one at a time, 1 s each) lasts about a minute. */
    private static final List<String> SLOW = List.of("-f", "1", "-wi", "0", "-i", "1", "-p", "model=sequential",
            "-p", "urls=50", "-p", "delayMs=1000");
    /**
     * The floor, then (in the order of seed 1) a thread pool's gather of 50 URLs, all at once,
     * whose charts the report of what was kept has to draw, then the sequential one of a minute.
     */
    private static final List<String> TWO_MODELS = List.of("-f", "1", "-wi", "0", "-i", "1", "-p",
            "model=threadPool,sequential", "-p", "concurrency=50", "-p", "urls=50", "-p", "delayMs=1000");
    /** A run of short steps, to reach its report. */
    private static final List<String> QUICK = List.of("-f", "1", "-wi", "0", "-i", "1", "-p", "model=threadPool",
            "-p", "concurrency=5", "-p", "urls=5", "-p", "delayMs=10");
    /** A committed default run: its report has some fifty charts, seconds of rendering. */
    static final Path DEFAULT_RUN = Processes.REPOSITORY.resolve("results/2026-12-07T025757Z");

    /**
     * SIGINT or SIGTERM to the launcher; or SIGINT to its whole process group, as a terminal's
     * Ctrl-C is sent (the server and the fork get it too).
     */
    enum Signal {
        INT, TERM, CTRL_C_TO_GROUP;

        List<String> kill(long pid) {
            return this == CTRL_C_TO_GROUP ? List.of("kill", "-INT", "--", "-" + pid)
                    : List.of("kill", "-" + name(), String.valueOf(pid));
        }
    }

    @TempDir
    Path results;

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"INT", "TERM"})
    void whileTheServerStartsNothingIsWrittenAndNothingLeft(Signal signal) throws Exception {
        Stopped stopped = stopLauncher(SLOW, "[fetchbench] starting WireMock", 1, signal);
        assertThat(stopped.lastLine()).isEqualTo("[fetchbench] interrupted before the first step: nothing was "
                + "measured, so no run folder was kept");
        assertThat(runFolders()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"INT", "TERM"})
    void duringTheFloorNothingWasMeasuredSoNoFolderIsKept(Signal signal) throws Exception {
        Stopped stopped = stopLauncher(SLOW, "[fetchbench] step 1/", 2, signal);
        assertThat(stopped.lastLine()).startsWith("[fetchbench] interrupted during step 1/")
                .endsWith(": nothing was measured, so no run folder was kept");
        assertThat(runFolders()).isEmpty();
    }

    /**
     * The floor and the thread pool are kept, marked; their report is rendered as the run stops;
     * the last line names the folder; chart.sh renders it again.
     */
    @ParameterizedTest
    @EnumSource(Signal.class)
    void duringAMeasuredStepWhatWasMeasuredIsKeptMarkedAndCanBeRendered(Signal signal) throws Exception {
        Stopped stopped = stopLauncher(TWO_MODELS, "[fetchbench] step 3/3 ", 2, signal);
        Path run = onlyRunFolder();
        assertThat(stopped.lines()).anyMatch(l -> l.startsWith("[fetchbench] step 2/3 ") && l.contains("threadPool"));
        assertThat(stopped.lastLine()).startsWith("[fetchbench] interrupted during step 3/3 (sequential")
                .contains("results measured before it are kept, marked incomplete, in " + run)
                .endsWith("(scripts/chart.sh " + run + " renders their report)");
        assertThat(incomplete(run)).startsWith("was interrupted (Ctrl-C or SIGTERM) during step 3/3 (sequential");
        assertThat(Files.readString(run.resolve("index.html"))).contains("Incomplete run: it was interrupted");
        assertThat(stopped.lines()).as("the report of what was kept, rendered as the run stopped")
                .anyMatch(l -> l.startsWith("[fetchbench] report written: "))
                .noneMatch(l -> l.startsWith("fetchbench: charts failed"));
        try (Stream<Path> charts = Files.list(run)) {
            assertThat(charts.filter(f -> f.toString().endsWith(".png"))).as("the thread pool's charts").isNotEmpty();
        }

        Files.delete(run.resolve("index.html"));
        try (Processes.Jvm chart = Processes.startScript("chart.sh", Map.of(), List.of(run.toString()))) {
            assertThat(chart.awaitExit(120)).as("%s", chart.all()).isZero();
        }
        assertThat(Files.readString(run.resolve("index.html"))).contains("Incomplete run: it was interrupted");
        assertWhole(results);
    }

    /** Stopped while its report renders, a finished run keeps its results whole and complete. */
    @Test
    void whileTheRunsReportRendersTheResultsStayWholeAndComplete() throws Exception {
        Stopped stopped = stopLauncher(QUICK, "[fetchbench] rendering the report", 0, Signal.TERM);
        Path run = onlyRunFolder();
        JsonObject environment = environment(run);
        assertThat(environment.get("complete").getAsBoolean()).isTrue();
        // Signalled as the rendering begins: the page says it was interrupted, unless it was done first.
        String index = Files.readString(run.resolve("index.html"));
        assertThat(index.contains("The report was not finished") || index.contains("Which model?"))
                .as("index.html is one page or the other, whole:%n%s%n%s", index, stopped.lines()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"INT", "TERM"})
    void chartShStoppedLeavesAPageThatSaysSoAndWholeCharts(Signal signal) throws Exception {
        Path run = copyOfRun(DEFAULT_RUN, results.resolve("run"));
        try (Processes.Jvm chart = Processes.startScript("chart.sh", Map.of(), List.of(run.toString()))) {
            chart.awaitLine(l -> l.startsWith("rendering the report: "), 120);
            signal(chart.process(), signal);
            assertThat(chart.awaitExit(60)).isNotZero();
            assertThat(chart.all()).anyMatch(l -> l.startsWith("fetchbench: the report was interrupted after ")
                    && l.endsWith("charts; scripts/chart.sh " + run + " renders it"));
        }
        assertThat(Files.readString(run.resolve("index.html"))).contains("The report was not finished")
                .contains("scripts/chart.sh " + run);
        assertWhole(results);
    }

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"INT", "TERM"})
    void compareShStoppedWritesNoFolder(Signal signal) throws Exception {
        Path a = copyOfRun(DEFAULT_RUN, results.resolve("a"));
        Path b = copyOfRun(DEFAULT_RUN, results.resolve("b"));
        try (Processes.Jvm compare = Processes.startScript("compare.sh", Map.of(), List.of(a.toString(),
                b.toString()))) {
            String writing = compare.awaitLine(l -> l.startsWith("writing "), 120);
            signal(compare.process(), signal);
            assertThat(compare.awaitExit(60)).isNotZero();
            assertThat(compare.all().get(compare.all().size() - 1)).isEqualTo("compare: interrupted; "
                    + writing.substring("writing ".length(), writing.length() - " ...".length()) + " was not written");
        }
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("a", "b");
        }
        assertWhole(results);
    }

    @Test
    void tuneShStoppedKeepsTheSweepMeasuredSoFarMarked() throws Exception {
        try (Processes.Jvm tune = Processes.startScript("tune.sh", Map.of(), List.of("--urls", "40", "--delay",
                "1000", "--range", "1..2", "--models", "threadPool", "--results", results.toString()))) {
            Stopped stopped = stop(tune, "[fetchbench] step 2/", 2, Signal.INT);
            Path run = onlyRunFolder();
            assertThat(stopped.lastLine()).startsWith("[fetchbench] interrupted during step 2/")
                    .contains("kept, marked incomplete, in " + run);
            assertThat(incomplete(run)).startsWith("was interrupted (Ctrl-C or SIGTERM) during step 2/");
        }
    }

    /** What a stopped process printed, and its last line. */
    record Stopped(List<String> lines) {
        String lastLine() {
            return lines.get(lines.size() - 1);
        }
    }

    private Stopped stopLauncher(List<String> args, String marker, int children, Signal signal) throws Exception {
        // In a process group of its own (setsid), so that a Ctrl-C to the group reaches no test JVM.
        try (Processes.Jvm jvm = Processes.startUnder(List.of("setsid"), FetchBench.class,
                List.of("-Dfetchbench.results=" + results, "-Dfetchbench.order=1"), args)) {
            return stop(jvm, marker, children, signal);
        }
    }

    /**
     * Signals the process once {@code marker} is printed and it has {@code children} processes
     * (the server; the server and the JMH fork); then checks that nothing of it is left.
     */
    private Stopped stop(Processes.Jvm jvm, String marker, int children, Signal signal) throws Exception {
        jvm.awaitLine(l -> l.startsWith(marker), 240);
        List<ProcessHandle> started = awaitChildren(jvm.process(), children);
        List<Integer> ports = jvm.all().stream().filter(l -> l.startsWith("[fetchbench] server ready at "))
                .map(l -> Integer.parseInt(l.replaceAll(".*127\\.0\\.0\\.1:(\\d+).*", "$1"))).toList();
        signal(jvm.process(), signal);
        assertThat(jvm.awaitExit(120)).as("%s", jvm.all()).isNotZero();
        for (ProcessHandle child : started) {
            assertThat(Processes.awaitGone(child.pid(), 30)).as("child %d (%s) gone", child.pid(),
                    child.info().commandLine().orElse("?")).isTrue();
        }
        assertThat(jvm.process().descendants()).isEmpty();
        for (int port : ports) {
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(free.getLocalPort()).as("the server's port is free again").isEqualTo(port);
            }
        }
        try (Locks.Held lock = Locks.take(Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock"),
                Duration.ofSeconds(30))) {
            assertThat(lock.lock().isValid()).isTrue();
        }
        assertWhole(results);
        return new Stopped(List.copyOf(jvm.all()));
    }

    private static void signal(Process process, Signal signal) throws Exception {
        assertThat(Processes.run(signal.kill(process.pid()), 10)).isZero();
    }

    /** The process's children once there are {@code count} of them (polled, within 60 s). */
    private static List<ProcessHandle> awaitChildren(Process process, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<ProcessHandle> children = process.descendants().toList();
        while (children.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            children = process.descendants().toList();
        }
        assertThat(children).as("children of the process").hasSizeGreaterThanOrEqualTo(count);
        return children;
    }

    /**
     * No file under {@code root} is empty, cut short or left half-way under its hidden name: JSON
     * parses, a PNG ends with its IEND chunk, a page with its closing tag, a gzip reads to its end.
     */
    static void assertWhole(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            assertThat(walk.map(p -> p.getFileName().toString())).as("nothing under a hidden .part name")
                    .noneMatch(name -> name.endsWith(".part"));
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertThat(Files.size(file)).as("%s is empty", file).isPositive();
            if (name.endsWith(".json")) {
                JsonParser.parseString(Files.readString(file)); // throws where it is cut short
            } else if (name.endsWith(".png")) {
                byte[] png = Files.readAllBytes(file);
                byte[] end = Arrays.copyOfRange(png, png.length - 8, png.length);
                assertThat(end).as("%s ends with IEND", file).containsExactly(0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42,
                        0x60, 0x82);
            } else if (name.endsWith(".html")) {
                assertThat(Files.readString(file).stripTrailing()).as(file.toString()).endsWith("</html>");
            } else if (name.endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    in.transferTo(java.io.OutputStream.nullOutputStream()); // throws where it is cut short
                }
            }
        }
    }

    private List<Path> runFolders() throws IOException {
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(results)) {
            return runs.toList();
        }
    }

    private Path onlyRunFolder() throws IOException {
        List<Path> runs = runFolders();
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static JsonObject environment(Path run) throws IOException {
        return JsonParser.parseString(Files.readString(run.resolve("environment.json"))).getAsJsonObject();
    }

    private static String incomplete(Path run) throws IOException {
        JsonObject environment = environment(run);
        assertThat(environment.get("complete").getAsBoolean()).isFalse();
        return environment.get("incomplete").getAsString();
    }

    /** The results of a run (jmh.json, environment.json) in a folder of their own, to render or compare. */
    static Path copyOfRun(Path run, Path copy) throws IOException {
        Files.createDirectories(copy);
        for (String file : List.of("jmh.json", "environment.json")) {
            Files.copy(run.resolve(file), copy.resolve(file));
        }
        return copy;
    }
}
