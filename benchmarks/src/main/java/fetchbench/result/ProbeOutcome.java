package fetchbench.result;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import java.util.List;
import java.util.Locale;

/**
 * What one client stack did over one protocol with twice the server's HTTP/2 stream limit at once
 * (the stream-limit probe), as a run records it: a JSON array under
 * {@link ResultKeys#STREAM_LIMIT_PROBE}, written by {@link #encode} and read by {@link #decode}.
 *
 * @param connections new connections the server counted, or -1 where it does not count
 * @param firstError  the first failure's words, or null
 */
public record ProbeOutcome(ClientStack stack, Protocol protocol, int sent, int ok, int failed, long connections,
                           String firstError) {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    public static String encode(List<ProbeOutcome> outcomes) {
        return GSON.toJson(outcomes);
    }

    public static List<ProbeOutcome> decode(String json) {
        return List.copyOf(GSON.fromJson(json, new TypeToken<List<ProbeOutcome>>() { }.getType()));
    }

    /** queued, opened more connections, or failed some. */
    public String behaviour() {
        if (failed > 0) {
            return "failed " + failed + " of them";
        }
        if (connections < 0) {
            return "answered them all (the server does not count connections)";
        }
        return connections > 0 ? "opened " + connections + " more connection(s)" : "queued them on its 1 connection";
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s over %s, %d at once: %d answered, %s%s", stack, protocol, sent, ok,
                behaviour(), firstError == null ? "" : " (first error: " + firstError + ")");
    }
}
