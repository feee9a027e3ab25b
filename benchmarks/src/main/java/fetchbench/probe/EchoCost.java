package fetchbench.probe;

import com.google.gson.JsonArray;
import fetchbench.model.BareClient;
import fetchbench.model.ClientStack;
import fetchbench.result.EchoCostOutcome;
import fetchbench.server.RequestCounter;
import fetchbench.server.Stubs;
import fetchbench.workload.Kind;
import fetchbench.workload.Responses;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The server's CPU per request with each way of echoing the index ({@link Stubs.Echo}), side by
 * side on one server: blocks of gathers at 1 ms against a stub of each, alternating, after warm
 * blocks of both. Each block's server CPU over the requests it answered is one sample.
 */
public final class EchoCost {

    static final int URLS = 100;
    static final int DELAY_MS = 1;
    /** Gathers per block: 1,000 requests, about 100 ms of server CPU, ten of its clock's ticks. */
    static final int GATHERS_PER_BLOCK = 10;
    static final int WARM_BLOCKS = 6;

    private EchoCost() {
    }

    /** Samples {@code blocks} blocks of each echo, after the warm blocks; needs a server that counts. */
    public static EchoCostOutcome run(URI server, int blocks) throws IOException {
        Map<Stubs.Echo, List<URI>> urls = new EnumMap<>(Stubs.Echo.class);
        JsonArray mappings = new JsonArray();
        for (Stubs.Echo echo : Stubs.Echo.values()) {
            String path = "/fetchbench/echo-cost/" + echo.name().toLowerCase();
            mappings.add(Stubs.mapping(path, Stubs.response(Kind.OK, DELAY_MS, echo)));
            urls.put(echo, IntStream.range(0, URLS)
                    .mapToObj(i -> server.resolve(path + "?" + Responses.INDEX_PARAMETER + "=" + i)).toList());
        }
        Stubs.importStubs(server, mappings);
        Map<Stubs.Echo, List<Double>> samples = new EnumMap<>(Stubs.Echo.class);
        try (BareClient client = new BareClient(ClientStack.okHttp, URLS, Duration.ofSeconds(5))) {
            for (int block = 0; block < WARM_BLOCKS + blocks; block++) {
                for (Stubs.Echo echo : Stubs.Echo.values()) {
                    double perRequest = block(server, client, urls.get(echo));
                    if (block >= WARM_BLOCKS) {
                        samples.computeIfAbsent(echo, e -> new ArrayList<>()).add(perRequest);
                    }
                }
            }
        }
        return new EchoCostOutcome(samples.get(Stubs.Echo.TEMPLATE), samples.get(Stubs.Echo.EXTENSION));
    }

    /** One block's server CPU per request, in µs. */
    private static double block(URI server, BareClient client, List<URI> urls) throws IOException {
        RequestCounter.Counts before = RequestCounter.counts(server)
                .orElseThrow(() -> new IllegalStateException("the echo's cost needs fetchbench's own server"));
        for (int i = 0; i < GATHERS_PER_BLOCK; i++) {
            client.gather(urls);
        }
        RequestCounter.Counts after = RequestCounter.counts(server).orElseThrow();
        return (after.cpuNanos() - before.cpuNanos()) / 1000.0 / (after.requests() - before.requests());
    }
}
