package fetchbench.catalog;

import fetchbench.model.ConnectionPoolSize;
import fetchbench.workload.Shape;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A model at one of the settings the plan compares, by name: OkHttp's default Dispatcher against
 * one sized to N, CompletableFuture's default executor against a pool, … Its settings are what it
 * runs with unless the user gives concurrency or maxRequests; some depend on the run's largest N.
 * The name travels with every result (jmh.json) and the report words it. Each model's card
 * declares its variants, with the shapes that compare them and the roles they play in a run.
 *
 * <p>Two plans change a variant's concurrency: the workers shape sets it to its number of
 * workers, and a sweep to each setting of its range.
 */
public final class Variant {

    /** Pool size k of threadPool and of the explicit pools of completableFuture and httpClientAsync. */
    public static final int POOL_SIZE = 20;
    /** threadPool's pool sizes in the CPU-heavy shape: past the cores, more threads stop helping. */
    public static final List<Integer> CPU_HEAVY_POOL_SIZES = List.of(2, 16);

    /** What a variant is measured for, besides the shapes that compare it. */
    public enum Role {
        /** A sweep varies it along its model's knob (scripts/tune.sh, the profiles' small sweeps). */
        swept,
        /** It compares its client stack over TLS and HTTP/2: able to have all N in flight over HTTP/1.1. */
        protocols,
        /** Measured under load in the load and smoke runs: two limits and a model with none. */
        underLoad,
        /** Measured under load in the full profile: each model at its usual setting. */
        underLoadInFull,
        /** The full profile's scale test: it can run N = 10 000 at once. */
        scale,
        /** Compared in the clients profile: each client stack at its defaults and at its best setting. */
        clients
    }

    private final String name;
    private final Model model;
    private final IntFunction<List<Integer>> concurrency;
    private final IntFunction<List<Integer>> maxRequests;
    private final ConnectionPoolSize connectionPool;
    private final Set<Shape> shapes;
    private final Set<Role> roles;
    private final Map<Shape, String> leftOutOfDefault;

    private Variant(String name, Model model, IntFunction<List<Integer>> concurrency,
                    IntFunction<List<Integer>> maxRequests, ConnectionPoolSize connectionPool, Set<Shape> shapes,
                    Set<Role> roles, Map<Shape, String> leftOutOfDefault) {
        this.name = name;
        this.model = model;
        this.concurrency = concurrency;
        this.maxRequests = maxRequests;
        this.connectionPool = connectionPool;
        this.shapes = shapes;
        this.roles = roles;
        this.leftOutOfDefault = leftOutOfDefault;
    }

    /** A variant of {@code model} at its defaults (concurrency 0), compared by no shape yet. */
    public static Variant of(Model model, String name) {
        return new Variant(name, model, fixed(0), fixed(0), ConnectionPoolSize.sized, Set.of(), Set.of(), Map.of());
    }

    /** The same variant with this concurrency, whatever the run's largest N. */
    public Variant withConcurrency(int value) {
        return withConcurrency(fixed(value));
    }

    /** The same variant with these concurrency values for a run whose largest N is the argument. */
    public Variant withConcurrency(IntFunction<List<Integer>> values) {
        return new Variant(name, model, values, maxRequests, connectionPool, shapes, roles, leftOutOfDefault);
    }

    public Variant withMaxRequests(IntFunction<List<Integer>> values) {
        return new Variant(name, model, concurrency, values, connectionPool, shapes, roles, leftOutOfDefault);
    }

    public Variant withConnectionPool(ConnectionPoolSize pool) {
        return new Variant(name, model, concurrency, maxRequests, pool, shapes, roles, leftOutOfDefault);
    }

    /** The same variant, compared in these shapes. */
    public Variant comparedBy(Shape... compared) {
        return new Variant(name, model, concurrency, maxRequests, connectionPool, Set.of(compared), roles,
                leftOutOfDefault);
    }

    /** The same variant, compared in every shape but these. */
    public Variant comparedByAllBut(Shape... notCompared) {
        Set<Shape> compared = EnumSet.allOf(Shape.class);
        compared.removeAll(Arrays.asList(notCompared));
        return comparedBy(compared.toArray(Shape[]::new));
    }

    public Variant playing(Role... played) {
        return new Variant(name, model, concurrency, maxRequests, connectionPool, shapes, Set.of(played),
                leftOutOfDefault);
    }

    /** The same variant, left out of these shapes in the default run (to keep it within its budget), and why. */
    public Variant leftOutOfDefault(String why, Shape... leftOut) {
        Map<Shape, String> reasons = new java.util.EnumMap<>(Shape.class);
        reasons.putAll(leftOutOfDefault);
        Arrays.stream(leftOut).forEach(shape -> reasons.put(shape, why));
        return new Variant(name, model, concurrency, maxRequests, connectionPool, shapes, roles, Map.copyOf(reasons));
    }

    /** A value that does not depend on the run's largest N. */
    public static IntFunction<List<Integer>> fixed(int value) {
        return n -> List.of(value);
    }

    /** Every model's variants, model by model, in the order the report lists them. */
    public static List<Variant> all() {
        return Catalog.VARIANTS;
    }

    /** The variant of this name, as jmh.json records it. */
    public static Variant valueOf(String name) {
        return all().stream().filter(v -> v.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant named " + name));
    }

    /** The variant named after the model: the model at its own defaults (or at the values the user gives). */
    public static Variant of(Model model) {
        return valueOf(model.name());
    }

    /** The variant a sweep of the model with this connection pool varies. */
    public static Optional<Variant> swept(Model model, ConnectionPoolSize connectionPool) {
        return all().stream().filter(v -> v.plays(Role.swept) && v.model() == model
                && v.connectionPool() == connectionPool).findFirst();
    }

    public String name() {
        return name;
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

    /** Whether the shape compares this variant (in the full profile, or when its model is named). */
    public boolean comparedIn(Shape shape) {
        return shapes.contains(shape);
    }

    public boolean plays(Role role) {
        return roles.contains(role);
    }

    /** Why the default run leaves it out of this shape, if it does. */
    public Optional<String> leftOutOfDefault(Shape shape) {
        return Optional.ofNullable(leftOutOfDefault.get(shape));
    }

    @Override
    public String toString() {
        return name;
    }

    /** Built on first use, after every {@link Model} constant exists. */
    private static final class Catalog {
        static final List<Variant> VARIANTS = Arrays.stream(Model.values())
                .flatMap(model -> model.card().variants(model).stream()).toList();
    }
}
