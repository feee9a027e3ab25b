package fetchbench.probe;

import fetchbench.server.Stubs;

import fetchbench.server.RequestCounter;

import fetchbench.server.TargetServer;

import fetchbench.result.ProbeOutcome;

import fetchbench.model.BareClient;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import fetchbench.model.Transport;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each client stack does when a batch has more requests in flight than the server's HTTP/2
 * stream limit: measured, not assumed. Before the benchmarks, each stack's bare client, with one
 * connection open already, sends twice the limit at once over each HTTP/2 protocol it speaks, and
 * the server counts the connections it opens for them: none means it queued them on the one it
 * had, more means it opened connections, failures mean it failed them.
 */
public final class StreamLimitProbe {

    /** How long the server holds each response: long enough for all of them to be in flight at once. */
    static final int DELAY_MS = 200;

    private StreamLimitProbe() {
    }

    /** Probes each stack over h2 and h2c, where it speaks them. */
    public static List<ProbeOutcome> run(TargetServer server, List<ClientStack> stacks, int maxStreams) throws IOException {
        List<ProbeOutcome> results = new ArrayList<>();
        for (ClientStack stack : stacks) {
            for (Protocol protocol : List.of(Protocol.h2, Protocol.h2c)) {
                Optional<URI> from = protocol.tls() ? server.tlsBaseUri() : Optional.of(server.baseUri());
                if (protocol.unsupportedBy(stack).isPresent() || from.isEmpty()) {
                    continue;
                }
                results.add(probe(server, from.get(), stack, protocol, 2 * maxStreams));
            }
        }
        return results;
    }

    private static ProbeOutcome probe(TargetServer server, URI from, ClientStack stack, Protocol protocol, int n)
            throws IOException {
        Workload workload = Workload.create(from, n, DelayProfile.fixed, DELAY_MS, 0);
        Stubs.register(server.baseUri(), workload);
        Transport transport = server.transport(protocol);
        BareClient.Answers answers;
        long before;
        try (BareClient client = new BareClient(stack, n, Duration.ofMillis(DELAY_MS), transport)) {
            // One request first, as in a benchmark's steady state: a connection is open when the burst comes.
            client.gather(workload.urls().subList(0, 1));
            before = connections(server, from);
            answers = client.attempt(workload.urls());
        }
        return new ProbeOutcome(stack, protocol, n, answers.ok(), answers.failed(), connections(server, from) - before,
                answers.firstError() == null ? null : answers.firstError().getClass().getSimpleName() + ": "
                        + answers.firstError().getMessage());
    }

    private static long connections(TargetServer server, URI from) {
        return RequestCounter.counts(server.baseUri()).map(counts -> counts.connections(from)).orElse(-1L);
    }
}
