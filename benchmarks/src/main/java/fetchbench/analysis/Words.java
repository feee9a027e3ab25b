package fetchbench.analysis;

import fetchbench.stats.Ratio;
import java.util.Locale;

/** How a figure is written, the same in every table and line. */
public final class Words {

    private Words() {
    }

    /** The mean ± half its fork interval. */
    public static String meanAndError(Row row) {
        return meanAndError(row.measuredMs(), row.halfWidthMs());
    }

    /** "114.1 ± 3.0", "1017 ± 3": one decimal below a second; "114.1" alone without an interval. */
    public static String meanAndError(double mean, double error) {
        int decimals = mean >= 1000 ? 0 : 1;
        if (Double.isNaN(error)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", mean);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", mean, error);
    }

    /** "0.12 ± 0.03" with this many decimals; the mean alone without an interval. */
    public static String meanAndError(double mean, double error, int decimals) {
        if (Double.isNaN(error)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", mean);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", mean, error);
    }

    /** "1.06× [1.03–1.09]": a ratio and its interval; the ratio alone without one. */
    public static String ratio(Ratio ratio) {
        return ratio.hasInterval() ? String.format(Locale.ROOT, "%.2f× [%.2f–%.2f]", ratio.estimate(), ratio.low(),
                ratio.high()) : String.format(Locale.ROOT, "%.2f×", ratio.estimate());
    }

    /** "5×10": the forks and the measured batches of each behind a result. */
    public static String samples(Row row) {
        return row.forkMeans().forks() + "×" + row.result().measurementIterations();
    }

    /** "12.3 ms", "123 ms", or a dash. */
    public static String ms(double value) {
        return Double.isNaN(value) ? "–" : value >= 100 ? String.format(Locale.ROOT, "%.0f ms", value)
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    /** "38.2 [35.1–41.0]" ms: an estimate and its 95 % interval, one decimal below 100; the estimate alone without one. */
    public static String interval(MergedLatency.Interval interval) {
        String format = interval.ms() >= 100 ? "%.0f" : "%.1f";
        String estimate = number(interval.ms(), format);
        return Double.isNaN(interval.lowMs()) ? estimate : estimate + " [" + String.format(Locale.ROOT, format,
                interval.lowMs()) + "–" + String.format(Locale.ROOT, format, interval.highMs()) + "]";
    }

    /** The value in {@code format}, or a dash where it is not known. */
    public static String number(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }

    /** "a", "a and b", "a, b and c". */
    public static String list(java.util.List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
