package fetchbench.catalog;

import fetchbench.model.CompletableFutures;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * supplyAsync per URL, then join all: on its default executor (on JDK 25 the common pool, one
 * thread on 2 cores) or on a pool of k.
 */
final class CompletableFutureCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.executorSize;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new CompletableFutures(settings);
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        int concurrency = limits.concurrency();
        return concurrency > 0 ? concurrency : defaultExecutorThreads > 0 ? defaultExecutorThreads : urls;
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        int concurrency = limits.concurrency();
        return concurrency > 0 ? OptionalInt.of(concurrency)
                : defaultExecutorThreads > 0 ? OptionalInt.of(defaultExecutorThreads) : OptionalInt.empty();
    }

    @Override
    public OptionalInt poolOf(Limits limits) {
        return limits.concurrency() > 0 ? OptionalInt.of(limits.concurrency()) : OptionalInt.empty();
    }

    @Override
    public String settingWords(Limits limits) {
        return limits.concurrency() == 0 ? " (default executor)" : " (pool of " + limits.concurrency() + ")";
    }

    @Override
    public String limitWords(Limits limits) {
        return "its pool of " + limits.concurrency();
    }

    @Override
    public Optional<String> boundVerdict(Limits limits, int slots, int urls) {
        if (limits.concurrency() == 0 && slots < urls) {
            return Optional.of("serialised by its default executor (" + slots
                    + " at a time, the common pool's parallelism)");
        }
        return ModelCard.super.boundVerdict(limits, slots, urls);
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return limits.concurrency() == 0 && !reaches
                ? "pass supplyAsync an executor of ≥ N threads, or virtual threads"
                : "an executor of ≥ N threads" + ModelCard.asHere(reaches);
    }

    @Override
    public Look look() {
        return new Look(Look.SKY_BLUE, Look.Marker.diamond);
    }

    /**
     * The default run keeps the pool of 20 only in the race and the deadline, where cancelling a
     * CompletableFuture differs; elsewhere threadPool's pool shows what a pool does.
     */
    @Override
    public List<Variant> variants(Model self) {
        return List.of(
                Variant.of(self, "completableFuture").comparedBy(Shape.gather),
                Variant.of(self, "completableFuturePool").withConcurrency(Variant.POOL_SIZE)
                        .comparedBy(Shape.values()).playing(Variant.Role.swept, Variant.Role.underLoadInFull)
                        .leftOutOfDefault("threadPool's pool shows what a pool does", Shape.gather, Shape.workers,
                                Shape.asCompleted, Shape.failures, Shape.cpuHeavy));
    }

    /** Sized by the processors: the common pool: processors − 1 threads. */
    @Override
    public boolean sizedByProcessors() {
        return true;
    }
}
