package fetchbench.catalog;

import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import fetchbench.model.VirtualThreads;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.OptionalInt;

/** A virtual thread per URL, unbounded unless a semaphore's permits say otherwise. */
final class VirtualThreadsCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.permits;
    }

    @Override
    public boolean onVirtualThreads() {
        return true;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new VirtualThreads(settings);
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return limits.concurrency() > 0 ? limits.concurrency() : urls;
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return limits.concurrency() > 0 ? OptionalInt.of(limits.concurrency()) : OptionalInt.empty();
    }

    @Override
    public String settingWords(Limits limits) {
        return limits.concurrency() == 0 ? "" : " (at most " + limits.concurrency() + ")";
    }

    @Override
    public String limitWords(Limits limits) {
        return "its " + limits.concurrency() + " permits";
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return limits.concurrency() == 0 ? "nothing: no bound" : "permits ≥ N" + ModelCard.asHere(reaches) + ", or none";
    }

    @Override
    public Look look() {
        return new Look(Look.BLUISH_GREEN, Look.Marker.circle);
    }

    @Override
    public List<Variant> variants(Model self) {
        return List.of(Variant.of(self, "virtualThreads").comparedBy(Shape.values())
                .playing(Variant.Role.swept, Variant.Role.underLoad, Variant.Role.underLoadInFull, Variant.Role.scale));
    }
}
