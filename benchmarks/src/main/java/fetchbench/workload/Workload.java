package fetchbench.workload;

import fetchbench.model.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * N URLs on the target server, each with the delay the server will wait before answering and the
 * body it will answer with. The same parameters and seed give the same URLs and delays.
 */
public final class Workload {

    /** One URL to fetch and what a correct answer looks like. */
    public record Fetch(URI url, int delayMs, String expectedBody) {
    }

    private final List<Fetch> fetches;
    private final List<URI> urls;

    private Workload(List<Fetch> fetches) {
        this.fetches = List.copyOf(fetches);
        this.urls = fetches.stream().map(Fetch::url).toList();
    }

    public static Workload create(URI server, int n, DelayProfile profile, int delayMs, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("urls must be >= 1, got " + n);
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs must be >= 0, got " + delayMs);
        }
        List<Integer> delays = profile.delays(n, delayMs, seed);
        List<Fetch> fetches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int delay = delays.get(i);
            fetches.add(new Fetch(server.resolve(path(delay) + "?i=" + i), delay, body(delay)));
        }
        return new Workload(fetches);
    }

    /** A workload of hand-picked fetches (e.g. URLs that are expected to fail to answer). */
    public static Workload of(List<Fetch> fetches) {
        if (fetches.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one URL");
        }
        return new Workload(fetches);
    }

    /** The server path that answers after {@code delayMs}; one stub per distinct delay. */
    public static String path(int delayMs) {
        return "/fetchbench/delay/" + delayMs;
    }

    /** The body the stub for {@code delayMs} answers with. */
    public static String body(int delayMs) {
        return "fetchbench delay=" + delayMs + "ms\n";
    }

    public List<Fetch> fetches() {
        return fetches;
    }

    public List<URI> urls() {
        return urls;
    }

    public SortedSet<Integer> distinctDelays() {
        SortedSet<Integer> delays = new TreeSet<>();
        fetches.forEach(f -> delays.add(f.delayMs()));
        return Collections.unmodifiableSortedSet(delays);
    }

    public Duration longestDelay() {
        return Duration.ofMillis(distinctDelays().last());
    }

    /**
     * Checks that {@code outcomes} hold exactly one correct answer per URL, in order, and returns
     * them; otherwise throws with what was missing, so a wrong fast answer never becomes a score.
     */
    public List<Outcome> verify(String model, List<Outcome> outcomes) {
        List<String> problems = new ArrayList<>();
        if (outcomes.size() != fetches.size()) {
            problems.add("got " + outcomes.size() + " outcomes for " + fetches.size() + " URLs");
        }
        int correct = 0;
        for (int i = 0; i < Math.min(outcomes.size(), fetches.size()); i++) {
            String problem = problem(fetches.get(i), outcomes.get(i));
            if (problem == null) {
                correct++;
            } else {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IncompleteResultException(model + ": " + correct + " of " + fetches.size()
                    + " URLs fetched correctly; " + problems.size() + " problem(s), first: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
        return outcomes;
    }

    private static String problem(Fetch expected, Outcome actual) {
        if (!expected.url().equals(actual.url())) {
            return "expected " + expected.url() + " but got an outcome for " + actual.url();
        }
        if (actual.error() != null) {
            return actual.describe();
        }
        if (actual.status() != 200) {
            return expected.url() + " returned HTTP " + actual.status() + " instead of 200";
        }
        if (!expected.expectedBody().equals(actual.body())) {
            return expected.url() + " returned an unexpected body (" + abbreviate(actual.body()) + ")";
        }
        return null;
    }

    private static String abbreviate(String body) {
        String oneLine = String.valueOf(body).replace('\n', ' ').strip();
        return oneLine.length() <= 60 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 60) + "…'";
    }

    /** An operation that did not get all N correct results. */
    public static final class IncompleteResultException extends IllegalStateException {
        public IncompleteResultException(String message) {
            super(message);
        }
    }
}
