package fetchbench.result;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a jmh.json written before the run's facts were structured: the notes and the
 * stream-limit probe were sentences joined by " | ", and are JSON arrays today ({@link Notes},
 * {@link ProbeOutcome}). It rewrites only those jvmArgs lines, so the rest of the file stays as
 * JMH wrote it. The committed runs were converted once with it; nothing else reads the old form.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar fetchbench.result.Migration results/<run>/jmh.json ...}
 */
public final class Migration {

    private static final String OLD_SEPARATOR = " | ";
    private static final Pattern ARG = Pattern.compile("^(\\s*)\"-D(fetchbench\\.notes|fetchbench\\.streamLimitProbe)="
            + "((?:[^\"\\\\]|\\\\.)*)\"(,?)$");
    private static final Pattern PROBE = Pattern.compile("(\\w+) over (\\w+), (\\d+) at once: (\\d+) answered, "
            + "(?:failed (\\d+) of them|opened (\\d+) more connection\\(s\\)|(queued) them on its 1 connection"
            + "|(answered) them all \\(the server does not count connections\\))(?: \\(first error: (.*)\\))?");
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Migration() {
    }

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            Path path = Path.of(file);
            String before = Files.readString(path);
            String after = migrate(before);
            if (!after.equals(before)) {
                Files.writeString(path, after, StandardCharsets.UTF_8);
                System.out.println("converted " + path);
            }
        }
    }

    /** The file with each old notes and probe line in today's form; lines already converted stay. */
    static String migrate(String jmhJson) {
        List<String> lines = new ArrayList<>();
        for (String line : jmhJson.split("\n", -1)) {
            Matcher arg = ARG.matcher(line);
            String value = arg.matches() ? GSON.fromJson("\"" + arg.group(3) + "\"", String.class) : null;
            if (value == null || value.startsWith("[")) {
                lines.add(line);
                continue;
            }
            List<String> parts = List.of(value.split(Pattern.quote(OLD_SEPARATOR)));
            String converted = arg.group(2).endsWith("notes") ? Notes.encode(parts)
                    : ProbeOutcome.encode(parts.stream().map(Migration::probe).toList());
            lines.add(arg.group(1) + GSON.toJson("-D" + arg.group(2) + "=" + converted) + arg.group(4));
        }
        return String.join("\n", lines);
    }

    /** One probe sentence as its record; the new connections of a stack that failed some were not recorded. */
    static ProbeOutcome probe(String sentence) {
        Matcher m = PROBE.matcher(sentence);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a stream-limit probe sentence: " + sentence);
        }
        int failed = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        long connections = m.group(6) != null ? Long.parseLong(m.group(6)) : m.group(7) != null ? 0 : -1;
        return new ProbeOutcome(ClientStack.valueOf(m.group(1)), Protocol.valueOf(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), failed, connections, m.group(9));
    }
}
