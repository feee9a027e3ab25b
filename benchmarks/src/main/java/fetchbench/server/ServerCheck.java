package fetchbench.server;

import fetchbench.model.BareClient;
import fetchbench.run.SystemLimits;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Before the benchmarks: can the server answer N concurrent requests, each delayed by d, in about
 * d? If it cannot, every result measures the server, not the models, and the run says so.
 */
public final class ServerCheck {

    /** The delay of the check's requests. */
    public static final int DELAY_MS = 1000;
    /**
     * Answering N delayed requests may take this many times the delay. A server short of threads
     * or without asynchronous delays takes several times; on a small machine the CPU floor of
     * N = 1000 requests is already a good part of a second, so a tighter bound would flag the
     * machine, not the server.
     */
    public static final double TOLERANCE = 1.5;
    /** Undelayed rounds first: they open the connections and warm this JVM's JIT, so the check times the server. */
    static final int WARM_UP_ROUNDS = 5;
    /** Delayed rounds timed; the fastest counts. */
    static final int MEASURED_ROUNDS = 2;

    /** What the check saw, and a line that says it. */
    public record Result(int urls, int delayMs, double elapsedMs, String likelyLimit) {

        public double ratio() {
            return elapsedMs / delayMs;
        }

        public boolean passed() {
            return ratio() <= TOLERANCE;
        }

        public String describe() {
            String measured = String.format(Locale.ROOT, "N=%d requests delayed %d ms answered in %.0f ms "
                    + "(%.2f× the delay, tolerance %.1f×)", urls, delayMs, elapsedMs, ratio(), TOLERANCE);
            return passed() ? measured + ": ok"
                    : "FAILED: " + measured + "; likely limit: " + likelyLimit
                            + "; results at N=" + urls + " measure the server, not the models";
        }
    }

    /** Checks every N of a run, smallest first, so a failure says from which N on results are suspect. */
    public static List<Result> runEach(URI server, List<Integer> ns, int delayMs, ServerSettings settings)
            throws IOException {
        List<Result> results = new ArrayList<>();
        for (int n : ns.stream().distinct().sorted().toList()) {
            results.add(run(server, n, delayMs, settings));
        }
        return results;
    }

    /** One line for the report: every N that passed, then every failure in full. */
    public static String summary(List<Result> results) {
        List<String> parts = new ArrayList<>();
        List<Result> passed = results.stream().filter(Result::passed).toList();
        if (!passed.isEmpty()) {
            parts.add("ok at " + String.join(", ", passed.stream().map(r -> String.format(Locale.ROOT,
                    "N=%d (%.2f×)", r.urls(), r.ratio())).toList()) + " with " + results.get(0).delayMs() + " ms delays");
        }
        results.stream().filter(r -> !r.passed()).forEach(r -> parts.add(r.describe()));
        return String.join("; ", parts);
    }

    private ServerCheck() {
    }

    /**
     * Sends N requests at once: undelayed rounds to warm up, then delayed rounds, the fastest of
     * which counts. {@code settings} are the server's when fetchbench started it, else null.
     */
    public static Result run(URI server, int n, int delayMs, ServerSettings settings) throws IOException {
        Workload warmUp = Workload.create(server, n, DelayProfile.fixed, 0, 0);
        Workload workload = Workload.create(server, n, DelayProfile.fixed, delayMs, 0);
        Stubs.register(server, warmUp);
        Stubs.register(server, workload);
        try (BareClient client = new BareClient(n, Duration.ofMillis(delayMs))) {
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                client.gather(warmUp.urls());
            }
            double fastestMs = Double.MAX_VALUE;
            for (int i = 0; i < MEASURED_ROUNDS; i++) {
                long start = System.nanoTime();
                client.gather(workload.urls());
                fastestMs = Math.min(fastestMs, (System.nanoTime() - start) / 1e6);
            }
            return new Result(n, delayMs, fastestMs, likelyLimit(n, settings));
        }
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
