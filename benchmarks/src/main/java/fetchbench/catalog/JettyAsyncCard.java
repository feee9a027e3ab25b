package fetchbench.catalog;

import fetchbench.model.ClientStack;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.JettyAsync;
import fetchbench.model.ModelSettings;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Jetty's HttpClient 12, one send per URL: at most maxConnectionsPerDestination (64 by default)
 * on the wire at once; up to maxRequestsQueuedPerDestination (1024) wait, and past that it
 * refuses a request at once.
 */
final class JettyAsyncCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.connectionsPerDestination;
    }

    @Override
    public Optional<String> maxRequestsWords() {
        return Optional.of("the requests queued per destination");
    }

    @Override
    public ClientStack clientStack() {
        return ClientStack.jetty;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new JettyAsync(settings);
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return JettyAsync.connections(limits.concurrency());
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return OptionalInt.of(slots(limits, urls, defaultExecutorThreads));
    }

    @Override
    public String settingWords(Limits limits) {
        return " (" + JettyAsync.connections(limits.concurrency()) + " connections, "
                + JettyAsync.queued(limits.maxRequests()) + " queued)";
    }

    @Override
    public String limitWords(Limits limits) {
        return "Jetty's " + JettyAsync.connections(limits.concurrency()) + " connections per destination";
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return "maxConnectionsPerDestination ≥ N" + ModelCard.asHere(reaches)
                + ", and maxRequestsQueuedPerDestination ≥ N beyond it";
    }

    @Override
    public Look look() {
        return new Look(Look.GREEN, Look.Marker.trapezoid);
    }

    @Override
    public List<Variant> variants(Model self) {
        String why = "the clients profile compares the client stacks (-Dfetchbench.profile=clients)";
        return List.of(
                // Jetty's own defaults: 64 connections per destination.
                Variant.of(self, "jettyAsync").comparedBy(Shape.values()).playing(Variant.Role.clients)
                        .leftOutOfDefault(why, Shape.gather),
                // Connections per destination sized to the run's largest N.
                Variant.of(self, "jettySized").withConcurrency(n -> List.of(n)).comparedBy(Shape.gather)
                        .playing(Variant.Role.swept, Variant.Role.protocols, Variant.Role.clients)
                        .leftOutOfDefault(why, Shape.gather));
    }
}
