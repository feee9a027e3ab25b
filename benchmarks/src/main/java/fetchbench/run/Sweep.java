package fetchbench.run;

import fetchbench.catalog.Variant;

import fetchbench.catalog.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A range of one concurrency setting to sweep, from {@code min} to {@code max}, doubling: 1..100
 * is 1, 2, 4, 8, 16, 32, 64, 100. What the setting is depends on the model (see {@link #MODELS}).
 */
public record Sweep(int min, int max) {

    /** The models with a setting to sweep (pool, Dispatcher limit, executor, permits), in the order tune.sh runs them. */
    public static final List<Model> MODELS = Profile.playing(Variant.Role.swept).stream().map(Variant::model).distinct().toList();

    public Sweep {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("a sweep needs 1 <= min <= max, got " + min + ".." + max);
        }
    }

    /** Parses "MIN..MAX", naming {@code option} when it cannot. */
    public static Sweep parse(String text, String option) throws OptionException {
        String problem = "bad value '" + text + "' for " + option + "; allowed: MIN..MAX with 1 <= MIN <= MAX, "
                + "e.g. 1..256";
        String[] ends = text.strip().split("\\.\\.", -1);
        if (ends.length != 2) {
            throw new OptionException(problem);
        }
        try {
            int min = Integer.parseInt(ends[0].strip());
            int max = Integer.parseInt(ends[1].strip());
            if (min < 1 || max < min) {
                throw new OptionException(problem);
            }
            return new Sweep(min, max);
        } catch (NumberFormatException e) {
            throw new OptionException(problem);
        }
    }

    /** min, 2·min, 4·min, … below max, then max. */
    public List<Integer> settings() {
        List<Integer> settings = new ArrayList<>();
        for (long k = min; k < max; k *= 2) {
            settings.add((int) k);
        }
        settings.add(max);
        return settings;
    }

    public static String modelNames() {
        return MODELS.stream().map(Model::name).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
