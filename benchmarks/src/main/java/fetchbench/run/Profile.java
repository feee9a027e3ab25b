package fetchbench.run;

import fetchbench.model.OkHttpAsync;
import fetchbench.workload.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The defaults of a run, in one place. Every value can be overridden with {@code -p name=…} or
 * {@code -Dfetchbench.name=…}; see the README.
 */
public enum Profile {
    /** The run of {@code ./mvnw verify}: every model at N = 10, 100, 1000; about 9 minutes here. */
    DEFAULT("default", List.of(10, 100, 1000), 100, 3, 5),
    /** Every model briefly, for CI: under a minute of benchmarks here. */
    SMOKE("smoke", List.of(10, 100), 20, 1, 2),
    /**
     * The default run plus the scale test: the models that can, at N = 10 000 with a 1 s delay
     * (see {@link #SCALE_URLS}).
     */
    FULL("full", List.of(10, 100, 1000), 100, 3, 5);

    /** The scale test of the full profile: N concurrent fetches … */
    public static final int SCALE_URLS = 10_000;
    /** … each delayed this long. */
    public static final int SCALE_DELAY_MS = 1_000;

    /** The workers shape's k, as in the classic example. */
    public static final int WORKERS = 2;
    /** threadPool's pool sizes in the CPU-heavy shape: past the cores, more threads stop helping. */
    public static final List<Integer> CPU_HEAVY_POOL_SIZES = List.of(1, 2, 4, 8, 16);

    /** Pool size k of threadPool and of completableFuture's explicit pool. */
    public static final int POOL_SIZE = 20;
    /** OkHttp's own Dispatcher defaults, so their cap shows in the results. */
    public static final int OKHTTP_MAX_REQUESTS_PER_HOST = OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST;
    public static final int OKHTTP_MAX_REQUESTS = OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS;
    public static final String DELAY_PROFILE = "fixed";
    public static final long SEED = 42;
    /**
     * Unless a model is asked for by name, it runs only at the N whose predicted batch stays
     * under this (sequential at N·delay, a default executor of one thread, …).
     */
    public static final long BATCH_BUDGET_MS = 20_000;

    private final String name;
    private final List<Integer> urls;
    private final int delayMs;
    private final int warmupIterations;
    private final int measurementIterations;

    Profile(String name, List<Integer> urls, int delayMs, int warmupIterations, int measurementIterations) {
        this.name = name;
        this.urls = urls;
        this.delayMs = delayMs;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
    }

    public String paramName() {
        return name;
    }

    public List<Integer> urls() {
        return urls;
    }

    public int delayMs() {
        return delayMs;
    }

    /** The small sweep of the default and full runs (and a smaller one in smoke); see {@link Sweep}. */
    public java.util.Optional<Sweep> sweep() {
        // From 4 at N = 100: k = 1 and 2 (2 and 1 s a batch) would cost more than the rest together.
        return java.util.Optional.of(new Sweep(this == SMOKE ? 1 : 4, sweepUrls()));
    }

    /** N of the profile's sweep: one where the floor is measured too. */
    public int sweepUrls() {
        return this == SMOKE ? 10 : 100;
    }

    public int sweepDelayMs() {
        return 20;
    }

    /** The models of the profile's sweep. */
    public List<fetchbench.model.Model> sweepModels() {
        return this == SMOKE ? List.of(fetchbench.model.Model.THREAD_POOL, fetchbench.model.Model.OK_HTTP_ASYNC)
                : Sweep.MODELS;
    }

    /** N of a shape other than gather: small, since every model runs every shape. */
    public int urls(Shape shape) {
        boolean smoke = this == SMOKE;
        return switch (shape) {
            case GATHER -> urls.get(urls.size() - 1);
            case WORKERS, AS_COMPLETED, DEADLINE -> smoke ? 8 : 20;
            case FIRST_COMPLETED -> smoke ? 3 : 4;
            case FAILURES -> smoke ? 7 : 21;
            case CPU_HEAVY -> smoke ? 10 : 40;
        };
    }

    /** d of a shape other than gather (the deadline of the deadline shape). */
    public int delayMs(Shape shape) {
        boolean smoke = this == SMOKE;
        return switch (shape) {
            case GATHER, WORKERS, AS_COMPLETED, FIRST_COMPLETED, FAILURES -> smoke ? 20 : delayMs;
            case DEADLINE -> smoke ? 100 : 2 * delayMs;
            case CPU_HEAVY -> smoke ? 10 : 20;
        };
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public static Profile byName(String name) throws OptionException {
        for (Profile profile : values()) {
            if (profile.name.equals(name)) {
                return profile;
            }
        }
        throw new OptionException("unknown profile '" + name + "' (option fetchbench.profile); allowed: "
                + Arrays.stream(values()).map(Profile::paramName).collect(Collectors.joining(", ")));
    }
}
