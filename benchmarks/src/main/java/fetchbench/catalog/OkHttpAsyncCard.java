package fetchbench.catalog;

import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.ModelSettings;
import fetchbench.model.OkHttpAsync;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * OkHttp's enqueue with a callback per URL: its Dispatcher runs at most maxRequestsPerHost (5 by
 * default) and maxRequests (64) at once.
 */
final class OkHttpAsyncCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.dispatcherLimit;
    }

    @Override
    public Optional<String> maxRequestsWords() {
        return Optional.of("the Dispatcher's maxRequests");
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new OkHttpAsync(settings);
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return Math.min(limits.maxRequests(), OkHttpAsync.maxRequestsPerHost(limits.concurrency()));
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return OptionalInt.of(slots(limits, urls, defaultExecutorThreads));
    }

    @Override
    public String settingWords(Limits limits) {
        return " (" + OkHttpAsync.maxRequestsPerHost(limits.concurrency()) + "/host, " + limits.maxRequests() + " total)";
    }

    @Override
    public String limitWords(Limits limits) {
        return "OkHttp's Dispatcher (" + OkHttpAsync.maxRequestsPerHost(limits.concurrency()) + " per host, "
                + limits.maxRequests() + " in all)";
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return "Dispatcher maxRequestsPerHost and maxRequests ≥ N" + ModelCard.asHere(reaches);
    }

    @Override
    public Look look() {
        return new Look(Look.RED, Look.Marker.triangleDown);
    }

    @Override
    public List<Variant> variants(Model self) {
        return List.of(
                // OkHttp's own Dispatcher defaults, so their cap shows.
                Variant.of(self, "okHttpAsync").withConcurrency(OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST)
                        .withMaxRequests(Variant.fixed(OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS)).comparedBy(Shape.values())
                        .playing(Variant.Role.underLoadInFull),
                // The per-host limit raised to threadPool's pool: under load the two models meet at
                // one limit. At 5 per host p99 starts near the bound and barely rises over the grid,
                // so its SLO rate cannot be pinned (docs/load.md).
                Variant.of(self, "okHttpRaised").withConcurrency(Variant.POOL_SIZE)
                        .withMaxRequests(Variant.fixed(OkHttpAsync.OKHTTP_DEFAULT_MAX_REQUESTS))
                        .playing(Variant.Role.underLoad),
                // The Dispatcher's limits both sized to the run's largest N.
                Variant.of(self, "okHttpSized").withConcurrency(n -> List.of(n)).withMaxRequests(n -> List.of(n))
                        .comparedBy(Shape.gather).playing(Variant.Role.swept, Variant.Role.protocols, Variant.Role.scale, Variant.Role.clients),
                // Sized like okHttpSized, with OkHttp's own connection pool (5 idle): what reconnecting costs.
                Variant.of(self, "okHttpSizedDefaultPool").withConcurrency(n -> List.of(n)).withMaxRequests(n -> List.of(n))
                        .withConnectionPool(ConnectionPoolSize.okHttpDefault).playing(Variant.Role.swept));
    }
}
