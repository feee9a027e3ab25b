package fetchbench.catalog;

import fetchbench.model.ClientStack;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every fact the suite knows about one concurrency model: how to build it, what bounds its
 * requests in flight (for the theory), how the report words it and what it advises, how the
 * charts draw it, and the settings (variants) the profiles compare. A new model is its class in
 * model/, a card here, and one constant in {@link Model}.
 */
public interface ModelCard {

    /** What the concurrency parameter sets in this model. */
    Knob knob();

    /** The HTTP client the model fetches with. */
    default ClientStack clientStack() {
        return ClientStack.okHttp;
    }

    ConcurrencyModel create(ModelSettings settings);

    /** What the maxRequests parameter sets in this model, if anything (OkHttp's maxRequests, Apache's max total, …). */
    default Optional<String> maxRequestsWords() {
        return Optional.empty();
    }

    /** Whether it fetches on virtual threads: its forks watch them for pinning and for carriers. */
    default boolean onVirtualThreads() {
        return false;
    }

    /**
     * Whether the threads it fetches on are sized from the processor count the JVM sees (the
     * carriers, the common pool, event loops): the cost profile runs it again told more processors.
     */
    default boolean sizedByProcessors() {
        return onVirtualThreads();
    }

    /**
     * Requests the model has in flight at once for N URLs, before it is held to 1..N.
     *
     * @param defaultExecutorThreads tasks CompletableFuture's default executor runs at once on the
     *                               benchmarked JVM; 0 when it starts a thread per task
     */
    int slots(Limits limits, int urls, int defaultExecutorThreads);

    /**
     * The most requests the model lets in flight however many callers share one instance; empty
     * where each caller brings its own bound (a loop, a virtual thread each, …).
     */
    OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads);

    /**
     * Requests in flight when {@code callers} callers each gather N through one shared instance:
     * by default its limit is shared, so M·N requests meet the slots of one.
     */
    default int sharedSlots(Limits limits, int callers, int urls, int defaultExecutorThreads) {
        return heldTo(slots(limits, callers * urls, defaultExecutorThreads), callers * urls);
    }

    /** The k threads of a pool of its own that the model fetches on whatever N is, if it has one. */
    default OptionalInt poolOf(Limits limits) {
        return OptionalInt.empty();
    }

    /** The workers that drain the workers shape's queue: the concurrency setting. */
    default int workers(Limits limits) {
        return Math.max(1, limits.concurrency());
    }

    /** The threads that run the CPU-heavy shape's work on each response: the model's slots. */
    default int cpuWorkers(Limits limits, int slots, int defaultExecutorThreads) {
        return slots;
    }

    /** What its concurrency must be at least, in words, where 0 (its default) is not allowed: "a pool size >= 1". */
    default Optional<String> concurrencyAllowed() {
        return Optional.empty();
    }

    /** Its setting in words after the model's name, e.g. " (k=20)"; empty at its defaults. */
    String settingWords(Limits limits);

    /** What caps it below N in the verdict, e.g. "its pool of 20". */
    default String limitWords(Limits limits) {
        return "its limit";
    }

    /**
     * The verdict where the model's own limit explains the time (fewer slots than N); empty
     * where every request was in flight and the measurement decides.
     */
    default Optional<String> boundVerdict(Limits limits, int slots, int urls) {
        return slots < urls
                ? Optional.of("capped by " + limitWords(limits) + ": " + slots + " in flight, "
                + (int) Math.ceil((double) urls / slots) + " waves")
                : Optional.empty();
    }

    /** What to set for N requests in flight; {@code reaches}: this setting already has all N in flight. */
    String toSet(Limits limits, boolean reaches);

    /** What a sweep of its knob adds to Little's law, where the model differs from "fewer slots, slower". */
    default Optional<String> sweepAdvice() {
        return Optional.empty();
    }

    /** Its colour and marker in every chart. */
    Look look();

    /** The settings the profiles compare, in the order the report lists them. */
    List<Variant> variants(Model self);

    /** Why this model cannot run on this JVM, if it cannot. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** The JVM options a fork of this model needs. */
    default List<String> jvmOptions() {
        return List.of();
    }

    /** {@code slots} held to 1..{@code urls}. */
    static int heldTo(int slots, int urls) {
        return Math.max(1, Math.min(slots, urls));
    }

    /** " (as here)" where the setting already reaches N. */
    static String asHere(boolean reaches) {
        return reaches ? " (as here)" : "";
    }
}
