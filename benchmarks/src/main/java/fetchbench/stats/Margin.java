package fetchbench.stats;

import java.util.Locale;

/**
 * The equivalence margin m of every comparison: two results within [1/(1 + m), 1 + m] of each
 * other are the same. {@value #DEFAULT} unless the user sets {@code -Dfetchbench.margin=0.05} (or
 * {@code 5%}).
 */
public final class Margin {

    public static final String PROPERTY = "fetchbench.margin";
    public static final double DEFAULT = 0.03;
    static final double SMALLEST = 0.001;
    static final double LARGEST = 0.5;

    private Margin() {
    }

    /** The margin this JVM was given; a value that is not one throws, naming the option and what it allows. */
    public static double current() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? DEFAULT : parse(value.trim());
    }

    public static double parse(String value) {
        double margin;
        try {
            margin = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                    : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            margin = Double.NaN;
        }
        if (!(margin >= SMALLEST && margin <= LARGEST)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "-D%s=%s is not a margin; allowed: a share from %s to %s, e.g. 0.03 or 3%%", PROPERTY, value,
                    SMALLEST, LARGEST));
        }
        return margin;
    }
}
