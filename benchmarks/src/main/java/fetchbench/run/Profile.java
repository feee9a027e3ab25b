package fetchbench.run;

import fetchbench.model.ConnectionPoolSize;

import fetchbench.catalog.Variant;


import fetchbench.catalog.Model;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.EnumSet;

/**
 * The defaults of a run, in one place: what each shape compares, at which N and delay, and how
 * many batches. Every value can be overridden with {@code -p name=…} or {@code -Dfetchbench.name=…};
 * see the README. The run prints how long its plan is predicted to take.
 */
public enum Profile {
    /**
     * The run of {@code ./mvnw verify}, the headline question: which model, at N = 10, 100, 1000,
     * where a batch takes at most 1.5 s. A "Which model?" cell at N = 100 or 1000 with every request
     * in flight rests on 5 forks, every other result on 3; after the fork's own warm-up until steady,
     * one JMH warm-up batch, then 4 measured: the first batch after the warm-up ran 1–3 % slower
     * than the rest (the median over forks of every reference run), which tipped the run-wide sign
     * test; without it, the rest did not trend beyond chance.
     */
    DEFAULT(List.of(10, 100, 1000), 100, 1, 4, 3, 5, 1_500, EnumSet.of(Part.gather, Part.footprint)) {
        /**
         * Nine forks fewer, for the budget: at N = 10 a batch's band is read against the floor at
         * N = 100, which no batch of 10 exceeds (the band [d, d + floor] is wider, never wrong).
         */
        @Override
        public int smallestFloorUrls() {
            return 100;
        }
    },
    /** Every part briefly, for CI: one fork, so no intervals. */
    SMOKE(List.of(10, 100), 20, 0, 2, 1, 1, 2_000, EnumSet.of(Part.gather, Part.shapes, Part.protocols, Part.sweep,
            Part.load, Part.footprint)),
    /**
     * Which client stack: each stack's gather with every request in flight beside its bare
     * client, and the defaults that cap Apache and Jetty, at N = 100 and 1000; 5 forks where
     * every request is in flight, 3 elsewhere. Batches of up to 2.5 s, so that Apache's 5 per
     * route is measured at N = 100.
     */
    CLIENTS(List.of(100, 1000), 100, 1, 4, 3, 5, 2_500, EnumSet.of(Part.gather, Part.footprint)),
    /** The other shapes (workers, as completed, race, deadline, failures, CPU-heavy), every model. */
    SHAPES(List.of(10, 100, 1000), 100, 0, 5, 3, 5, 1_500, EnumSet.of(Part.shapes)),
    /** Each client stack over TLS and HTTP/2 against its own HTTP/1.1 time, and the stream-limit probe. */
    PROTOCOLS(List.of(10, 100, 1000), 100, 0, 5, 3, 5, 1_500, EnumSet.of(Part.protocols)),
    /**
     * What each model costs over its client stack: the gather of every setting at a 1 ms delay, where
     * the delay no longer hides the model, beside each stack's bare client at every N; and the
     * server's CPU per request with the template and with the extension that echo the index; and
     * the gather at the largest N again in forks told they have {@link #TOLD_PROCESSORS} processors.
     * Not a headline: 3 forks each.
     */
    COST(List.of(10, 100, 1000), 1, 0, 5, 3, 3, 1_500, EnumSet.of(Part.gather, Part.echo, Part.cpus)),
    /**
     * Gathers of N = 10 × 10 ms arriving at random (Poisson) through each bounded setting under load:
     * the unloaded gather first, then 5 rates around the SLO rate it predicts, each measured for
     * 10 s in each of 3 forks after 4 s of load, and 10 s past saturation for the backlog's growth.
     */
    LOAD(List.of(10), 10, 1, 4, 3, 3, 1_500, EnumSet.of(Part.load)),
    /**
     * Everything but the cost profile's cpus axis: the default run with the slow batches it leaves
     * out (up to 20 s), the other shapes, the protocols at every N, the sweeps, the load, the
     * footprints, the echo's cost, and the scale test at N =
     * {@link #SCALE_URLS} with a {@link #SCALE_DELAY_MS} ms delay.
     */
    FULL(List.of(10, 100, 1000), 100, 0, 5, 3, 5, 20_000, EnumSet.complementOf(EnumSet.of(Part.cpus)));

