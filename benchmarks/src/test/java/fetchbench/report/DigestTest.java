package fetchbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.theory.Theory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's figures come from runs: its comparisons follow the intervals, and every digest in
 * it is exactly what its run renders, so a number typed by hand, or a stale one, fails here.
 */
class DigestTest {

    /** The repository's README, from the benchmarks module where the tests run. */
    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path folder;

    private List<Row> rows(double fastMs, double fastError, double otherMs, double otherError) throws Exception {
        return Row.of(JmhRun.read(Fixtures.write(folder,
                Fixtures.gather(folder, "virtualThreads", 100, fastMs, fastError),
                Fixtures.gather(folder, "structured", 100, otherMs, otherError))));
    }

    @Test
    void resultsWhoseIntervalsOverlapAreCalledIndistinguishable() throws Exception {
        String text = Digest.comparisons(rows(110, 5, 118, 4));

        assertThat(text).isEqualTo("- N = 100: the lowest mean is virtualThreads, 110.0 ± 5.0 ms; indistinguishable "
                + "from it (the intervals overlap): structured 118.0 ± 4.0.\n\n");
    }

    @Test
    void onlyResultsWhoseIntervalsDoNotOverlapAreCalledSlower() throws Exception {
        String text = Digest.comparisons(rows(110, 5, 121, 5));

        assertThat(text).isEqualTo("- N = 100: the lowest mean is virtualThreads, 110.0 ± 5.0 ms; every other "
                + "result is slower beyond both intervals.\n\n");
    }

    @Test
    void aResultWithoutAnIntervalIsNotCompared() throws Exception {
        assertThat(Digest.comparisons(rows(110, Double.NaN, 500, 1))).isEqualTo("- N = 100: the only result with an "
                + "interval is structured, 500.0 ± 1.0 ms; without an interval, not compared: virtualThreads.\n\n");
        assertThat(Digest.comparisons(rows(110, Double.NaN, 500, Double.NaN))).isEqualTo("- N = 100: no result has "
                + "an interval (too few batches), so none is compared.\n\n");
    }

    @Test
    void aMissingOrWideIntervalIsPlacedNowhereInTheBand() throws Exception {
        assertThat(rows(110, Double.NaN, 500, 1).get(0).placement()).isEqualTo(Theory.Placement.unknown);
        assertThat(rows(110, 12, 500, 1).get(0).placement()).isEqualTo(Theory.Placement.unknown); // ±10.9 %
        // Without a floor the band is the ideal alone, one wave of 100 ms: 110 ± 5 lies above it.
        assertThat(rows(110, 5, 500, 1).get(0).placement()).isEqualTo(Theory.Placement.above);
    }

    @Test
    void everyDigestInTheReadmeIsWhatItsRunRenders() throws Exception {
        String readme = Files.readString(README);
        Matcher blocks = Digest.BLOCK.matcher(readme);
        int count = 0;
        while (blocks.find()) {
            count++;
            assertThat(Path.of("..").resolve(blocks.group(2)).resolve("jmh.json")).as(blocks.group()).isRegularFile();
        }
        assertThat(count).as("digests in the README").isGreaterThanOrEqualTo(1);
        assertThat(Digest.rewrite(readme, Path.of(".."))).as("run scripts/digest.sh after changing a run or the "
                + "digest's code; never edit a digest by hand").isEqualTo(readme);
    }

    @Test
    void aDigestEditedByHandIsFoundOut() throws Exception {
        String readme = Files.readString(README);
        Matcher first = Digest.BLOCK.matcher(readme);
        assertThat(first.find()).isTrue();
        String block = first.group();
        String edited = readme.replace(block, block.replaceFirst("(\\d) ± (\\d)", "$1 ± 9$2"));
        assertThat(edited).isNotEqualTo(readme);

        assertThat(Digest.rewrite(edited, Path.of(".."))).isEqualTo(readme).isNotEqualTo(edited);
    }

    @Test
    void anUnknownKindIsRefusedByName() {
        String readme = "<!-- digest summary results/x -->\nold\n<!-- end of digest -->";

        assertThatThrownBy(() -> Digest.rewrite(readme, folder)).isInstanceOf(ReportException.class)
                .hasMessage("unknown digest kind 'summary'; allowed: reference, scale");
    }
}
