package fetchbench.run;

import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Model;
import fetchbench.model.OkHttpAsync;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A model at one of the settings the plan compares, by name: OkHttp's default Dispatcher against
 * one sized to N, CompletableFuture's default executor against a pool, … Its settings are what it
 * runs with unless the user gives concurrency or maxRequests; some depend on the run's largest N.
 * The name travels with every result (jmh.json) and the report words it. A new variant is one
 * constant here and one line in {@link Profile}'s tables.
 *
 * <p>Two plans change a variant's concurrency: the workers shape sets it to its number of
 * workers, and a sweep to each setting of its range.
 */
public enum Variant {
    sequential(Model.sequential, fixed(1), fixed(0)),
    /** A fixed pool of {@link Profile#POOL_SIZE} threads. */
    threadPool(Model.threadPool, fixed(Profile.POOL_SIZE), fixed(0)),
    /** Pools from the cores to past them: where more threads stop helping CPU work. */
    threadPoolSizes(Model.threadPool, n -> Profile.CPU_HEAVY_POOL_SIZES, fixed(0)),
    /** CompletableFuture's default async executor. */
    completableFuture(Model.completableFuture, fixed(0), fixed(0)),
    /** CompletableFuture on an explicit pool of {@link Profile#POOL_SIZE}. */
    completableFuturePool(Model.completableFuture, fixed(Profile.POOL_SIZE), fixed(0)),
    /** A virtual thread per URL, unbounded. */
    virtualThreads(Model.virtualThreads, fixed(0), fixed(0)),
    /** OkHttp's own Dispatcher defaults, so their cap shows. */
    okHttpAsync(Model.okHttpAsync, fixed(OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST),
            fixed(OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS)),
    /** The Dispatcher's limits both sized to the run's largest N. */
    okHttpSized(Model.okHttpAsync, n -> List.of(n), n -> List.of(n)),
    /** Sized like okHttpSized, with OkHttp's own connection pool (5 idle): what reconnecting costs. */
    okHttpSizedDefaultPool(Model.okHttpAsync, n -> List.of(n), n -> List.of(n), ConnectionPoolSize.okHttpDefault),
    /** The JDK client with its default executor. */
    httpClientAsync(Model.httpClientAsync, fixed(0), fixed(0)),
    /** The JDK client handling responses on an executor of {@link Profile#POOL_SIZE}. */
    httpClientAsyncPool(Model.httpClientAsync, fixed(Profile.POOL_SIZE), fixed(0)),
    /** The JDK client's default executor beside an executor of {@link Profile#POOL_SIZE}. */
    httpClientAsyncExecutors(Model.httpClientAsync, n -> List.of(0, Profile.POOL_SIZE), fixed(0)),
    structured(Model.structured, fixed(0), fixed(0)),
    /** Reactor's flatMap at its default concurrency, on Reactor Netty with a pool sized to N. */
    reactor(Model.reactor, fixed(0), fixed(0));

    private final Model model;
    private final IntFunction<List<Integer>> concurrency;
    private final IntFunction<List<Integer>> maxRequests;
    private final ConnectionPoolSize connectionPool;

    Variant(Model model, IntFunction<List<Integer>> concurrency, IntFunction<List<Integer>> maxRequests) {
        this(model, concurrency, maxRequests, ConnectionPoolSize.sized);
    }

    Variant(Model model, IntFunction<List<Integer>> concurrency, IntFunction<List<Integer>> maxRequests,
            ConnectionPoolSize connectionPool) {
        this.model = model;
        this.concurrency = concurrency;
        this.maxRequests = maxRequests;
        this.connectionPool = connectionPool;
    }

    private static IntFunction<List<Integer>> fixed(int value) {
        return n -> List.of(value);
    }

    public Model model() {
        return model;
    }

    /** Its concurrency values in a run whose largest N is {@code largestN}. */
    public List<Integer> concurrency(int largestN) {
        return concurrency.apply(largestN);
    }

    public List<Integer> maxRequests(int largestN) {
        return maxRequests.apply(largestN);
    }

    public ConnectionPoolSize connectionPool() {
        return connectionPool;
    }

    /** The variant named after the model: the model at its own defaults (or at the values the user gives). */
    public static Variant of(Model model) {
        return valueOf(model.name());
    }
}
