package fetchbench.catalog;

import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import fetchbench.model.Sequential;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A loop: one fetch at a time, so N waves of the delay. The baseline every other model beats. */
final class SequentialCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.none;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new Sequential(settings);
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return 1;
    }

    /** Each caller loops on its own. */
    @Override
    public int sharedSlots(Limits limits, int callers, int urls, int defaultExecutorThreads) {
        return callers;
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return OptionalInt.empty();
    }

    /** A loop is one worker, whatever the setting. */
    @Override
    public int workers(Limits limits) {
        return 1;
    }

    @Override
    public String settingWords(Limits limits) {
        return "";
    }

    @Override
    public Optional<String> boundVerdict(Limits limits, int slots, int urls) {
        return Optional.of("one at a time: N waves of the delay");
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return "use a concurrent model";
    }

    @Override
    public Look look() {
        return new Look(Look.BLACK, Look.Marker.square);
    }

    /** A loop cannot race: it would wait for each replica in turn. */
    @Override
    public List<Variant> variants(Model self) {
        return List.of(Variant.of(self, "sequential").withConcurrency(1).comparedByAllBut(Shape.race)
                .playing(Variant.Role.underLoadInFull)
                .leftOutOfDefault("a loop takes N·d in every shape", Shape.workers, Shape.asCompleted, Shape.deadline,
                        Shape.failures, Shape.cpuHeavy));
    }
}
