package fetchbench.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A delay profile with its spread, as the delayProfile parameter gives it: {@code fixed},
 * {@code lognormal} (σ = 0.5), {@code lognormal:0.8} (σ = 0.8), {@code uniform:0.5} (±50 % around
 * the mean), … See {@link DelayProfile}.
 */
public record Delays(DelayProfile profile, double spread) {

    public Delays {
        if (profile == DelayProfile.uniform && (spread <= 0 || spread > 1)) {
            throw new IllegalArgumentException("uniform's spread must be in (0, 1], got " + spread);
        }
        if (profile == DelayProfile.lognormal && (spread <= 0 || spread > 5)) {
            throw new IllegalArgumentException("lognormal's σ must be in (0, 5], got " + spread);
        }
    }

    public static Delays of(DelayProfile profile) {
        return new Delays(profile, profile.defaultSpread());
    }

    /** From the benchmark's parameters: a spread of 0 is the profile's default. */
    public static Delays of(DelayProfile profile, double spreadParam) {
        return spreadParam == 0 ? of(profile) : new Delays(profile, spreadParam);
    }

    /** The spread parameter: 0 for the profile's default spread, else the spread. */
    public double spreadParam() {
        return spread == profile.defaultSpread() ? 0 : spread;
    }

    /** "lognormal" or "lognormal:0.8"; an IllegalArgumentException says what is allowed. */
    public static Delays parse(String value) {
        String[] parts = value.strip().split(":", -1);
        DelayProfile profile;
        try {
            profile = DelayProfile.valueOf(parts[0].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad delay profile '" + value + "'; allowed: " + ALLOWED);
        }
        if (parts.length == 1) {
            return of(profile);
        }
        if (parts.length > 2 || !profile.hasSpread()) {
            throw new IllegalArgumentException("bad delay profile '" + value + "'; allowed: " + ALLOWED);
        }
        try {
            return new Delays(profile, Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad delay profile '" + value + "'; allowed: " + ALLOWED);
        }
    }

    /** What the delayProfile parameter accepts. */
    public static final String ALLOWED = String.join(", ", Arrays.stream(DelayProfile.values()).map(Enum::name).toList()) + ", uniform:S with 0 < S <= 1 (±S around "
            + "the mean), lognormal:σ with 0 < σ <= 5";

    public List<Integer> delays(int n, int delayMs, long seed) {
        return profile.delays(n, delayMs, seed, spread);
    }

    /** The parameter value: the profile's name, with the spread when it is not the default. */
    public String spec() {
        return spread == profile.defaultSpread() ? profile.name()
                : profile.name() + ":" + String.format(Locale.ROOT, "%s", spread);
    }
}
