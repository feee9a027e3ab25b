package fetchbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scripts/tune.sh's options: bad input is one line naming the option and what it allows, exit 2, nothing written. */
class TuneTest {

    @TempDir
    Path results;

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(List.of("--urls", "100", "--models", "greenThreads"), "--models",
                        "threadPool, completableFuture, virtualThreads, okHttpAsync, httpClientAsync"),
                Arguments.of(List.of("--urls", "100", "--models", "sequential"), "--models", "no setting to sweep"),
                Arguments.of(List.of("--urls", "100", "--range", "0..8"), "--range", "1 <= MIN <= MAX"),
                Arguments.of(List.of("--urls", "100", "--range", "16..4"), "--range", "1 <= MIN <= MAX"),
                Arguments.of(List.of("--urls", "100", "--range", "-2..4"), "--range", "1 <= MIN <= MAX"),
                Arguments.of(List.of("--urls", "100", "--range", "lots"), "--range", "MIN..MAX"),
                Arguments.of(List.of("--urls", "10", "--range", "16..64"), "--range", "1 <= MIN <= N (10)"),
                Arguments.of(List.of(), "--urls", "required"),
                Arguments.of(List.of("--urls", "10", "--rate", "0"), "--rate", "a positive integer"),
                Arguments.of(List.of("--urls", "10", "--p99", "50"), "--p99", "--rate R --p99 MS"),
                Arguments.of(List.of("--urls", "10", "--rate", "100", "--p99", "soon"), "--p99",
                        "a number of milliseconds > 0"),
                Arguments.of(List.of("--urls", "0"), "--urls", "a positive integer"),
                Arguments.of(List.of("--urls", "-5"), "--urls", "a positive integer"),
                Arguments.of(List.of("--urls", "many"), "--urls", "a positive integer"),
                Arguments.of(List.of("--delay", "100"), "--urls", "required"),
                Arguments.of(List.of("--urls", "10", "--delay", "normal:100"), "--delay",
                        "fixed, uniform, staggered, lognormal"),
                Arguments.of(List.of("--urls", "10", "--delay", "lognormal:"), "--delay", "PROFILE:MS"),
                Arguments.of(List.of("--urls", "10", "--delay", "fast"), "--delay", "PROFILE:MS"),
                Arguments.of(List.of("--urls", "10", "--delay", "uniform:0"), "--delay", "an integer >= 1"),
                Arguments.of(List.of("--urls", "10", "--delay", "lognormal:80:9"), "--delay", "0 < σ <= 5"),
                Arguments.of(List.of("--urls", "10", "--delay", "fixed:80:0.5"), "--delay", "PROFILE:MS[:SPREAD]"),
                Arguments.of(List.of("--urls", "10", "--colour", "blue"), "--colour", "--urls, --delay, --range"),
                Arguments.of(List.of("--urls", "10", "--target", "localhost:8080"), "--target",
                        "an http or https URL with host and port"),
                Arguments.of(List.of("--urls", "10", "--seed", "forty-two"), "--seed", "an integer"),
                // A range past N would print a note first: bad input still gets its one line only.
                Arguments.of(List.of("--urls", "10", "--range", "1..64", "--models", "sequential"), "--models",
                        "no setting to sweep"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badInput(List<String> args, String option, String allowed) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("fetchbench.results", results.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Tune.run(args.toArray(String[]::new), properties,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(FetchBench.EXIT_BAD_OPTION);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).contains(option).contains(allowed);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        try (Stream<Path> written = Files.list(results)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Tune.run(new String[] {"--help"}, new Properties(), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: scripts/tune.sh --urls N")
                .contains("--range MIN..MAX").contains("lognormal:MEDIAN_MS");
    }
}
