package fetchbench.workload;

import fetchbench.model.Outcome;
import java.net.URI;

/**
 * One URL to fetch and what a correct answer looks like (the body is null where only the health counts).
 */
public record Fetch(URI url, int delayMs, Kind kind, String expectedBody) {

    /** A URL that answers 200 with the body of its delay. */
    public Fetch(URI url, int delayMs, String expectedBody) {
        this(url, delayMs, Kind.OK, expectedBody);
    }

    /** What is wrong with an outcome for this URL, or null when it is the correct answer. */
    String problem(Outcome actual) {
        if (!url.equals(actual.url())) {
            return "expected " + url + " but got an outcome for " + actual.url();
        }
        if (actual.error() != null) {
            return actual.describe();
        }
        if (actual.status() != 200) {
            return url + " returned HTTP " + actual.status() + " instead of 200";
        }
        if (!expectedBody.equals(actual.body())) {
            return url + " returned an unexpected body (" + abbreviate(actual.body()) + ")";
        }
        return null;
    }

    private static String abbreviate(String body) {
        String oneLine = String.valueOf(body).replace('\n', ' ').strip();
        return oneLine.length() <= 60 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 60) + "…'";
    }
}
