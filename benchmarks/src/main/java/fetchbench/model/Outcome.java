package fetchbench.model;

import java.net.URI;

/**
 * What one fetch produced: a status and body, or the error that stopped it; its latency as the
 * caller sees it (from asking the model to fetch, so time queued inside the model counts); and
 * when it finished, so the order of completion can be checked.
 */
public record Outcome(URI url, int status, String body, long nanos, long finishedAt, Throwable error) {

    /** Status of a fetch that never got an HTTP response. */
    public static final int NO_RESPONSE = -1;

    /** A response; {@code body} is what the model's {@link BodyWork} made of it. */
    public static Outcome response(URI url, int status, String body, long startNanos) {
        long now = System.nanoTime();
        return new Outcome(url, status, body, now - startNanos, now, null);
    }

    public static Outcome failed(URI url, Throwable error, long startNanos) {
        long now = System.nanoTime();
        return new Outcome(url, NO_RESPONSE, null, now - startNanos, now, error);
    }

    public boolean isOk() {
        return error == null && status == 200;
    }

    /**
     * This outcome if it is a 200, else throws: racing APIs ({@code invokeAny}, a structured
     * scope's any-success joiner) skip a replica only when its task throws.
     */
    public Outcome requireOk() {
        if (!isOk()) {
            throw new FailedFetchException(this);
        }
        return this;
    }

    /** One line for an uptime-style report, e.g. "http://…/a returned 200". */
    public String describe() {
        if (error != null) {
            return url + " failed: " + error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        return url + " returned " + status;
    }

    /** A fetch that did not answer 200, thrown where a task must fail for the model to move on. */
    public static final class FailedFetchException extends RuntimeException {
        private final transient Outcome outcome;

        public FailedFetchException(Outcome outcome) {
            super(outcome.describe(), null, false, false);
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }
    }
}
