package fetchbench.workload;

import fetchbench.model.Outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The URLs of one operation on the target server, each with what the server will do (its kind
 * and delay) and what a correct answer looks like; and the checks that an operation got exactly
 * that. The same parameters and seed give the same URLs and delays.
 */
public final class Workload {

    private final Shape shape;
    private final List<Fetch> fetches;
    private final List<URI> urls;
    /** The fetches by URL, for the shapes whose results come back in another order. */
    private final Map<URI, Fetch> byUrl = new HashMap<>();

    private Workload(Shape shape, List<Fetch> fetches) {
        this.shape = shape;
        this.fetches = List.copyOf(fetches);
        this.urls = fetches.stream().map(Fetch::url).toList();
        fetches.forEach(f -> byUrl.put(f.url(), f));
    }

    /** The gather workload: N URLs that answer 200 after their delays. */
    public static Workload create(URI server, int n, DelayProfile profile, int delayMs, long seed) {
        return create(Shape.gather, server, n, Delays.of(profile), delayMs, seed);
    }

    public static Workload create(Shape shape, URI server, int n, DelayProfile profile, int delayMs, long seed) {
        return create(shape, server, n, Delays.of(profile), delayMs, seed);
    }

    public static Workload create(Shape shape, URI server, int n, Delays profile, int delayMs, long seed) {
        if (n < shape.minimumUrls()) {
            throw new IllegalArgumentException("urls must be >= " + shape.minimumUrls() + " for " + shape
                    + ", got " + n);
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs must be >= 0, got " + delayMs);
        }
        List<Shape.Planned> planned = shape.plan(n, delayMs, profile, seed);
        URI refusing = planned.stream().anyMatch(p -> p.kind() == Kind.REFUSED) ? refusingAddress() : null;
        List<Fetch> fetches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Shape.Planned p = planned.get(i);
            String expected = switch (p.kind()) {
                case OK -> Responses.body(p.delayMs(), i);
                case LARGE -> new CpuWork().apply(CpuWork.largeBody(p.delayMs(), String.valueOf(i)));
                default -> null;
            };
            fetches.add(new Fetch(Shape.address(p, i, server, refusing), p.delayMs(), p.kind(), expected));
        }
        return new Workload(shape, fetches);
    }

    /** A workload of hand-picked fetches (e.g. URLs that are expected to fail to answer). */
    public static Workload of(List<Fetch> fetches) {
        if (fetches.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one URL");
        }
        return new Workload(Shape.gather, fetches);
    }

    /** A local address where nothing listens: a port the OS just handed out and took back. */
    private static URI refusingAddress() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Shape shape() {
        return shape;
    }

    public List<Fetch> fetches() {
        return fetches;
    }

    public List<URI> urls() {
        return urls;
    }

    public Duration longestDelay() {
        return Duration.ofMillis(fetches.stream().mapToInt(Fetch::delayMs).max().orElse(0));
    }

    /**
     * Gather: exactly one correct answer per URL, in order; otherwise throws with what was
     * missing, so a wrong fast answer never becomes a score.
     */
    public List<Outcome> verify(String model, List<Outcome> outcomes) {
        List<String> problems = new ArrayList<>();
        if (outcomes.size() != fetches.size()) {
            problems.add("got " + outcomes.size() + " outcomes for " + fetches.size() + " URLs");
        }
        for (int i = 0; i < Math.min(outcomes.size(), fetches.size()); i++) {
            String problem = fetches.get(i).problem(outcomes.get(i));
            if (problem != null) {
                problems.add(problem);
            }
        }
        return check(model, problems, outcomes);
    }

    /**
     * As completed: every URL handled once and correctly, in the order the fetches finished, and
     * as they finished. A result handled after one that finished {@link #ORDER_SLACK} later is
     * out of order (the slack covers the moment between a fetch finishing and its result being
     * queued). A model that held every result back until the slowest fetch finished, then handed
     * them on sorted, would pass that: so the first result must be handled (at
     * {@code firstHandledAt}, System.nanoTime()) before the slowest fetch finished, wherever
     * that finished over {@link #HANDOFF_SLACK} after the first.
     */
    public List<Outcome> verifyAsCompleted(String model, List<Outcome> handled, long firstHandledAt) {
        List<String> problems = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        long latestFinish = 0;
        for (int i = 0; i < handled.size(); i++) {
            Outcome outcome = handled.get(i);
            Fetch fetch = byUrl.get(outcome.url());
            if (fetch == null || !seen.add(outcome.url())) {
                problems.add((fetch == null ? "an unknown URL " : "a second result for ") + outcome.url());
                continue;
            }
            String problem = fetch.problem(outcome);
            if (problem != null) {
                problems.add(problem);
            }
            if (i > 0 && outcome.finishedAt() < latestFinish - ORDER_SLACK.toNanos()) {
                problems.add("result " + (i + 1) + " (" + outcome.url() + ") finished "
                        + (latestFinish - outcome.finishedAt()) / 1_000_000 + " ms before one handled earlier");
            }
            latestFinish = i == 0 ? outcome.finishedAt() : Math.max(latestFinish, outcome.finishedAt());
        }
        if (seen.size() != fetches.size()) {
            problems.add("handled " + seen.size() + " of " + fetches.size() + " URLs");
        }
        if (!handled.isEmpty()) {
            long firstFinish = handled.get(0).finishedAt();
            long slowest = handled.stream().mapToLong(Outcome::finishedAt).max().orElseThrow();
            if (slowest - firstFinish > HANDOFF_SLACK.toNanos() && firstHandledAt >= slowest) {
                problems.add("the first result was handled " + (firstHandledAt - firstFinish) / 1_000_000
                        + " ms after it finished, once the slowest fetch had finished too: held back, not handled as it came");
            }
        }
        return check(model, problems, handled);
    }

    /** See {@link #verifyAsCompleted}; also what a kept result may exceed a deadline by. */
    public static final Duration ORDER_SLACK = Duration.ofMillis(25);
    /** See {@link #verifyAsCompleted}: longer than a busy machine's hand-off, shorter than the test's spread of delays. */
    public static final Duration HANDOFF_SLACK = Duration.ofMillis(100);

    /**
     * Race: the winner is a replica that answers 200, with its body. Which one depends
     * on the model's slots (with fewer slots than replicas the fastest may start last), so that
     * is the prediction's business; with a slot per replica the tests check it is the fastest.
     */
    public Outcome verifyRace(String model, Outcome winner) {
        Fetch replica = byUrl.get(winner.url());
        List<String> problems = new ArrayList<>();
        if (replica == null) {
            problems.add("the winner " + winner.url() + " is not one of the replicas");
        } else if (replica.kind() != Kind.OK) {
            problems.add("the winner " + winner.url() + " is the replica that fails");
        } else {
            String problem = replica.problem(winner);
            if (problem != null) {
                problems.add(problem);
            }
        }
        check(model, problems, List.of(winner));
        return winner;
    }

    /**
     * Deadline: every result kept is correct, kept once, and belongs to a URL faster than the
     * deadline, and none of the slower ones is among them. Returns how many were kept: how many is a
     * measurement (a cold first batch may keep none), which ShapesTest checks where it is sure.
     */
    public int verifyDeadline(String model, List<Outcome> kept, Duration deadline) {
        List<String> problems = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        for (Outcome outcome : kept) {
            Fetch fetch = byUrl.get(outcome.url());
            if (fetch == null) {
                problems.add("an unknown URL " + outcome.url());
            } else if (!seen.add(outcome.url())) {
                problems.add("a second result for " + outcome.url());
            } else if (fetch.delayMs() >= deadline.toMillis()) {
                problems.add(outcome.url() + " takes " + fetch.delayMs() + " ms but was kept within a "
                        + deadline.toMillis() + " ms deadline");
            } else if (outcome.nanos() > deadline.plus(ORDER_SLACK).toNanos()) {
                // A fetch starts no earlier than the operation: one longer than the deadline ended after it.
                problems.add(outcome.url() + " took " + outcome.nanos() / 1_000_000 + " ms, longer than the "
                        + deadline.toMillis() + " ms deadline");
            } else {
                String problem = fetch.problem(outcome);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        check(model, problems, kept);
        return kept.size();
    }

    /** Failures: one outcome per URL, in order, each with exactly the health its URL was built for. */
    public List<Outcome> verifyFailures(String model, List<Outcome> outcomes) {
        List<String> problems = new ArrayList<>();
        if (outcomes.size() != fetches.size()) {
            problems.add("got " + outcomes.size() + " outcomes for " + fetches.size() + " URLs");
        }
        for (int i = 0; i < Math.min(outcomes.size(), fetches.size()); i++) {
            Fetch fetch = fetches.get(i);
            Outcome outcome = outcomes.get(i);
            Health health = Health.of(outcome);
            if (!fetch.url().equals(outcome.url())) {
                problems.add("expected " + fetch.url() + " but got an outcome for " + outcome.url());
            } else if (health != fetch.kind().health()) {
                problems.add("expected " + fetch.url() + " " + fetch.kind().health().name() + " but it ("
                        + outcome.describe() + ") "
                        + health.report(outcome).substring(outcome.url().toString().length() + 1));
            }
        }
        return check(model, problems, outcomes);
    }

    /**
     * The server's count of the requests one operation sent must be what the shape needs: every
     * URL that reaches the server (a refused one does not) for the shapes that fetch them all; for
     * a race and a deadline, at least one and at most every URL. An answer from a cache, or a
     * model that fetched fewer URLs and repeated answers, fails here.
     */
    public long verifyRequests(String model, long served) {
        return verifyRequests(model, served, false);
    }

    /**
     * The same for a client that sends a request once more when the server closes the connection
     * without an answer (the JDK's HttpClient does, for a GET): those URLs may count twice.
     */
    public long verifyRequests(String model, long served, boolean resendsOnClosedConnection) {
        return verifyRequests(model, served, 1, resendsOnClosedConnection);
    }

    /** The same for {@code operations} operations of this workload, run at once or one after another. */
    public long verifyRequests(String model, long served, int operations, boolean resendsOnClosedConnection) {
        long reachable = fetches.stream().filter(f -> f.kind() != Kind.REFUSED).count();
        long resendable = resendsOnClosedConnection
                ? fetches.stream().filter(f -> f.kind() == Kind.RESET || f.kind() == Kind.EMPTY).count() : 0;
        boolean some = shape.cancelsTheRest();
        long least = operations * (some ? 1 : reachable);
        long most = operations * (reachable + resendable);
        if (served < least || served > most) {
            check(model, List.of("the server answered " + served + " requests, expected "
                    + (least == most ? String.valueOf(least) : least + " to " + most)), null);
        }
        return served;
    }

    private <T> T check(String model, List<String> problems, T result) {
        if (!problems.isEmpty()) {
            throw new IncompleteResultException(model + ": " + shape + " of " + fetches.size() + " URLs had "
                    + problems.size() + " problem(s), first: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
        return result;
    }
}
