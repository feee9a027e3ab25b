package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import okhttp3.Response;

/**
 * What one fetch produced: a status and body, or the error that stopped it, and its latency as the
 * caller sees it (from asking the model to fetch, so time queued inside the model counts).
 */
public record Outcome(URI url, int status, String body, long nanos, Throwable error) {

    /** Status of a fetch that never got an HTTP response. */
    public static final int NO_RESPONSE = -1;

    /** Reads the whole body; the caller closes the response. */
    public static Outcome read(URI url, Response response, long startNanos) {
        try {
            String body = response.body().string();
            return new Outcome(url, response.code(), body, System.nanoTime() - startNanos, null);
        } catch (IOException e) {
            return failed(url, e, startNanos);
        }
    }

    public static Outcome failed(URI url, Throwable error, long startNanos) {
        return new Outcome(url, NO_RESPONSE, null, System.nanoTime() - startNanos, error);
    }

    /** One line for an uptime-style report, e.g. "http://…/a returned 200". */
    public String describe() {
        if (error != null) {
            return url + " failed: " + error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        return url + " returned " + status;
    }
}