    /** What a run answers: each profile answers some; a benchmark named on the command line runs in any. */
    public enum Part {
        /** Which model: the gather at every N. */
        gather,
        /** The other shapes of the classic tutorials. */
        shapes,
        /** TLS and HTTP/2. */
        protocols,
        /** A small sweep of a model's setting (scripts/tune.sh sweeps yours). */
        sweep,
        /** Many callers and open-loop arrivals. */
        load,
        /** N = 10 000 at once. */
        scale,
        /** What each gathered setting holds per request in flight, at its largest N. */
        footprint,
        /** The server's CPU per request with WireMock's template and with the suite's extension, side by side. */
        echo,
        /**
         * Each gathered setting at its largest N (when that is the run's) again, in forks told they have
         * {@link #TOLD_PROCESSORS} processors: what the JVM sizes from the count, on the same cores.
         */
        cpus
    }

    /** The processor count the cpus axis tells its forks ({@code -XX:ActiveProcessorCount}). */
    public static final int TOLD_PROCESSORS = 8;

    /** The variants that play this role, model by model (each model's card says which). */
    static List<Variant> playing(Variant.Role role) {
        return Variant.all().stream().filter(v -> v.plays(role)).toList();
    }

    /** The N of the headline results, where all N in flight: the "Which model?" cells that rest on {@link #headlineForks}. */
    public static final List<Integer> HEADLINE_URLS = List.of(100, 1000);

    /** The scale test of the full profile: N concurrent fetches … */
    public static final int SCALE_URLS = 10_000;
    /** … each delayed this long. */
    public static final int SCALE_DELAY_MS = 1_000;

    /** The workers shape's k, as in the classic example. */
    public static final int WORKER_COUNT = 2;
    public static final DelayProfile DELAY_PROFILE = DelayProfile.fixed;
    public static final long SEED = 42;
    private final List<Integer> urls;
    private final int delayMs;
    private final int warmupIterations;
    private final int measurementIterations;
    private final int forks;
    private final int headlineForks;
    private final long batchBudgetMs;
    private final Set<Part> parts;

    Profile(List<Integer> urls, int delayMs, int warmupIterations, int measurementIterations, int forks,
            int headlineForks, long batchBudgetMs, Set<Part> parts) {
        this.urls = urls;
        this.delayMs = delayMs;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
        this.forks = forks;
        this.headlineForks = headlineForks;
        this.batchBudgetMs = batchBudgetMs;
        this.parts = parts;
    }

    /** JMH forks per result: the variance between forks is what its interval is made of. */
    public int forks() {
        return forks;
    }

    /** JMH forks per headline result: a "Which model?" cell at N = 100 or 1000 with every request in flight. */
    public int headlineForks() {
        return headlineForks;
    }

    /**
     * The smallest N the floor is measured at, where the run gathers at it; below it the floor read
     * is the one at this N (see Calibration#floorMs). 1: at every N.
     */
    public int smallestFloorUrls() {
        return 1;
    }

    /**
     * Whether the floor is measured at the cap of each capped setting too: a capped gather's band
     * then adds the floor at its cap once per wave, read from a measurement, not from the floor
     * at the next N up (wider, never wrong).
     */
    public boolean floorsAtCaps() {
        return this == CLIENTS || this == FULL;
    }

    /** Whether the profile answers this part unasked. */
    public boolean answers(Part part) {
        return parts.contains(part);
    }

    /**
     * Unless a model is asked for by name, it runs only at the N whose predicted batch stays
     * under this (sequential at N·delay, a default executor of one thread, …).
     */
    public long batchBudgetMs() {
        return batchBudgetMs;
    }

