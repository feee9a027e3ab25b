package fetchbench.workload;

import fetchbench.model.Model;
import fetchbench.model.Prediction;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shapes of fan-out the suite measures, each a JMH benchmark class: which URLs one operation
 * fetches, and what queueing theory predicts for it. N is the {@code urls} parameter (the
 * replicas of a race); d is {@code delayMs} (the deadline of the deadline shape).
 */
public enum Shape {
    /** Fetch all N and wait for every one. */
    GATHER("fetchAll", "FetchAllBenchmark"),
    /** k workers (the concurrency parameter) drain one queue of URLs with unequal delays. */
    WORKERS("drainQueue", "WorkersBenchmark"),
    /** Handle each result as it arrives; the batch ends with the last. */
    AS_COMPLETED("asCompleted", "AsCompletedBenchmark"),
    /** N replicas of one resource, one failing at once: take the first 200, cancel the rest. */
    FIRST_COMPLETED("firstCompleted", "FirstCompletedBenchmark"),
    /** Half the URLs answer well within the deadline d, half long after it: keep the first, cancel the rest. */
    DEADLINE("withinDeadline", "DeadlineBenchmark"),
    /** An uptime check: refused, reset, empty, HTTP 500, slow and malformed URLs among healthy ones. */
    FAILURES("uptimeCheck", "FailuresBenchmark"),
    /** Gather, with parse-and-hash CPU work per response on the model's threads. */
    CPU_HEAVY("fetchAndHash", "CpuHeavyBenchmark");

    /** The deadline shape: fast URLs take this share of the deadline, slow ones this multiple. */
    static final double DEADLINE_FAST = 0.4;
    static final int DEADLINE_SLOW = 4;
    /** The failures shape: the slow URL takes this multiple of d. */
    static final int FAILURES_SLOW = 3;
    /** One round of the uptime check's URL mix; N URLs repeat it. */
    static final List<Kind> FAILURE_MIX = List.of(
            Kind.OK, Kind.REFUSED, Kind.RESET, Kind.EMPTY, Kind.SERVER_ERROR, Kind.OK, Kind.MALFORMED);

    private final String method;
    private final String benchmark;

    Shape(String method, String benchmark) {
        this.method = method;
        this.benchmark = benchmark;
    }

    /** The JMH benchmark method, as jmh.json names it. */
    public String method() {
        return method;
    }

    /** The simple name of the benchmark class in {@code fetchbench.bench}. */
    public String benchmark() {
        return benchmark;
    }

    /** The kind and delay of each of the N URLs of one operation, in order. */
    public List<Planned> plan(int n, int delayMs, Delays profile, long seed) {
        List<Planned> planned = new ArrayList<>(n);
        switch (this) {
            case GATHER, WORKERS, AS_COMPLETED, CPU_HEAVY -> profile.delays(n, delayMs, seed).forEach(d ->
                    planned.add(new Planned(this == CPU_HEAVY ? Kind.LARGE : Kind.OK, d)));
            case FIRST_COMPLETED -> {
                // The failing replica first, the winner last: neither submission order nor a failure wins.
                planned.add(new Planned(Kind.SERVER_ERROR, 0));
                for (int i = 1; i < n; i++) {
                    planned.add(new Planned(Kind.OK, (n - i) * delayMs));
                }
            }
            case DEADLINE -> {
                for (int i = 0; i < n; i++) {
                    planned.add(new Planned(Kind.OK, i % 2 == 0
                            ? (int) Math.round(DEADLINE_FAST * delayMs) : DEADLINE_SLOW * delayMs));
                }
            }
            case FAILURES -> {
                for (int i = 0; i < n; i++) {
                    Kind kind = FAILURE_MIX.get(i % FAILURE_MIX.size());
                    boolean slow = i % FAILURE_MIX.size() == FAILURE_MIX.lastIndexOf(Kind.OK);
                    planned.add(new Planned(kind, kind != Kind.OK ? 0 : slow ? FAILURES_SLOW * delayMs : delayMs));
                }
            }
        }
        return planned;
    }

    /** One URL before it has an address: what it does and its delay. */
    public record Planned(Kind kind, int delayMs) {
    }

    /** The smallest N the shape makes sense for. */
    public int minimumUrls() {
        return switch (this) {
            case FIRST_COMPLETED, DEADLINE -> 2;
            case FAILURES -> FAILURE_MIX.size();
            default -> 1;
        };
    }

    /**
     * The CPU-heavy shape's work per response: alone, when every core is busy with it, and the
     * cores that share it.
     */
    public record CpuCost(double aloneMs, double allCoresMs, int cores) {
    }

    /**
     * Queueing theory for one operation, in ms: the greedy schedule of the URLs on the model's
     * slots, read the way the shape ends (the last result, the first 200, the deadline).
     *
     * @param cpu the CPU work per response (CPU-heavy only)
     */
    public double predictMs(Prediction prediction, Model model, int n, int delayMs, Delays profile, long seed,
                            int concurrency, int maxRequests, CpuCost cpu) {
        List<Planned> planned = plan(n, delayMs, profile, seed);
        List<Integer> delays = planned.stream().map(Planned::delayMs).toList();
        int slots = this == WORKERS
                ? (model == Model.SEQUENTIAL ? 1 : Math.max(1, concurrency))
                : prediction.effectiveConcurrency(model, n, concurrency, maxRequests);
        return switch (this) {
            case GATHER, AS_COMPLETED, FAILURES -> prediction.batchMillis(model, delays, concurrency, maxRequests);
            case WORKERS -> max(Prediction.finishTimes(delays, slots));
            case FIRST_COMPLETED -> {
                long[] finished = Prediction.finishTimes(delays, slots);
                long first = Long.MAX_VALUE;
                for (int i = 0; i < finished.length; i++) {
                    if (planned.get(i).kind() == Kind.OK) {
                        first = Math.min(first, finished[i]);
                    }
                }
                yield first;
            }
            case DEADLINE -> Math.min(delayMs, max(Prediction.finishTimes(delays, slots)));
            case CPU_HEAVY -> {
                long workMs = Math.round(cpu.aloneMs());
                List<Integer> withWork = delays.stream().map(d -> (int) (d + workMs)).toList();
                // The JDK client's I/O is not bounded by its executor; the work runs on the pool of
                // k, or by default on CompletableFuture's default executor.
                int defaultThreads = prediction.defaultExecutorThreads() > 0 ? prediction.defaultExecutorThreads() : n;
                int workers = Math.min(n, model != Model.HTTP_CLIENT_ASYNC ? slots
                        : concurrency > 0 ? concurrency : defaultThreads);
                int busyCores = Math.max(1, Math.min(workers, cpu.cores()));
                double cpuBound = n * (busyCores > 1 ? cpu.allCoresMs() : cpu.aloneMs()) / busyCores;
                yield Math.max(max(Prediction.finishTimes(withWork, slots)), cpuBound);
            }
        };
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    public static Shape byMethod(String method) {
        for (Shape shape : values()) {
            if (shape.method.equals(method)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown benchmark method '" + method + "'; known: "
                + Arrays.stream(values()).map(Shape::method).collect(Collectors.joining(", ")));
    }

    /** The address of a planned URL: on the server, or for "refused" on a port where nothing listens. */
    static URI address(Planned planned, int place, URI server, URI refusing) {
        URI base = planned.kind() == Kind.REFUSED ? refusing : server;
        return base.resolve(planned.kind().path(planned.delayMs()) + "?i=" + place);
    }
}
