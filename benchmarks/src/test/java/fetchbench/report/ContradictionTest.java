package fetchbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.analysis.Row;
import fetchbench.analysis.Verdict;
import fetchbench.result.Benchmarks;
import fetchbench.result.Fixtures;
import fetchbench.result.JmhRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No verdict says two things that cannot both hold: every line the console, the report and the
 * digests render for the committed runs, and for constructed edge cases, is read for the
 * contradictions a reader once found ("within" the band beside "too wide to judge by", "inside"
 * beside a result far from its prediction, "fails" beside words of passing, "as predicted"
 * beside a rate several steps of the grid away). The reader is shown to find each of them.
 */
class ContradictionTest {

    /** Within a band at most {@value fetchbench.theory.Theory#WIDEST_BAND} wide, a result is at most this × its ideal. */
    private static final double WITHIN_AT_MOST = 1 + fetchbench.theory.Theory.WIDEST_BAND;

    private static final Pattern TIMES_WITHIN = Pattern.compile("(\\d+(?:\\.\\d+)?)× the ideal: within");
    private static final Pattern ROUND = Pattern.compile(
            "a round takes (\\d+(?:\\.\\d+)?)(?: ± [\\d.]+)? \\(predicted [^)]*?= (\\d+(?:\\.\\d+)?) ms, inside its band");
    private static final Pattern GRID_AWAY = Pattern.compile("(\\d+) rates of the grid away");

    /** Each contradiction in the text, one line each, with the rule it breaks. */
    static List<String> contradictions(String text) {
        List<String> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if ((lower.contains("within the ideal") || lower.contains("inside its band"))
                    && lower.contains("too wide to judge")) {
                found.add("within and too wide: " + line);
            }
            Matcher times = TIMES_WITHIN.matcher(line);
            while (times.find()) {
                if (Double.parseDouble(times.group(1)) > WITHIN_AT_MOST) {
                    found.add("within a band that cannot hold " + times.group(1) + "×: " + line);
                }
            }
            Matcher round = ROUND.matcher(line);
            while (round.find()) {
                double ratio = Double.parseDouble(round.group(1)) / Double.parseDouble(round.group(2));
                if (ratio > WITHIN_AT_MOST || ratio < 1 / WITHIN_AT_MOST) {
                    found.add("inside, far from its prediction: " + line);
                }
            }
            if (lower.matches(".*\\bfails?\\b.*") && (lower.contains("passes") || lower.contains("✓")
                    || lower.contains("within the margin"))) {
                found.add("fails beside passing: " + line);
            }
            Matcher away = GRID_AWAY.matcher(line);
            if (lower.contains("as predicted") && away.find() && Integer.parseInt(away.group(1)) >= 2) {
                found.add("as predicted, several rates away: " + line);
            }
        }
        return found;
    }

    @Test
    void theReaderFindsEachContradictionOnceFoundInTheReports() {
        assertThat(contradictions("at N = 1000: all 1000 in flight, 2.86× the ideal: within the ideal plus the "
                + "floor, the client's own cost for 1000 requests; the band is too wide to judge by")).hasSize(2);
        assertThat(contradictions("threadPool (k=20), 20 callers of N = 10 at once: a round takes 187.5 ± 18.2 "
                + "(predicted ⌈200/20⌉ × 1 ms = 10 ms, inside its band)")).hasSize(1);
        assertThat(contradictions("overhead -0.7 % (fails: up to +7.0 %, within the margin)")).hasSize(1);
        assertThat(contradictions("p99 ≤ 80 ms up to 9/s (predicted 18/s: 3 rates of the grid away); every "
                + "rate as predicted")).hasSize(1);
        assertThat(contradictions("at N = 100: all 100 in flight, 1.14× the ideal: within the ideal plus the "
                + "floor, the client's own cost for 100 requests")).isEmpty();
    }

    @Test
    void noCommittedRunContradictsItself() throws Exception {
        List<Path> runs;
        try (Stream<Path> folders = Files.list(Path.of("..", "results"))) {
            runs = folders.filter(f -> Files.isRegularFile(f.resolve("jmh.json"))).sorted().toList();
        }
        assertThat(runs).hasSizeGreaterThanOrEqualTo(5);
        for (Path run : runs) {
            StringBuilder text = new StringBuilder(Report.summary(JmhRun.read(run.resolve("jmh.json"))));
            for (Digest.Kind kind : Digest.Kind.values()) {
                try {
                    text.append(Digest.render(kind, run.toString(), run));
                } catch (fetchbench.result.ReportException e) {
                    // a kind this run has nothing for (no headline, no load) renders nothing to read
                }
            }
            assertThat(contradictions(text.toString())).as(run.toString()).isEmpty();
        }
    }

    @TempDir
    Path folder;

    /** A band too wide, one narrow, and results inside, above, straddling and wide of each: no verdict contradicts. */
    @Test
    void noVerdictOfConstructedEdgeCasesContradictsItself() throws Exception {
        Map<String, String> floor100 = Map.of("urls", "100", "delayMs", "1", Benchmarks.CLIENT, "okHttp");
        Map<String, String> floor1000 = Map.of("urls", "1000", "delayMs", "1", Benchmarks.CLIENT, "okHttp");
        List<String> lines = new ArrayList<>();
        for (double[] atN100 : new double[][] {{114, 1.4}, {130, 2}, {105, 30}, {95, 1}}) {
            for (double[] atN1000 : new double[][] {{286, 65}, {120, 5}, {900, 20}, {150, Double.NaN}}) {
                JmhRun run = JmhRun.read(Fixtures.write(folder,
                        Fixtures.result(folder, Benchmarks.BARE_CLIENT, floor100, 20, 1),
                        Fixtures.result(folder, Benchmarks.BARE_CLIENT, floor1000, 200, 10),
                        Fixtures.gather(folder, "virtualThreads", 100, atN100[0], atN100[1]),
                        Fixtures.gather(folder, "virtualThreads", 1000, atN1000[0], atN1000[1]),
                        Fixtures.gather(folder, "structured", 1000, atN1000[0] * 1.1, atN1000[1])));
                for (Row row : Row.of(run)) {
                    lines.add(Verdict.verdict(row));
                }
                lines.add(Report.summary(run));
            }
        }
        assertThat(lines).anyMatch(l -> l.contains("too wide to judge by")).anyMatch(l -> l.contains("within the "
                + "ideal plus the floor"));
        assertThat(contradictions(String.join("\n", lines))).isEmpty();
    }
}