    /** The name users type: {@code -Dfetchbench.profile=smoke}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The variants a shape compares, in the order the report lists them (each model's card says which). */
    static List<Variant> compared(Shape shape) {
        return Variant.all().stream().filter(v -> v.comparedIn(shape)).toList();
    }

    /**
     * The variants a shape compares in this profile: the default run leaves a few out of some
     * shapes to stay within its 15 minutes, each for the reason its card gives; the clients
     * profile gathers those that play {@link Variant.Role#clients}.
     */
    List<Variant> comparedHere(Shape shape) {
        if (this == CLIENTS) {
            return shape == Shape.gather ? playing(Variant.Role.clients) : List.of();
        }
        return compared(shape).stream().filter(v -> this == FULL || this == SMOKE || v.leftOutOfDefault(shape).isEmpty())
                .toList();
    }

    public List<Integer> urls() {
        return urls;
    }

    public int delayMs() {
        return delayMs;
    }

    /** The small sweep of each profile, at an N where the floor is measured too; see {@link Sweep}. */
    public Sweep sweep() {
        // From 32 at N = 100: k = 1 to 16 (2 s to 0.14 s a batch) would cost as much as the rest together.
        return new Sweep(this == SMOKE ? 1 : 32, sweepUrls());
    }

    public int sweepUrls() {
        return this == SMOKE ? 10 : 100;
    }

    public int sweepDelayMs() {
        return 20;
    }

    /** The N at which the protocols are compared: one in the smoke and protocols runs, every N in the full profile. */
    public List<Integer> protocolUrls() {
        return switch (this) {
            case SMOKE -> List.of(10);
            case FULL -> urls;
            default -> List.of(100);
        };
    }

    /** The variants measured under load (callers and arrival rates). */
    public List<Variant> underLoad() {
        return playing(this == FULL ? Variant.Role.underLoadInFull : Variant.Role.underLoad);
    }

    /** N of a gather under load: a request handler's handful of calls. */
    public int loadUrls() {
        return 10;
    }

    /** d of a gather under load: short, so that a window of one second holds many arrivals. */
    public int loadDelayMs() {
        return 10;
    }

    /** M of the callers benchmark: one, and as many as make M·N one of the gather's N; none in the load profile, which is about arrivals. */
    public List<Integer> callers() {
        return switch (this) {
            case SMOKE -> List.of(1, 4);
            case LOAD -> List.of();
            default -> List.of(1, 10, 100);
        };
    }

    /** Whether the load's rates are predicted during the run from the unloaded gather (else {@link #rates}). */
    public boolean predictsRates() {
        return this == LOAD || this == FULL;
    }

    /**
     * The arrival rates of the load benchmark, per second, doubling: past a pool of 20's capacity
     * of 20 / (N·d) = 200 gathers a second, and OkHttp's default Dispatcher's 50 (5 per host).
     */
    public List<Integer> rates() {
        return switch (this) {
            case SMOKE -> List.of(40, 160);
            case FULL -> List.of(20, 40, 80, 160, 320, 640, 1280);
            default -> List.of(40, 80, 160, 320);
        };
    }

    /** The models of the profile's sweep. */
    public List<Model> sweepModels() {
        return switch (this) {
            case SMOKE -> List.of(Model.threadPool, Model.okHttpAsync);
            case FULL -> Sweep.MODELS;
            default -> List.of(Model.threadPool);
        };
    }


    /** N of a shape other than gather, from the shape's card: small, since every model runs every shape. */
    public int urls(Shape shape) {
        return shape.urls(size());
    }

    /** d of a shape other than gather (the deadline of the deadline shape), from the shape's card. */
    public int delayMs(Shape shape) {
        return shape.delayMs(size(), delayMs);
    }

    private Shape.RunSize size() {
        return switch (this) {
            case SMOKE -> Shape.RunSize.smoke;
            case FULL -> Shape.RunSize.full;
            default -> Shape.RunSize.standard;
        };
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public int measurementIterations() {
        return measurementIterations;
    }
}
