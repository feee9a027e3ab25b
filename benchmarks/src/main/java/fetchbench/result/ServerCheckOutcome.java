package fetchbench.result;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server check at one N and delay, as a run records it: a JSON array under
 * {@link ResultKeys#SERVER_CHECK}, written by {@link #encode} and read by {@link #decode}.
 *
 * @param elapsedMs   the median time N delayed requests took, NaN where an older run did not record it
 * @param boundMs     the most a server that keeps up needs (the delay plus twice the floor), NaN likewise
 * @param likelyLimit what most likely held the server back, where it did not keep up; empty where it did
 */
public record ServerCheckOutcome(int urls, int delayMs, double elapsedMs, double boundMs, boolean passed,
                                 String likelyLimit) {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();

    public static String encode(List<ServerCheckOutcome> outcomes) {
        return GSON.toJson(outcomes);
    }

    public static List<ServerCheckOutcome> decode(String json) {
        return List.copyOf(GSON.fromJson(json, new TypeToken<List<ServerCheckOutcome>>() { }.getType()));
    }

    /** "ok at N=10, 20 ms (32 ms, bound 61), …; FAILED at N=1000, 20 ms: …", for the report. */
    public static String describe(List<ServerCheckOutcome> outcomes) {
        List<String> parts = new ArrayList<>();
        List<ServerCheckOutcome> passed = outcomes.stream().filter(ServerCheckOutcome::passed).toList();
        if (!passed.isEmpty()) {
            parts.add("ok at " + String.join(", ", passed.stream().map(ServerCheckOutcome::where).toList()));
        }
        outcomes.stream().filter(o -> !o.passed()).forEach(o -> parts.add("FAILED at " + o.where()
                + "; likely limit: " + o.likelyLimit + "; results at N=" + o.urls + " measure the server, not the models"));
        return String.join("; ", parts);
    }

    /** "N=10, 20 ms (32 ms, bound 61)"; without the bound where an older run did not record it. */
    private String where() {
        String at = String.format(Locale.ROOT, "N=%d, %d ms", urls, delayMs);
        if (Double.isNaN(elapsedMs)) {
            return at;
        }
        return at + (Double.isNaN(boundMs) ? String.format(Locale.ROOT, " (%.0f ms)", elapsedMs)
                : String.format(Locale.ROOT, " (%.0f ms, bound %.0f)", elapsedMs, boundMs));
    }
}
