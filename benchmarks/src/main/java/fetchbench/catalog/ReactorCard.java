package fetchbench.catalog;

import fetchbench.model.ClientStack;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import fetchbench.model.Reactor;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.OptionalInt;

/** Reactor's flatMap over the URLs on Reactor Netty, with a connection pool sized to N. */
final class ReactorCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.flatMapConcurrency;
    }

    @Override
    public ClientStack clientStack() {
        return ClientStack.reactorNetty;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new Reactor(settings);
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return Reactor.flatMapConcurrency(limits.concurrency());
    }

    /** Each caller's flatMap is its own, but they all meet Reactor Netty's one pool of N connections. */
    @Override
    public int sharedSlots(Limits limits, int callers, int urls, int defaultExecutorThreads) {
        return Math.min(callers * ModelCard.heldTo(slots(limits, urls, defaultExecutorThreads), urls), urls);
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return OptionalInt.of(urls);
    }

    @Override
    public String settingWords(Limits limits) {
        return limits.concurrency() == 0 ? " (flatMap default " + Reactor.DEFAULT_FLAT_MAP_CONCURRENCY + ")"
                : " (flatMap " + limits.concurrency() + ")";
    }

    @Override
    public String limitWords(Limits limits) {
        return "flatMap's concurrency of " + Reactor.flatMapConcurrency(limits.concurrency());
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return "flatMap concurrency ≥ N" + ModelCard.asHere(reaches);
    }

    @Override
    public Look look() {
        return new Look(Look.BROWN, Look.Marker.cross);
    }

    /**
     * The default run measures reactor in the gather, at every N and over every protocol, only;
     * the clients profile measures it sized to N, so that its stack, not flatMap's default, is compared.
     */
    @Override
    public List<Variant> variants(Model self) {
        return List.of(Variant.of(self, "reactor").comparedBy(Shape.values())
                        .playing(Variant.Role.swept, Variant.Role.protocols, Variant.Role.underLoadInFull)
                        .leftOutOfDefault("reactor runs the gather at every N and over every protocol", Shape.workers,
                                Shape.asCompleted, Shape.race, Shape.deadline, Shape.failures, Shape.cpuHeavy),
                // flatMap's concurrency sized to the run's largest N: Reactor Netty with every request in flight.
                Variant.of(self, "reactorSized").withConcurrency(n -> List.of(n)).playing(Variant.Role.clients));
    }

    /** Sized by the processors: its event loops: max(processors, 4). */
    @Override
    public boolean sizedByProcessors() {
        return true;
    }
}
