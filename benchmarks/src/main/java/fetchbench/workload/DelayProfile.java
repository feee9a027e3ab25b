package fetchbench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** How the server delays are spread over the N URLs, around the {@code delayMs} parameter. */
public enum DelayProfile {
    /** Every URL waits exactly delayMs. */
    fixed {
        @Override
        int delayMs(int delayMs, double spread, Random random) {
            return delayMs;
        }
    },
    /** Uniform in [(1−s)·delayMs, (1+s)·delayMs], s the spread (default 1: 0 to 2·delayMs): mean delayMs. */
    uniform {
        @Override
        int delayMs(int delayMs, double spread, Random random) {
            int low = (int) Math.round(delayMs * (1 - spread));
            int high = (int) Math.round(delayMs * (1 + spread));
            return low + random.nextInt(high - low + 1);
        }
    },
    /**
     * 1.5, 1, 0.5 and 0.2 times delayMs, repeated (150, 100, 50, 20 ms for 100): unequal jobs, so
     * workers and completion order follow the greedy schedule, not ⌈N/k⌉·d.
     */
    staggered {
        @Override
        int delayMs(int delayMs, double spread, Random random) {
            throw new UnsupportedOperationException("staggered delays depend on the position");
        }

        @Override
        public List<Integer> delays(int n, int delayMs, long seed, double spread) {
            List<Integer> delays = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                delays.add((int) Math.round(delayMs * STAGGER[i % STAGGER.length]));
            }
            return delays;
        }
    },
    /** Log-normal with median delayMs and σ the spread (default 0.5): mostly near the median, a few slow ones. */
    lognormal {
        @Override
        int delayMs(int delayMs, double spread, Random random) {
            return (int) Math.round(delayMs * Math.exp(spread * random.nextGaussian()));
        }
    };

    static final double LOGNORMAL_SIGMA = 0.5;
    private static final double[] STAGGER = {1.5, 1, 0.5, 0.2};

    abstract int delayMs(int delayMs, double spread, Random random);

    /** The delays of N URLs with the profile's default spread, in order; the same seed gives the same delays. */
    public List<Integer> delays(int n, int delayMs, long seed) {
        return delays(n, delayMs, seed, defaultSpread());
    }

    /** The delays of N URLs, in order; the same seed gives the same delays. */
    public List<Integer> delays(int n, int delayMs, long seed, double spread) {
        Random random = new Random(seed);
        List<Integer> delays = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            delays.add(delayMs(delayMs, spread, random));
        }
        return delays;
    }

    /** The spread when none is given: uniform 0…2·delayMs, log-normal σ = 0.5, none for the others. */
    public double defaultSpread() {
        return switch (this) {
            case uniform -> 1;
            case lognormal -> LOGNORMAL_SIGMA;
            default -> 0;
        };
    }

    /** Whether the profile takes a spread: uniform (0 < s ≤ 1) and log-normal (σ > 0). */
    public boolean hasSpread() {
        return this == uniform || this == lognormal;
    }

}
