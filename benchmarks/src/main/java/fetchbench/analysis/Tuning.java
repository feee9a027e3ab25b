package fetchbench.analysis;

import fetchbench.catalog.Knob;

import fetchbench.result.JmhRun;

import fetchbench.result.Metrics;

import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Model;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import fetchbench.stats.Ratio;
import fetchbench.theory.Theory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a sweep recommends: per model (and connection pool), the smallest setting
 * {@linkplain Judgement#equivalent equivalent} to the best measured (each setting tested against
 * the best, Holm's correction across the sweep), what it costs, and why by Little's law.
 */
public final class Tuning {

    /** One setting of a sweep: its value, its time fork by fork, and what it cost. */
    public record Point(int setting, ForkMeans forks, double predictedMs, Double threads, Double rssMb) {

        public double ms() {
            return forks.mean();
        }
    }

    /** One swept variant (okHttpAsync has two: its pool sized to N, and OkHttp's default pool). */
    public record Series(String name, Model model, String swept, int urls, double meanDelayMs, List<Point> points) {
    }

    /** A setting against the best of its sweep. */
    public record Against(Point point, Ratio ratio, Judgement judgement) {
    }

    /**
     * What a series recommends: the smallest setting equivalent to the best (the best itself where
     * no smaller one is), or nothing where the best has no interval; and every setting judged.
     */
    public record Recommendation(Series series, Optional<Point> chosen, Point best, List<Against> others) {

        /** What Little's law says was in flight on average at the best setting. */
        public double requestsInFlight() {
            return Theory.inFlight(series.urls(), series.meanDelayMs(), best.ms());
        }

        /** One line for the console and the report. */
        public String describe() {
            String law = String.format(Locale.ROOT, "Little's law (L = λ·W): %d fetches of %.0f ms in %.1f ms "
                    + "is about %d in flight on average, ", series.urls(), series.meanDelayMs(), best.ms(),
                    Math.round(requestsInFlight()));
            law += series.model().card().sweepAdvice().orElse("so a setting much below that cannot match the best"
                    + (chosen.isPresent() ? ", and past the recommended one more only adds threads." : "."));
            String bestText = Words.meanAndError(best.ms(), best.forks().halfWidth()) + " ms at " + best.setting();
            if (chosen.isEmpty()) {
                return String.format(Locale.ROOT, "%s: %s undetermined — the best measured (%s) has one fork, so no "
                        + "interval. %s", series.name(), series.swept(), bestText, law);
            }
            Point point = chosen.get();
            String cost = (point.threads() == null ? "" : String.format(Locale.ROOT, "; %.0f platform threads",
                    point.threads())) + (point.rssMb() == null ? "" : String.format(Locale.ROOT,
                    ", RSS %.0f MB (the heap touched)", point.rssMb()));
            String versus = point.setting() == best.setting() ? "the best measured"
                    : others.stream().filter(a -> a.point() == point).findFirst()
                    .map(a -> "equivalent to the best (" + bestText + "): " + Words.ratio(a.ratio())).orElseThrow();
            String smaller = others.stream().filter(a -> a.point().setting() < point.setting())
                    .map(a -> a.point().setting() + " " + a.judgement()).collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "%s: %s %d — %s ms, %s%s%s. %s", series.name(), series.swept(),
                    point.setting(), Words.meanAndError(point.ms(), point.forks().halfWidth()), versus, cost,
                    smaller.isEmpty() ? "" : "; smaller settings: " + smaller, law);
        }
    }

    private Tuning() {
    }

    /** Every point but the best, tested against it as one family. */
    public static List<Against> against(Point best, List<Point> points) {
        List<Point> rest = points.stream().filter(p -> p != best).toList();
        double margin = Margin.current();
        List<Ratio> ratios = rest.stream().map(p -> Ratio.of(best.forks(), p.forks(), margin)).toList();
        List<Judgement> judgements = Judgement.of(ratios);
        List<Against> against = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            against.add(new Against(rest.get(i), ratios.get(i), judgements.get(i)));
        }
        return against;
    }

    /**
     * The smallest setting equivalent to the best, or the best itself; empty for no points and where
     * the best has no interval (one fork).
     */
    public static Optional<Point> recommend(List<Point> points) {
        Optional<Point> best = best(points);
        if (best.isEmpty() || best.get().forks().forks() < 2) {
            return Optional.empty();
        }
        return against(best.get(), points).stream().filter(a -> a.judgement() == Judgement.equivalent)
                .map(Against::point).filter(p -> p.setting() < best.get().setting())
                .min(Comparator.comparingInt(Point::setting)).or(() -> best);
    }

    public static Optional<Point> best(List<Point> points) {
        return points.stream().min(Comparator.comparingDouble(Point::ms).thenComparingInt(Point::setting));
    }

    /** The sweeps of a run's rows, one series per model and connection pool, settings in order. */
    public static List<Series> series(List<Row> rows) {
        Map<List<Object>, List<Row>> bySeries = rows.stream().filter(Row::isSweep)
                .sorted(Comparator.comparing(Row::scenarioKey, Row.ScenarioKey.ORDER).thenComparing(Row.READING_ORDER))
                .collect(Collectors.groupingBy(r -> List.of(r.scenarioKey(), r.variant().orElseThrow()),
                        LinkedHashMap::new, Collectors.toList()));
        List<Series> all = new ArrayList<>();
        for (List<Row> sweep : bySeries.values()) {
            Row first = sweep.get(0);
            List<Point> points = sweep.stream()
                    .sorted(Comparator.comparingInt(Row::concurrency))
                    .map(r -> new Point(r.concurrency(), r.forkMeans(), r.predictedMs(),
                            metric(r, Metrics.THREADS), metric(r, Metrics.RSS)))
                    .toList();
            double meanDelay = first.delays().delays(first.urls(), first.delayMs(), first.seed()).stream()
                    .mapToInt(Integer::intValue).average().orElse(first.delayMs());
            all.add(new Series(first.model() + seriesSuffix(first), first.model(), first.swept().orElseThrow().words(),
                    first.urls(), meanDelay, points));
        }
        return all;
    }

    public static List<Recommendation> recommendations(List<Row> rows) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (Series series : series(rows)) {
            best(series.points()).ifPresent(best -> recommendations.add(new Recommendation(series,
                    recommend(series.points()), best, against(best, series.points()))));
        }
        return recommendations;
    }

    private static String seriesSuffix(Row row) {
        return row.connectionPool() == ConnectionPoolSize.sized ? "" : " with OkHttp's default connection pool";
    }

    private static Double metric(Row row, String name) {
        JmhRun.Metric metric = row.result().secondary().get(name);
        return metric == null || Double.isNaN(metric.score()) ? null : metric.score();
    }
}
