package fetchbench.analysis;

import java.util.Locale;

/** How a figure is written, the same in every table and line. */
public final class Words {

    private Words() {
    }

    public static String meanAndError(Row row) {
        return meanAndError(row.measuredMs(), row.errorMs());
    }

    /** "114.1 ± 3.0", "1017 ± 3": one decimal below a second. */
    public static String meanAndError(double mean, double error) {
        int decimals = mean >= 1000 ? 0 : 1;
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", mean, error);
    }

    /** "12.3 ms", "123 ms", or a dash. */
    public static String ms(double value) {
        return Double.isNaN(value) ? "–" : value >= 100 ? String.format(Locale.ROOT, "%.0f ms", value)
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    /** The value in {@code format}, or a dash where it is not known. */
    public static String number(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }
}
