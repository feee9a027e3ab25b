package fetchbench.catalog;

import fetchbench.model.ApacheAsync;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Apache HttpClient 5's pool bounds, the same for its async and its classic client: at most
 * max per route (5 by default) and max total (25) on the wire at once; the rest wait for a lease.
 * concurrency sets max per route, maxRequests max total.
 */
abstract class ApachePoolCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.poolLimit;
    }

    @Override
    public Optional<String> maxRequestsWords() {
        return Optional.of("the pool's max total");
    }

    /** Every URL of the run goes to one route, the local server: the smaller of the two limits. */
    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return Math.min(ApacheAsync.perRoute(limits.concurrency()), ApacheAsync.total(limits.maxRequests()));
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return OptionalInt.of(slots(limits, urls, defaultExecutorThreads));
    }

    @Override
    public String settingWords(Limits limits) {
        return " (" + ApacheAsync.perRoute(limits.concurrency()) + "/route, " + ApacheAsync.total(limits.maxRequests())
                + " total)";
    }

    @Override
    public String limitWords(Limits limits) {
        return "Apache's connection pool (" + ApacheAsync.perRoute(limits.concurrency()) + " per route, "
                + ApacheAsync.total(limits.maxRequests()) + " in all)";
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return "the pool's maxPerRoute and maxTotal ≥ N" + ModelCard.asHere(reaches);
    }
}
