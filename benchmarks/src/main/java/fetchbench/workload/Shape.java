package fetchbench.workload;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of fan-out the suite measures. Each constant's name is the shape's one name: its
 * benchmark method, and its benchmark class with "Benchmark" appended ({@code deadline} is
 * {@code DeadlineBenchmark.deadline}). A shape says which URLs one operation fetches; what theory
 * predicts for it is {@link fetchbench.theory.Theory}'s. N is the {@code urls} parameter (the
 * replicas of a race); d is {@code delayMs} (the deadline of the deadline shape).
 */
public enum Shape {
    /** Fetch all N and wait for every one. */
    gather,
    /** k workers (the concurrency parameter) drain one queue of URLs with unequal delays. */
    workers,
    /** Handle each result as it arrives; the batch ends with the last. */
    asCompleted,
    /** N replicas of one resource, one failing at once: take the first 200, cancel the rest. */
    race,
    /** Half the URLs answer well within the deadline d, half long after it: keep the first, cancel the rest. */
    deadline,
    /** An uptime check: refused, reset, empty, HTTP 500, slow and malformed URLs among healthy ones. */
    failures,
    /** Gather, with parse-and-hash CPU work per response on the model's threads. */
    cpuHeavy;

    /** The deadline shape: fast URLs take this share of the deadline, slow ones this multiple. */
    static final double DEADLINE_FAST = 0.4;
    static final int DEADLINE_SLOW = 4;
    /** The failures shape: the slow URL takes this multiple of d. */
    static final int FAILURES_SLOW = 3;
    /** One round of the uptime check's URL mix; N URLs repeat it. */
    static final List<Kind> FAILURE_MIX = List.of(
            Kind.OK, Kind.REFUSED, Kind.RESET, Kind.EMPTY, Kind.SERVER_ERROR, Kind.OK, Kind.MALFORMED);

    /** The package of the benchmark classes. */
    public static final String BENCHMARK_PACKAGE = "fetchbench.bench";

    /** The shape's name in the README, the docs and the report: "As completed", "CPU-heavy". */
    public String title() {
        return switch (this) {
            case gather -> "Gather";
            case workers -> "Workers";
            case asCompleted -> "As completed";
            case race -> "Race";
            case deadline -> "Deadline";
            case failures -> "Failures";
            case cpuHeavy -> "CPU-heavy";
        };
    }

    /** The simple name of the shape's benchmark class, e.g. DeadlineBenchmark. */
    public String benchmark() {
        return Character.toUpperCase(name().charAt(0)) + name().substring(1) + "Benchmark";
    }

    /** The JMH benchmark name, as jmh.json records it: e.g. {@code fetchbench.bench.DeadlineBenchmark.deadline}. */
    public String benchmarkName() {
        return BENCHMARK_PACKAGE + "." + benchmark() + "." + name();
    }

    /** The shape of a JMH benchmark name: its method's name. */
    public static Shape ofBenchmark(String benchmarkName) {
        return valueOf(benchmarkName.substring(benchmarkName.lastIndexOf('.') + 1));
    }

    /** The kind and delay of each of the N URLs of one operation, in order. */
    public List<Planned> plan(int n, int delayMs, Delays profile, long seed) {
        List<Planned> planned = new ArrayList<>(n);
        switch (this) {
            case gather, workers, asCompleted, cpuHeavy -> profile.delays(n, delayMs, seed).forEach(d ->
                    planned.add(new Planned(this == cpuHeavy ? Kind.LARGE : Kind.OK, d)));
            case race -> {
                // The failing replica first, the winner last: neither submission order nor a failure wins.
                planned.add(new Planned(Kind.SERVER_ERROR, 0));
                for (int i = 1; i < n; i++) {
                    planned.add(new Planned(Kind.OK, (n - i) * delayMs));
                }
            }
            case deadline -> {
                for (int i = 0; i < n; i++) {
                    planned.add(new Planned(Kind.OK, i % 2 == 0
                            ? (int) Math.round(DEADLINE_FAST * delayMs) : DEADLINE_SLOW * delayMs));
                }
            }
            case failures -> {
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
            case race, deadline -> 2;
            case failures -> FAILURE_MIX.size();
            default -> 1;
        };
    }

    /** The address of a planned URL: on the server, or for "refused" on a port where nothing listens. */
    static URI address(Planned planned, int place, URI server, URI refusing) {
        URI base = planned.kind() == Kind.REFUSED ? refusing : server;
        return base.resolve(planned.kind().path(planned.delayMs()) + "?" + Responses.INDEX_PARAMETER + "=" + place);
    }
}
