package fetchbench.report;

import fetchbench.bench.ResourceProfiler;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Knob;
import fetchbench.model.Model;
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
 * What a sweep recommends: per model (and connection pool), the smallest setting whose batch time
 * is within {@link #WITHIN_PERCENT} % of the best measured, what it costs, and why by Little's law.
 */
public final class Tuning {

    /** A setting counts as good as the best when its time is at most this much above it. */
    static final double WITHIN_PERCENT = 5;

    /** One setting of a sweep: its value, its time (and JMH's error), and what it cost. */
    public record Point(int setting, double ms, double errorMs, double predictedMs, Double threads, Double rssMb) {
    }

    /** One swept variant (okHttpAsync has two: its pool sized to N, and OkHttp's default pool). */
    public record Series(String name, Model model, String swept, int urls, double meanDelayMs, List<Point> points) {
    }

    /** The recommendation of one series. */
    public record Recommendation(Series series, Point chosen, Point best) {

        /** What Little's law says was in flight on average at the best setting. */
        public double requestsInFlight() {
            return Theory.inFlight(series.urls(), series.meanDelayMs(), best.ms());
        }

        /** One line for the console and the report. */
        public String describe() {
            String cost = (chosen.threads() == null ? "" : String.format(Locale.ROOT, "; %.0f platform threads",
                    chosen.threads())) + (chosen.rssMb() == null ? "" : String.format(Locale.ROOT, ", %.0f MB RSS",
                    chosen.rssMb()));
            String within = chosen.setting() == best.setting() ? "the best measured"
                    : String.format(Locale.ROOT, "within %.0f %% of the best (%.1f ms at %d)", WITHIN_PERCENT,
                    best.ms(), best.setting());
            String law = String.format(Locale.ROOT, "Little's law (L = λ·W): %d fetches of %.0f ms in %.1f ms "
                    + "is about %d in flight on average, ", series.urls(), series.meanDelayMs(), best.ms(),
                    Math.round(requestsInFlight()));
            law += series.model() == Model.httpClientAsync
                    ? "and the JDK client keeps them in flight whatever its executor's size, which only handles "
                    + "the responses: the smallest executor that keeps up is enough."
                    : "so a setting much below that cannot match the best, and past the recommended one more "
                    + "only adds threads.";
            return String.format(Locale.ROOT, "%s: %s %d — %.1f ms, %s%s. %s", series.name(), series.swept(),
                    chosen.setting(), chosen.ms(), within, cost, law);
        }
    }

    private Tuning() {
    }

    /**
     * The smallest setting whose time is within {@link #WITHIN_PERCENT} % of the best; on a tie
     * the smaller setting. Empty for no points.
     */
    public static Optional<Point> recommend(List<Point> points) {
        Optional<Point> best = best(points);
        if (best.isEmpty()) {
            return Optional.empty();
        }
        double limit = best.get().ms() * (1 + WITHIN_PERCENT / 100);
        return points.stream().filter(p -> p.ms() <= limit).min(Comparator.comparingInt(Point::setting));
    }

    static Optional<Point> best(List<Point> points) {
        return points.stream().min(Comparator.comparingDouble(Point::ms).thenComparingInt(Point::setting));
    }

    /** The sweeps of a run's rows, one series per model and connection pool, settings in order. */
    public static List<Series> series(List<Row> rows) {
        Map<List<Object>, List<Row>> bySeries = rows.stream().filter(Row::isSweep)
                .sorted(Comparator.comparing(Row::scenario).thenComparing(Row.READING_ORDER))
                .collect(Collectors.groupingBy(r -> List.of(r.scenario(), r.variant().orElseThrow()),
                        LinkedHashMap::new, Collectors.toList()));
        List<Series> all = new ArrayList<>();
        for (List<Row> sweep : bySeries.values()) {
            Row first = sweep.get(0);
            List<Point> points = sweep.stream()
                    .sorted(Comparator.comparingInt(Row::concurrency))
                    .map(r -> new Point(r.concurrency(), r.measuredMs(), r.errorMs(), r.predictedMs(),
                            metric(r, ResourceProfiler.THREADS), metric(r, ResourceProfiler.RSS)))
                    .toList();
            double meanDelay = first.delays().delays(first.urls(), first.delayMs(), first.seed()).stream()
                    .mapToInt(Integer::intValue).average().orElse(first.delayMs());
            all.add(new Series(first.model() + seriesSuffix(first), first.model(), words(first.swept().orElseThrow()),
                    first.urls(), meanDelay, points));
        }
        return all;
    }

    public static List<Recommendation> recommendations(List<Row> rows) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (Series series : series(rows)) {
            recommend(series.points()).ifPresent(chosen ->
                    recommendations.add(new Recommendation(series, chosen, best(series.points()).orElseThrow())));
        }
        return recommendations;
    }

    private static String seriesSuffix(Row row) {
        return row.connectionPool() == ConnectionPoolSize.sized ? "" : " with OkHttp's default connection pool";
    }

    /** What a knob is, in the report's words. */
    static String words(Knob knob) {
        return switch (knob) {
            case poolSize -> "pool size k";
            case executorSize -> "executor size";
            case permits -> "semaphore permits";
            case dispatcherLimit -> "maxRequestsPerHost = maxRequests";
            case none -> "nothing";
        };
    }

    private static Double metric(Row row, String name) {
        JmhRun.Metric metric = row.result().secondary().get(name);
        return metric == null || Double.isNaN(metric.score()) ? null : metric.score();
    }
}
