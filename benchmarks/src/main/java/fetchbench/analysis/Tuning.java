package fetchbench.analysis;

import fetchbench.catalog.Knob;

import fetchbench.result.JmhRun;

import fetchbench.result.Metrics;

import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Model;
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
 * What a sweep recommends: per model (and connection pool), the smallest setting that is not
 * significantly slower than the best measured, judged on JMH's intervals, or "undetermined" where
 * they are too wide to tell; what it costs, and why by Little's law.
 */
public final class Tuning {

    /** The data can tell settings apart only when the best one's interval is at most this wide (± %). */
    public static final double MAX_HALF_WIDTH_PERCENT = 10;

    /** One setting of a sweep: its value, its time (and JMH's error), and what it cost. */
    public record Point(int setting, double ms, double errorMs, double predictedMs, Double threads, Double rssMb) {

        /** Not significantly slower than {@code best}: the two intervals (time ± error) overlap. */
        public boolean asFastAs(Point best) {
            return ms - errorMs <= best.ms + best.errorMs;
        }
    }

    /** One swept variant (okHttpAsync has two: its pool sized to N, and OkHttp's default pool). */
    public record Series(String name, Model model, String swept, int urls, double meanDelayMs, List<Point> points) {
    }

    /** What a series recommends: a setting, or nothing where the data cannot tell, and why. */
    public record Recommendation(Series series, Optional<Point> chosen, Point best, Optional<String> undetermined) {

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
            String bestText = String.format(Locale.ROOT, "%.1f ± %.1f ms at %d", best.ms(), best.errorMs(),
                    best.setting());
            if (chosen.isEmpty()) {
                return String.format(Locale.ROOT, "%s: %s undetermined — %s (best measured %s). %s", series.name(),
                        series.swept(), undetermined.orElse(""), bestText, law);
            }
            Point point = chosen.get();
            String cost = (point.threads() == null ? "" : String.format(Locale.ROOT, "; %.0f platform threads",
                    point.threads())) + (point.rssMb() == null ? "" : String.format(Locale.ROOT, ", %.0f MB RSS",
                    point.rssMb()));
            String versus = point.setting() == best.setting() ? "the best measured"
                    : "not significantly slower than the best (" + bestText + ")";
            return String.format(Locale.ROOT, "%s: %s %d — %.1f ± %.1f ms, %s%s. %s", series.name(), series.swept(),
                    point.setting(), point.ms(), point.errorMs(), versus, cost, law);
        }
    }

    private Tuning() {
    }

    /**
     * The smallest setting that is not significantly slower than the best: its interval overlaps
     * the best's. Empty for no points, and where the data cannot tell (see {@link #undetermined}).
     */
    public static Optional<Point> recommend(List<Point> points) {
        if (undetermined(points).isPresent()) {
            return Optional.empty();
        }
        return smallestAsFast(points);
    }

    private static Optional<Point> smallestAsFast(List<Point> points) {
        return best(points).flatMap(best -> points.stream().filter(p -> p.asFastAs(best))
                .min(Comparator.comparingInt(Point::setting)));
    }

    /**
     * Why the points cannot tell which setting is enough: an error JMH could not estimate, or,
     * where a smaller setting than the best would be recommended, an interval of the two wider
     * than ±{@value #MAX_HALF_WIDTH_PERCENT} %: wide intervals overlap whatever the truth. When
     * every smaller setting is slower beyond both intervals, the best is the answer however wide
     * its own interval.
     */
    public static Optional<String> undetermined(List<Point> points) {
        if (points.stream().anyMatch(p -> Double.isNaN(p.errorMs()))) {
            return Optional.of("JMH gave no interval for some settings (too few batches)");
        }
        Optional<Point> best = best(points);
        Optional<Point> chosen = smallestAsFast(points);
        if (best.isEmpty() || chosen.isEmpty() || chosen.get().setting() == best.get().setting()) {
            return Optional.empty();
        }
        for (Point point : List.of(chosen.get(), best.get())) {
            if (point.errorMs() > point.ms() * MAX_HALF_WIDTH_PERCENT / 100) {
                return Optional.of(String.format(Locale.ROOT, "the interval at %d is ±%.0f %%, wider than ±%.0f %%, "
                        + "too wide to call %d as fast as %d", point.setting(), 100 * point.errorMs() / point.ms(),
                        MAX_HALF_WIDTH_PERCENT, chosen.get().setting(), best.get().setting()));
            }
        }
        return Optional.empty();
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
                    .map(r -> new Point(r.concurrency(), r.measuredMs(), r.errorMs(), r.predictedMs(),
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
                    recommend(series.points()), best, undetermined(series.points()))));
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
