package fetchbench.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** How the server delays are spread over the N URLs, around the {@code delayMs} parameter. */
public enum DelayProfile {
    /** Every URL waits exactly delayMs. */
    FIXED("fixed") {
        @Override
        int delayMs(int delayMs, Random random) {
            return delayMs;
        }
    },
    /** Uniform in [0, 2·delayMs]: mean delayMs. */
    UNIFORM("uniform") {
        @Override
        int delayMs(int delayMs, Random random) {
            return random.nextInt(2 * delayMs + 1);
        }
    },
    /**
     * 1.5, 1, 0.5 and 0.2 times delayMs, repeated (150, 100, 50, 20 ms for 100): unequal jobs, so
     * workers and completion order follow the greedy schedule, not ⌈N/k⌉·d.
     */
    STAGGERED("staggered") {
        @Override
        int delayMs(int delayMs, Random random) {
            throw new UnsupportedOperationException("staggered delays depend on the position");
        }

        @Override
        public List<Integer> delays(int n, int delayMs, long seed) {
            List<Integer> delays = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                delays.add((int) Math.round(delayMs * STAGGER[i % STAGGER.length]));
            }
            return delays;
        }
    },
    /** Log-normal with median delayMs and σ = 0.5: mostly near the median, a few slow ones. */
    LOGNORMAL("lognormal") {
        @Override
        int delayMs(int delayMs, Random random) {
            return (int) Math.round(delayMs * Math.exp(LOGNORMAL_SIGMA * random.nextGaussian()));
        }
    };

    static final double LOGNORMAL_SIGMA = 0.5;
    private static final double[] STAGGER = {1.5, 1, 0.5, 0.2};

    private final String paramName;

    DelayProfile(String paramName) {
        this.paramName = paramName;
    }

    abstract int delayMs(int delayMs, Random random);

    /** The delays of N URLs, in order; the same seed gives the same delays. */
    public List<Integer> delays(int n, int delayMs, long seed) {
        Random random = new Random(seed);
        List<Integer> delays = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            delays.add(delayMs(delayMs, random));
        }
        return delays;
    }

    public String paramName() {
        return paramName;
    }

    public static DelayProfile byName(String name) {
        for (DelayProfile profile : values()) {
            if (profile.paramName.equals(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown delay profile '" + name + "'; allowed: " + allowedNames());
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(DelayProfile::paramName).collect(Collectors.joining(", "));
    }
}
