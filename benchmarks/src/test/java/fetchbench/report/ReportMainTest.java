package fetchbench.report;

import fetchbench.result.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scripts' entry point: a one-line usage and exit 2 on a missing or malformed input, nothing written. */
class ReportMainTest {

    @TempDir
    Path folder;

    static Stream<Arguments> badCalls() {
        return Stream.of(
                Arguments.of(List.of(), "usage: scripts/chart.sh <run-dir | jmh.json>"),
                Arguments.of(List.of("chart"), "usage: scripts/chart.sh <run-dir | jmh.json>"),
                Arguments.of(List.of("chart", "a", "b"), "usage: scripts/chart.sh <run-dir | jmh.json>"),
                Arguments.of(List.of("compare", "only-one"), "usage: scripts/compare.sh"),
                Arguments.of(List.of("chart", "missing-run"), "missing-run: no jmh.json there (usage: scripts/chart.sh"),
                Arguments.of(List.of("chart", "malformed"), "jmh.json: not readable as JSON"),
                Arguments.of(List.of("chart", "not-jmh"), "jmh.json: not JMH JSON"),
                Arguments.of(List.of("compare", "not-jmh", "malformed"), "(usage: scripts/compare.sh"));
    }

    @ParameterizedTest
    @MethodSource("badCalls")
    void rejectsInOneLineAndWritesNothing(List<String> args, String message) throws Exception {
        Files.createDirectories(folder.resolve("malformed"));
        Files.writeString(folder.resolve("malformed/jmh.json"), "[{\"benchmark\": ");
        Files.createDirectories(folder.resolve("not-jmh"));
        Files.writeString(folder.resolve("not-jmh/jmh.json"), "{\"hello\": 1}");
        List<String> resolved = args.stream().map(a -> a.equals("chart") || a.equals("compare") ? a
                : folder.resolve(a).toString()).toList();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ReportMain.run(resolved.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(text.lines()).hasSize(1);
        assertThat(text).contains(message);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("jmh.json", "jmh.json");
        }
    }

    @Test
    void chartsARunFolder() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        byte[] before = Files.readAllBytes(json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ReportMain.run(new String[] {"chart", json.getParent().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\nwrote 48 files; open ").startsWith("rendering the report: "); // 47 charts, index
        assertThat(json.resolveSibling("index.html")).isRegularFile();
        assertThat(Files.readAllBytes(json)).as("chart.sh leaves its input alone").isEqualTo(before);
    }
}
