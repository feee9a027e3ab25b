package fetchbench.probe;

import fetchbench.model.BareClient;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import fetchbench.model.Tls;
import fetchbench.model.Transport;
import fetchbench.result.ServerWarmUpOutcome;
import fetchbench.server.Stubs;
import fetchbench.stats.SteadyWindow;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Before the server check and the first fork: undelayed gathers until the server's JIT has done its
 * work. A fresh WireMock JVM answers several times slower than a warm one, and it warms over tens of
 * thousands of requests; without this the steps that run first measure a server still getting
 * faster, and two runs of one commit that order their steps differently disagree. Each block of
 * gathers gives the server's answers per second; the warm-up ends when {@value #MIN_REQUESTS}
 * requests have been answered and the last {@value #WINDOW} blocks show no Mann–Kendall trend
 * (p ≥ {@value #TREND_ALPHA}), or at {@link #LIMIT}, where it is recorded as not steady.
 */
public final class ServerWarmUp {

    /** Requests at once: enough to keep both the client's and the server's threads busy. */
    static final int URLS = 100;
    public static final long MIN_REQUESTS = 20_000; // public: DocsMatchCodeTest checks what docs/ quotes
    static final int WINDOW = 8;
    static final double TREND_ALPHA = 0.1;
    static final Duration BLOCK = Duration.ofMillis(250);
    public static final Duration LIMIT = Duration.ofSeconds(30);

    private ServerWarmUp() {
    }

    public static ServerWarmUpOutcome run(URI server) throws IOException {
        // URLs numbered past the server check's, so no benchmark's stub applies
        Workload undelayed = Workload.create(server, 3 * URLS, DelayProfile.fixed, 0, 0);
        Stubs.register(server, undelayed);
        List<URI> urls = undelayed.urls().subList(2 * URLS, 3 * URLS);
        Transport transport = "https".equals(server.getScheme())
                ? new Transport(Protocol.https1, Tls.fromForkProperties()) : Transport.PLAIN;
        long start = System.nanoTime();
        long end = start + LIMIT.toNanos();
        long requests = 0;
        SteadyWindow window = new SteadyWindow(WINDOW, TREND_ALPHA);
        try (BareClient client = new BareClient(ClientStack.okHttp, URLS, Duration.ofSeconds(1), transport)) {
            while (System.nanoTime() < end) {
                long blockStart = System.nanoTime();
                long blockRequests = 0;
                while (System.nanoTime() - blockStart < BLOCK.toNanos()) {
                    client.gather(urls);
                    blockRequests += URLS;
                }
                requests += blockRequests;
                window.add(new SteadyWindow.Block(blockStart, blockRequests / ((System.nanoTime() - blockStart) / 1e9)));
                if (requests >= MIN_REQUESTS && window.full() && window.steady()) {
                    return new ServerWarmUpOutcome(requests, (System.nanoTime() - start) / 1e9, true);
                }
            }
        }
        return new ServerWarmUpOutcome(requests, (System.nanoTime() - start) / 1e9, false);
    }
}
