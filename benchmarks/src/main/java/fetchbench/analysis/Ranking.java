package fetchbench.analysis;

import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import fetchbench.stats.Ratio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The settings measured at one N, each tested against the one with the lowest mean: the fastest
 * are that best one and those {@linkplain Judgement#equivalent equivalent} to it. The comparisons
 * at one N are one family (Holm's correction). Results a verdict may not rest on (drifting, not
 * steady, the server check failed) and those with a single fork are left out, and listed.
 *
 * @param urls     N
 * @param best     the lowest mean among the compared
 * @param others   every other compared setting against the best, slowest last
 * @param leftOut  results at this N that were not compared
 */
public record Ranking(int urls, Row best, List<Against> others, List<Row> leftOut) {

    /** One setting against the best: its time ÷ the best's, and what that allows one to say. */
    public record Against(Row row, Ratio ratio, Judgement judgement) {
    }

    /** The ranking of these rows, all at one N; empty rows or none comparable give no best (null). */
    public static Ranking of(int urls, List<Row> rows) {
        List<Row> compared = rows.stream().filter(r -> r.trusted() && r.forkMeans().forks() >= 2)
                .sorted(Comparator.comparingDouble(Row::measuredMs)).toList();
        List<Row> leftOut = rows.stream().filter(r -> !compared.contains(r)).toList();
        if (compared.isEmpty()) {
            return new Ranking(urls, null, List.of(), leftOut);
        }
        Row best = compared.get(0);
        double margin = Margin.current();
        List<Row> rest = compared.subList(1, compared.size());
        List<Ratio> ratios = rest.stream().map(r -> Ratio.of(best.forkMeans(), r.forkMeans(), margin)).toList();
        List<Judgement> judgements = Judgement.of(ratios);
        List<Against> others = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            others.add(new Against(rest.get(i), ratios.get(i), judgements.get(i)));
        }
        return new Ranking(urls, best, List.copyOf(others), leftOut);
    }

    /** Whether any setting could be compared. */
    public boolean hasBest() {
        return best != null;
    }

    /** The best and every setting equivalent to it. */
    public List<Row> fastest() {
        List<Row> fastest = new ArrayList<>();
        if (best != null) {
            fastest.add(best);
            others.stream().filter(a -> a.judgement() == Judgement.equivalent).map(Against::row).forEach(fastest::add);
        }
        return fastest;
    }

    /** The settings of a judgement, e.g. those that are different (slower) from the best. */
    public List<Against> judged(Judgement judgement) {
        return others.stream().filter(a -> a.judgement() == judgement).toList();
    }
}
