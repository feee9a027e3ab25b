package fetchbench.catalog;

import fetchbench.model.ApacheAsync;
import fetchbench.model.ClientStack;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import fetchbench.workload.Shape;
import java.util.List;

/**
 * Apache HttpClient 5's async client, one execute per URL: its connection pool allows at most
 * max per route (5 by default) and max total (25) on the wire at once; the rest wait for a lease.
 */
final class ApacheAsyncCard extends ApachePoolCard {

    @Override
    public ClientStack clientStack() {
        return ClientStack.apacheAsync;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new ApacheAsync(settings);
    }

    @Override
    public Look look() {
        return new Look(Look.MAGENTA, Look.Marker.plus);
    }

    @Override
    public List<Variant> variants(Model self) {
        String why = "the clients profile compares the client stacks (-Dfetchbench.profile=clients)";
        return List.of(
                // The pool's own defaults, so their cap shows.
                Variant.of(self, "apacheAsync").comparedBy(Shape.values()).playing(Variant.Role.clients)
                        .leftOutOfDefault(why, Shape.gather),
                // Both limits sized to the run's largest N.
                Variant.of(self, "apacheSized").withConcurrency(n -> List.of(n)).withMaxRequests(n -> List.of(n))
                        .comparedBy(Shape.gather).playing(Variant.Role.swept, Variant.Role.protocols, Variant.Role.clients)
                        .leftOutOfDefault(why, Shape.gather));
    }
}
