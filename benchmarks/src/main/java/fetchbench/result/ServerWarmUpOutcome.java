package fetchbench.result;

import java.util.Locale;

/**
 * What the server's warm-up before the run did, as the run records it under
 * {@link ResultKeys#SERVER_WARM_UP}: written by {@link #encode}, read by {@link #decode}.
 *
 * @param requests undelayed requests the server answered
 * @param seconds  how long they took
 * @param steady   whether its answers per second had stopped changing before the limit
 */
public record ServerWarmUpOutcome(long requests, double seconds, boolean steady) {

    public String encode() {
        return String.format(Locale.ROOT, "%d;%.1f;%b", requests, seconds, steady);
    }

    public static ServerWarmUpOutcome decode(String text) {
        String[] parts = text.split(";");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a server warm-up: " + text);
        }
        return new ServerWarmUpOutcome(Long.parseLong(parts[0]), Double.parseDouble(parts[1]),
                Boolean.parseBoolean(parts[2]));
    }

    /** "Server warm-up: 24000 undelayed requests in 9.1 s, steady", for the console and the report. */
    public String describe() {
        return String.format(Locale.ROOT, "Server warm-up: %d undelayed requests in %.1f s, %s", requests, seconds,
                steady ? "steady (its answers per second no longer trend)"
                        : "NOT steady: its answers per second still trended at the limit, so the first steps ran "
                                + "against a server still getting faster");
    }
}
