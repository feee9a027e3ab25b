package fetchbench.report;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Row;
import fetchbench.result.JmhRun;
import fetchbench.result.ReportException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.theory.Theory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents' figures come from runs: their comparisons follow the intervals, and every digest
 * in the README, docs/ and a run's commentary is exactly what its run renders, so a number typed
 * by hand, or a stale one, fails here.
 */
class DigestTest {

    /** The repository, from the benchmarks module where the tests run. */
    private static final Path ROOT = Path.of("..");
    private static final Path README = ROOT.resolve("README.md");

    /** Every document that may hold a digest: the README, docs/ and each committed run's commentary. */
    private static List<Path> documents() throws Exception {
        List<Path> documents = new ArrayList<>(List.of(README));
        for (String folder : List.of("docs", "results")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder), 2)) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
            }
        }
        return documents;
    }

    @TempDir
    Path folder;

    private List<Row> rows(double fastMs, double fastError, double otherMs, double otherError) throws Exception {
        return Row.of(JmhRun.read(Fixtures.write(folder,
                Fixtures.gather(folder, "virtualThreads", 100, fastMs, fastError),
                Fixtures.gather(folder, "structured", 100, otherMs, otherError))));
    }

    @Test
    void twoResultsWithinTheMarginAreEquivalent() throws Exception {
        List<String> lines = ResultSections.comparisons(rows(110, 1, 110.5, 1));

        assertThat(lines).singleElement().asString().matches("N = 100: fastest virtualThreads, 110\\.0 ± 1\\.0 ms; "
                + "equivalent: structured 1\\.00× \\[0\\.9\\d–1\\.0\\d\\]\\.");
    }

    @Test
    void aTenPerCentDifferenceIsDifferentAndAWideOneInconclusive() throws Exception {
        assertThat(ResultSections.comparisons(rows(110, 1, 121, 1))).singleElement().asString()
                .matches("N = 100: fastest virtualThreads, 110\\.0 ± 1\\.0 ms; different \\(slower\\): structured "
                        + "1\\.10× \\[1\\.0\\d–1\\.1\\d\\]\\.");
        assertThat(ResultSections.comparisons(rows(110, 10, 114, 10))).singleElement().asString()
                .startsWith("N = 100: fastest virtualThreads, 110.0 ± 10.0 ms; inconclusive: structured 1.04× [");
    }

    @Test
    void aResultWithoutAnIntervalIsNotCompared() throws Exception {
        assertThat(ResultSections.comparisons(rows(110, Double.NaN, 500, 1))).containsExactly("N = 100: fastest "
                + "structured, 500.0 ± 1.0 ms; not compared: virtualThreads (one fork).");
        assertThat(ResultSections.comparisons(rows(110, Double.NaN, 500, Double.NaN))).containsExactly("N = 100: "
                + "nothing compared (no result with 2 forks or more that a verdict may rest on); not compared: "
                + "virtualThreads (one fork), structured (one fork).");
    }

    @Test
    void anIntervalIsPlacedAgainstTheBandHoweverWideAndOnlyNoIntervalIsUnknown() throws Exception {
        assertThat(rows(110, Double.NaN, 500, 1).get(0).placement()).isEqualTo(Theory.Placement.unknown);
        // Without a floor the band is the ideal alone, one wave of 100 ms: 110 ± 12 reaches across it …
        assertThat(rows(110, 12, 500, 1).get(0).placement()).isEqualTo(Theory.Placement.straddles);
        // … and 110 ± 5 lies wholly above it.
        assertThat(rows(110, 5, 500, 1).get(0).placement()).isEqualTo(Theory.Placement.above);
    }

    @Test
    void everyDigestIsWhatItsRunRenders() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (Path document : documents()) {
            String text = Files.readString(document);
            Matcher blocks = Digest.BLOCK.matcher(text);
            while (blocks.find()) {
                kinds.add(blocks.group(1));
                assertThat(document.getParent().resolve(blocks.group(2)).resolve("jmh.json")).as(document + ": "
                        + blocks.group()).isRegularFile();
            }
            assertThat(Digest.rewrite(text, document.getParent())).as(document + ": run scripts/digest.sh after "
                    + "changing a run or the digest's code; never edit a digest by hand").isEqualTo(text);
        }
        assertThat(kinds).as("the README's answer and short table, the full verdict, the reference run's "
                + "commentary, the scale run").contains("answer", "whichModel", "verdict", "reference", "scale");
        assertThat(Files.readString(README)).contains("<!-- digest answer ", "<!-- digest whichModel ");
    }

    @Test
    void aDigestEditedByHandIsFoundOut() throws Exception {
        String readme = Files.readString(README);
        Matcher first = Digest.BLOCK.matcher(readme);
        assertThat(first.find()).isTrue();
        String block = first.group();
        String edited = readme.replace(block, block.replaceFirst("N = (\\d+)", "N = 9$1"));
        assertThat(edited).isNotEqualTo(readme);

        assertThat(Digest.rewrite(edited, ROOT)).isEqualTo(readme).isNotEqualTo(edited);
    }

    @Test
    void anUnknownKindIsRefusedByName() {
        String readme = "<!-- digest summary results/x -->\nold\n<!-- end of digest -->";

        assertThatThrownBy(() -> Digest.rewrite(readme, folder)).isInstanceOf(ReportException.class)
                .hasMessage("unknown digest kind 'summary'; allowed: reference, scale, verdict, answer, whichModel, clients, protocols, load");
    }
}
