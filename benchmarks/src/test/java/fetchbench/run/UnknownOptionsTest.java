package fetchbench.run;

import fetchbench.report.ReportMain;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.FetchBench;
import fetchbench.Tune;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A name the suite does not know, typed as a {@code -D} property, a {@code -p} parameter, on the
 * Maven command line or as a script's flag: refused in one line that names the closest known
 * option, exit 2, nothing written.
 */
class UnknownOptionsTest {

    @TempDir
    Path results;

    /** Five typos, each with the option it should suggest. */
    static Stream<Arguments> typos() {
        return Stream.of(
                Arguments.of("profiel", "profile"),
                Arguments.of("modle", "model"),
                Arguments.of("url", "urls"),
                Arguments.of("concurency", "concurrency"),
                Arguments.of("protocl", "protocol"),
                Arguments.of("delayMS", "delayMs"),
                Arguments.of("tragets", "target"));
    }

    @ParameterizedTest(name = "-Dfetchbench.{0}")
    @MethodSource("typos")
    void aMistypedPropertyIsRefusedWithTheClosestName(String typo, String meant) throws IOException {
        Properties properties = properties();
        properties.setProperty("fetchbench." + typo, "smoke");

        Outcome outcome = launch(new String[] {"--plan"}, properties, null);

        outcome.refused("unknown option '-Dfetchbench." + typo + "' (did you mean -Dfetchbench." + meant + "?)");
        assertNothingWritten();
    }

    @ParameterizedTest(name = "./mvnw verify -Dfetchbench.{0}")
    @MethodSource("typos")
    void aMistypedPropertyOnMavensCommandLineIsRefusedThoughMavenDropsIt(String typo, String meant) throws IOException {
        // The pom forwards only the names it knows: the launcher sees the typo only in Maven's own command line.
        Outcome outcome = launch(new String[] {"--plan"}, properties(), "-B verify -Dfetchbench." + typo + "=smoke");

        outcome.refused("unknown option '-Dfetchbench." + typo + "' (did you mean -Dfetchbench." + meant + "?)");
        assertNothingWritten();
    }

    @Test
    void mavensCheckBeforeTheTestsRefusesATypoEvenWhenNoBenchmarkFollows() {
        Properties properties = properties();
        properties.setProperty("fetchbench.goals", "[test]");

        launch(new String[] {"--check"}, properties, "test -D fetchbench.profiel=smoke")
                .refused("unknown option '-Dfetchbench.profiel' (did you mean -Dfetchbench.profile?)");
        assertThat(launch(new String[] {"--check"}, properties, "test -Dfetchbench.withoutStructured=true -Dskip")
                .exit()).isZero();
    }

    @Test
    void aMistypedParameterIsRefusedWithTheClosestName() throws IOException {
        launch(new String[] {"--plan", "-p", "delay=10"}, properties(), null)
                .refused("unknown option '-p delay' (did you mean -p delayMs?)");
        assertNothingWritten();
    }

    @Test
    void knownNamesPassOnBothForms() {
        Properties properties = properties();
        properties.setProperty("fetchbench.profile", "smoke");
        Outcome outcome = launch(new String[] {"--plan"}, properties,
                "verify -Dfetchbench.profile=smoke -Dfetchbench.skip=false -Dmaven.repo.local=/tmp/m2");
        assertThat(outcome.exit()).as(outcome.err()).isZero();
    }

    @Test
    void tuneRefusesAMistypedFlagWithTheClosestOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Tune.run(new String[] {"--url", "100"}, properties(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(FetchBench.EXIT_BAD_OPTION);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("unknown option '--url' (did you mean --urls?)");
    }

    @Test
    void theReportScriptsRefuseAFlag() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ReportMain.run(new String[] {"chart", "--open"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("unknown option '--open'; allowed: none");
    }

    /** The pom forwards exactly the names the launcher knows, in its properties and to both of its executions. */
    @Test
    void thePomPassesOnExactlyTheOptionModel() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> forwarded = all(Pattern.compile("<argument>-Dfetchbench\\.(\\w+)=\\$\\{fetchbench\\.(\\w+)}</argument>"),
                pom);
        List<String> declared = all(Pattern.compile("^ {4}<fetchbench\\.(\\w+)>", Pattern.MULTILINE), pom);

        assertThat(forwarded).containsExactlyInAnyOrderElementsOf(RunOption.passedThroughMaven());
        assertThat(declared).containsAll(RunOption.passedThroughMaven()).containsAll(RunOption.BUILD_ONLY);
    }

    @Test
    void theClosestNameIsTheFewestEditsAway() {
        assertThat(RunOption.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(RunOption.distance("", "abc")).isEqualTo(3);
        assertThat(RunOption.distance("same", "same")).isZero();
        assertThat(RunOption.closest("prfile", List.of("profile", "protocol", "p99Ms"))).contains("profile");
        assertThat(RunOption.closest("RATE", List.of("rates", "rate"))).contains("rate");
        assertThat(RunOption.closest("x", List.of())).isEmpty();
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("fetchbench.results", results.resolve("runs").toString());
        return properties;
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> written = Files.list(results)) {
            assertThat(written).isEmpty();
        }
    }

    private static Outcome launch(String[] args, Properties properties, String mavenCommandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FetchBench.run(args, properties, mavenCommandLine, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int exit, String out, String err) {

        void refused(String expected) {
            assertThat(exit).isEqualTo(FetchBench.EXIT_BAD_OPTION);
            assertThat(err.lines()).singleElement().asString().startsWith("fetchbench: " + expected + "; allowed: ");
            assertThat(out).isEmpty();
        }
    }
}
