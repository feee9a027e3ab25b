package fetchbench.result;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.util.List;

/**
 * What the plan left out and why, one note each, as a run records it: a JSON array of strings
 * under {@link ResultKeys#NOTES}, written by {@link #encode} and read by {@link #decode}.
 */
public final class Notes {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Notes() {
    }

    public static String encode(List<String> notes) {
        return GSON.toJson(notes);
    }

    public static List<String> decode(String json) {
        return List.copyOf(GSON.fromJson(json, new TypeToken<List<String>>() { }.getType()));
    }
}
