package fetchbench.catalog;

import fetchbench.model.ClientStack;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import fetchbench.model.VirtualThreads;
import fetchbench.workload.Shape;
import java.util.List;

/**
 * The virtual-threads model on Apache HttpClient 5's classic client: a virtual thread per URL,
 * each blocking in {@code execute}. The pool, not the threads, bounds the requests: 5 per route and
 * 25 in all by default; the other threads wait for a lease.
 */
final class ApacheVirtualThreadsCard extends ApachePoolCard {

    @Override
    public ClientStack clientStack() {
        return ClientStack.apacheClassic;
    }

    @Override
    public boolean onVirtualThreads() {
        return true;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return VirtualThreads.onApacheClassic(settings, "apacheVirtualThreads");
    }

    @Override
    public Look look() {
        return new Look(Look.BLUE, Look.Marker.hexagon);
    }

    @Override
    public List<Variant> variants(Model self) {
        String why = "the clients profile compares the client stacks (-Dfetchbench.profile=clients)";
        return List.of(
                // The classic pool's own defaults, the same as the async client's (whose cap the clients
                // profile shows, within its 15 minutes).
                Variant.of(self, "apacheVirtualThreads").comparedBy(Shape.values())
                        .leftOutOfDefault(why, Shape.gather),
                // Both limits sized to the run's largest N.
                Variant.of(self, "apacheVirtualThreadsSized").withConcurrency(n -> List.of(n))
                        .withMaxRequests(n -> List.of(n)).comparedBy(Shape.gather)
                        .playing(Variant.Role.swept, Variant.Role.protocols, Variant.Role.clients)
                        .leftOutOfDefault(why, Shape.gather));
    }
}
