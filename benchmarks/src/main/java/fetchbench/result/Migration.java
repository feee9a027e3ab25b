package fetchbench.result;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a jmh.json written before the run's facts were structured: the notes, the
 * stream-limit probe and the server check were sentences (joined by " | " or "; "), and are JSON
 * arrays today ({@link Notes}, {@link ProbeOutcome}, {@link ServerCheckOutcome}). It rewrites only those jvmArgs lines, so the rest of the file stays as
 * JMH wrote it. The committed runs were converted once with it; nothing else reads the old form.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar fetchbench.result.Migration results/<run>/jmh.json ...}
 */
public final class Migration {

    private static final String OLD_SEPARATOR = " | ";
    private static final Pattern ARG = Pattern.compile("^(\\s*)\"-D(fetchbench\\.notes|fetchbench\\.streamLimitProbe"
            + "|fetchbench\\.serverCheck)="
            + "((?:[^\"\\\\]|\\\\.)*)\"(,?)$");
    private static final Pattern PROBE = Pattern.compile("(\\w+) over (\\w+), (\\d+) at once: (\\d+) answered, "
            + "(?:failed (\\d+) of them|opened (\\d+) more connection\\(s\\)|(queued) them on its 1 connection"
            + "|(answered) them all \\(the server does not count connections\\))(?: \\(first error: (.*)\\))?");
    /** A check that passed, "N=10, 20 ms (32 ms, bound 61)", or in the first runs' words "N=10 (1.02×) with 1000 ms delays". */
    private static final Pattern CHECK_OK = Pattern.compile("N=(\\d+), (\\d+) ms \\((\\d+) ms, bound (\\d+)\\)"
            + "|N=(\\d+) \\(([\\d.]+)×\\) with (\\d+) ms delays");
    private static final Pattern CHECK_FAILED = Pattern.compile("FAILED: N=(\\d+) requests delayed (\\d+) ms answered in "
            + "(\\d+) ms \\(median of \\d+; bound (\\d+) ms = [^)]*\\); likely limit: (.*?); results at N=\\d+ measure "
            + "the server, not the models");
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Migration() {
    }

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            Path path = Path.of(file);
            String before = Files.readString(path);
            String after = migrate(before);
            if (!after.equals(before)) {
                WholeFile.writeString(path, after);
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
                    : arg.group(2).endsWith("serverCheck") ? ServerCheckOutcome.encode(serverCheck(value))
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

    /** The server check's sentence as its records: the checks that passed, then those that failed. */
    static List<ServerCheckOutcome> serverCheck(String sentence) {
        List<ServerCheckOutcome> outcomes = new ArrayList<>();
        Matcher failed = CHECK_FAILED.matcher(sentence);
        String passed = sentence;
        List<ServerCheckOutcome> failures = new ArrayList<>();
        while (failed.find()) {
            failures.add(new ServerCheckOutcome(Integer.parseInt(failed.group(1)), Integer.parseInt(failed.group(2)),
                    Double.parseDouble(failed.group(3)), Double.parseDouble(failed.group(4)), false, failed.group(5)));
            passed = passed.replace(failed.group(), "");
        }
        Matcher ok = CHECK_OK.matcher(passed);
        while (ok.find()) {
            outcomes.add(ok.group(1) != null
                    ? new ServerCheckOutcome(Integer.parseInt(ok.group(1)), Integer.parseInt(ok.group(2)),
                            Double.parseDouble(ok.group(3)), Double.parseDouble(ok.group(4)), true, "")
                    // The first runs recorded the time over the delay, not the bound.
                    : new ServerCheckOutcome(Integer.parseInt(ok.group(5)), Integer.parseInt(ok.group(7)),
                            Double.parseDouble(ok.group(6)) * Integer.parseInt(ok.group(7)), Double.NaN, true, ""));
        }
        outcomes.addAll(failures);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("not a server check sentence: " + sentence);
        }
        return outcomes;
    }
}
