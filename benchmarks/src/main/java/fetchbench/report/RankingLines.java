package fetchbench.report;

import fetchbench.analysis.Ranking;
import fetchbench.analysis.Row;
import fetchbench.analysis.Words;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A {@link Ranking} in words: the one line per N that the verdict and every scenario table share. */
final class RankingLines {

    private RankingLines() {
    }

    /** What the words of a ranking mean, said once above its lines. */
    static String legend() {
        return "each setting's time ÷ the fastest's, " + comparisonLegend();
    }

    /** How a ratio of two results is judged, the same in rankings, protocols, tuning and comparisons. */
    static String comparisonLegend() {
        return String.format(Locale.ROOT, "with its %.0f %% interval from the fork means (Welch's t on their "
                + "logarithms); equivalent: the interval lies within ±%s; different: otherwise, if it excludes 1; "
                + "inconclusive: neither. Holm's correction across the comparisons at one N (family-wise α = %s)",
                100 * ForkMeans.LEVEL, percent(Margin.current()), Judgement.ALPHA);
    }

    private static String percent(double share) {
        return new BigDecimal(share * 100).round(new MathContext(3)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /**
     * "N = 100: fastest virtualThreads, 101.2 ± 0.8 ms; equivalent: structured 1.01× [0.99–1.02];
     * different (slower): reactor 1.06× [1.03–1.09]; inconclusive: …; not compared: …".
     */
    static String line(Ranking ranking) {
        StringBuilder line = new StringBuilder("N = " + ranking.urls() + ": ");
        if (!ranking.hasBest()) {
            line.append("nothing compared (no result with 2 forks or more that a verdict may rest on)");
        } else {
            line.append("fastest ").append(ranking.best().setting()).append(", ")
                    .append(Words.meanAndError(ranking.best())).append(" ms");
            List<String> parts = new ArrayList<>();
            judged(ranking, Judgement.equivalent, "equivalent", parts);
            judged(ranking, Judgement.different, "different (slower)", parts);
            judged(ranking, Judgement.inconclusive, "inconclusive", parts);
            parts.forEach(p -> line.append("; ").append(p));
        }
        if (!ranking.leftOut().isEmpty()) {
            line.append("; not compared: ").append(ranking.leftOut().stream().map(RankingLines::whyLeftOut)
                    .collect(Collectors.joining(", ")));
        }
        return line.append('.').toString();
    }

    private static void judged(Ranking ranking, Judgement judgement, String words, List<String> parts) {
        List<Ranking.Against> judged = ranking.judged(judgement);
        if (!judged.isEmpty()) {
            parts.add(words + ": " + judged.stream().map(a -> a.row().setting() + " " + Words.ratio(a.ratio()))
                    .collect(Collectors.joining(", ")));
        }
    }

    private static String whyLeftOut(Row row) {
        String why = row.forkMeans().forks() < 2 ? "one fork" : row.flags();
        return row.setting() + " (" + why + ")";
    }
}
