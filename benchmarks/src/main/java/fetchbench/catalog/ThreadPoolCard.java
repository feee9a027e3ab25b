package fetchbench.catalog;

import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import fetchbench.model.ThreadPool;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A fixed pool of k platform threads, each fetching one URL at a time: ⌈N/k⌉ waves. */
final class ThreadPoolCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.poolSize;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new ThreadPool(settings);
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return limits.concurrency();
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return OptionalInt.of(limits.concurrency());
    }

    @Override
    public OptionalInt poolOf(Limits limits) {
        return OptionalInt.of(limits.concurrency());
    }

    /** A pool of no threads would never fetch. */
    @Override
    public Optional<String> concurrencyAllowed() {
        return Optional.of("a pool size >= 1");
    }

    @Override
    public String settingWords(Limits limits) {
        return " (k=" + limits.concurrency() + ")";
    }

    @Override
    public String limitWords(Limits limits) {
        return "its pool of " + limits.concurrency();
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return "pool size ≥ N" + ModelCard.asHere(reaches) + ", or virtual threads";
    }

    @Override
    public Look look() {
        return new Look(Look.ORANGE, Look.Marker.triangleUp);
    }

    @Override
    public List<Variant> variants(Model self) {
        return List.of(
                Variant.of(self, "threadPool").withConcurrency(Variant.POOL_SIZE).comparedByAllBut(Shape.cpuHeavy)
                        .playing(Variant.Role.swept, Variant.Role.underLoad, Variant.Role.underLoadInFull),
                // Pools from the cores to past them: where more threads stop helping CPU work.
                Variant.of(self, "threadPoolSizes").withConcurrency(n -> Variant.CPU_HEAVY_POOL_SIZES)
                        .comparedBy(Shape.cpuHeavy));
    }
}
