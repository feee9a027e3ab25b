package fetchbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shell scripts themselves, not only the classes they call: bad input, and no JDK 21 to be
 * found, each end with one line on stderr, the exit code, and nothing written. They run on the
 * tests' own classes (FETCHBENCH_CLASSPATH), so no jar is built.
 */
class ScriptsTest {

    @TempDir
    Path results;

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** What a script printed and how it ended. */
    private record Ended(int exit, String stdout, List<String> stderr) {
    }

    private Ended run(Map<String, String> environment, String script, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", ROOT.resolve("scripts")
                .resolve(script).toString()), Stream.of(args)).toList()).directory(results.toFile());
        builder.environment().put("FETCHBENCH_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(results, "out", ".txt");
        Path err = Files.createTempFile(results, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(script + " ended within 60 s").isTrue();
        Ended ended = new Ended(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return ended;
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("tune.sh", List.of("--urls", "0"), "--urls"),
                Arguments.of("tune.sh", List.of("--urls", "10", "--models", "greenThreads"), "--models"),
                Arguments.of("compare.sh", List.of("only-one-run"), "usage: scripts/compare.sh"),
                Arguments.of("chart.sh", List.of(), "usage: scripts/chart.sh"),
                Arguments.of("chart.sh", List.of("no-such-run"), "no-such-run"),
                Arguments.of("digest.sh", List.of("--help"), "usage: scripts/digest.sh"),
                Arguments.of("mutation.sh", List.of("--threshold", "90"), "usage: scripts/mutation.sh"));
    }

    /** The run folders under the repository's results/, where tune.sh writes. */
    private static List<String> repositoryRuns() throws Exception {
        try (Stream<Path> runs = Files.list(ROOT.resolve("results"))) {
            return runs.map(Path::toString).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void badInput(String script, List<String> args, String named) throws Exception {
        List<String> runsBefore = repositoryRuns();
        Ended ended = run(Map.of(), script, args.toArray(String[]::new));

        assertThat(ended.exit()).as("%s", ended).isEqualTo(2);
        assertThat(ended.stderr()).as("%s", ended).singleElement().asString().contains(named);
        assertThat(ended.stdout()).isEmpty();
        try (Stream<Path> left = Files.list(results)) {
            assertThat(left).as("written by " + script).isEmpty();
        }
        assertThat(repositoryRuns()).isEqualTo(runsBefore);
    }

    /**
     * No JDK 21 where the scripts look: JAVA_HOME empty, the first java on the PATH a JDK 17 (a
     * stand-in that says so), no JDKs in their folder. One line saying what is needed, exit 1.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aRunOfEach")
    void withoutAJdk21TheScriptsSaySoInOneLine(String script, List<String> args) throws Exception {
        Path nothing = Files.createDirectories(results.resolve("nothing"));
        Path bin = Files.createDirectories(results.resolve("bin"));
        Path java17 = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        java17.toFile().setExecutable(true);
        Ended ended = run(Map.of("JAVA_HOME", nothing.toString(), "PATH", bin + File.pathSeparator
                + System.getenv("PATH"), "FETCHBENCH_JVMS", nothing.toString()), script, args.toArray(String[]::new));

        assertThat(ended.exit()).as("%s", ended).isEqualTo(1);
        assertThat(ended.stderr()).singleElement().asString()
                .isEqualTo("fetchbench: needs a JDK 21 or newer (looked at JAVA_HOME, PATH and /usr/lib/jvm)");
        assertThat(ended.stdout()).isEmpty();
    }

    static Stream<Arguments> aRunOfEach() {
        return Stream.of(Arguments.of("tune.sh", List.of("--urls", "10")), Arguments.of("chart.sh", List.of("some-run")),
                Arguments.of("compare.sh", List.of("run-a", "run-b")), Arguments.of("digest.sh", List.of("README.md")));
    }
}
