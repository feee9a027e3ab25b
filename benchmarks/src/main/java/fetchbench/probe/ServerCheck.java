package fetchbench.probe;

import fetchbench.server.SystemLimits;

import fetchbench.server.Stubs;

import fetchbench.server.ServerSettings;

import fetchbench.model.BareClient;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import fetchbench.model.Tls;
import fetchbench.model.Transport;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import fetchbench.result.ServerCheckOutcome;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Before the benchmarks: can the server answer N concurrent requests, each delayed by d, in about
 * d? If it cannot, every result measures the server, not the models, and the run says so.
 */
public final class ServerCheck {

    /** Rounds of N requests sent first, to open the connections and warm this JVM and the server's. */
    public static final int WARM_UP_ROUNDS = 5; // public: DocsMatchCodeTest checks what docs/ quotes
    /** Rounds timed, at 1 ms and at the delay; the median of each counts. */
    public static final int MEASURED_ROUNDS = 5; // public: DocsMatchCodeTest checks what docs/ quotes
    /** The delay of the floor's rounds: the server's delayed path, as the benchmarks take it. */
    public static final int FLOOR_DELAY_MS = 1; // public: DocsMatchCodeTest checks what docs/ quotes
    /**
     * A server that keeps up answers N requests delayed by d in d plus what N requests cost here
     * (the floor). The check allows twice that cost, the noise of a floor measured in a few
     * rounds; a server short of threads or of asynchronous delays takes several times d.
     */
    static final double FLOOR_ALLOWANCE = 2;

    /** What the check saw at N and d: the median of the delayed rounds and of the 1 ms rounds. */
    public record Result(int urls, int delayMs, double elapsedMs, double floorMs, String likelyLimit) {

        /** d + 2 × floor: the most a server that keeps up needs. */
        public double boundMs() {
            return delayMs + FLOOR_ALLOWANCE * floorMs;
        }

        /** What the run records of it. */
        public ServerCheckOutcome outcome() {
            return new ServerCheckOutcome(urls, delayMs, elapsedMs, boundMs(), passed(), passed() ? "" : likelyLimit);
        }

        public boolean passed() {
            return elapsedMs <= boundMs();
        }

        public String describe() {
            String measured = String.format(Locale.ROOT, "N=%d requests delayed %d ms answered in %.0f ms "
                    + "(median of %d; bound %.0f ms = the delay + %.0f × the floor of %.1f ms)", urls, delayMs,
                    elapsedMs, MEASURED_ROUNDS, boundMs(), FLOOR_ALLOWANCE, floorMs);
            return passed() ? measured + ": ok"
                    : "FAILED: " + measured + "; likely limit: " + likelyLimit
                            + "; results at N=" + urls + " measure the server, not the models";
        }
    }

    /** Checks every N at every delay of a run, smallest first, so a failure says from which N on results are suspect. */
    public static List<Result> runEach(URI server, List<Integer> ns, List<Integer> delays, ServerSettings settings)
            throws IOException {
        List<Result> results = new ArrayList<>();
        for (int n : ns.stream().distinct().sorted().toList()) {
            for (int delayMs : delays.stream().distinct().sorted().toList()) {
                results.add(run(server, n, delayMs, settings));
            }
        }
        return results;
    }

    /** The checks as the run records them, for the report (see {@link ServerCheckOutcome}). */
    public static String summary(List<Result> results) {
        return ServerCheckOutcome.encode(results.stream().map(Result::outcome).toList());
    }

    /** The N at which a check failed, as the run records them for the report ("100,1000"). */
    public static String failedUrls(List<Result> results) {
        return String.join(",", results.stream().filter(r -> !r.passed()).map(r -> String.valueOf(r.urls()))
                .distinct().toList());
    }

    private ServerCheck() {
    }

    /**
     * Sends N requests at once: warm-up rounds, then rounds at 1 ms (the floor) and at the delay,
     * the median of each counting. {@code settings} are the server's when fetchbench started it, else null.
     */
    public static Result run(URI server, int n, int delayMs, ServerSettings settings) throws IOException {
        // The check's own URLs, numbered N to 2N − 1, so that no stub a run adds for a benchmark's URL applies.
        Workload floorWorkload = Workload.create(server, 2 * n, DelayProfile.fixed, FLOOR_DELAY_MS, 0);
        Workload delayedWorkload = Workload.create(server, 2 * n, DelayProfile.fixed, delayMs, 0);
        Stubs.register(server, floorWorkload);
        Stubs.register(server, delayedWorkload);
        List<URI> floor = floorWorkload.urls().subList(n, 2 * n);
        List<URI> delayed = delayedWorkload.urls().subList(n, 2 * n);
        // An https target is checked over HTTPS, trusting the truststore the run was given.
        Transport transport = "https".equals(server.getScheme())
                ? new Transport(Protocol.https1, Tls.fromForkProperties()) : Transport.PLAIN;
        try (BareClient client = new BareClient(ClientStack.okHttp, n, Duration.ofMillis(Math.max(delayMs, FLOOR_DELAY_MS)),
                transport)) {
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                client.gather(floor);
            }
            double floorMs = medianMs(client, floor) - FLOOR_DELAY_MS;
            return new Result(n, delayMs, medianMs(client, delayed), Math.max(0, floorMs), likelyLimit(n, settings));
        }
    }

    private static double medianMs(BareClient client, List<URI> urls) throws IOException {
        double[] millis = new double[MEASURED_ROUNDS];
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long start = System.nanoTime();
            client.gather(urls);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[MEASURED_ROUNDS / 2];
    }

    /** The settings that would cap N concurrent delayed requests, or the remaining suspects. */
    static String likelyLimit(int n, ServerSettings settings) {
        if (settings == null) {
            return "the external server's container threads, asynchronous responses or accept queue, "
                    + "or the CPU of either machine";
        }
        List<String> limits = new ArrayList<>();
        if (!settings.asynchronous()) {
            limits.add("asynchronous responses are off, so each delay holds a container thread");
        }
        if (settings.containerThreads() < n) {
            limits.add("container threads (" + settings.containerThreads() + " for N=" + n + ")");
        }
        long acceptQueue = Math.min(settings.acceptQueue(), SystemLimits.ofThisMachine()
                .map(SystemLimits::somaxconn).orElse((long) settings.acceptQueue()));
        if (acceptQueue < n) {
            limits.add("accept queue (" + acceptQueue + " for N=" + n + ", after the kernel's somaxconn cap)");
        }
        return limits.isEmpty() ? "CPU (client and server share this machine's cores)" : String.join(", ", limits);
    }
}
