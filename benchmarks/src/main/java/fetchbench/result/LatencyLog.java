package fetchbench.result;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The load benchmark's record: one HdrHistogram log ({@code .hlog}) per fork in the run folder's
 * {@value RunFolder#LATENCY_LOGS} folder, a window's three histograms per interval, tagged
 * {@link #CORRECTED}, {@link #UNCORRECTED} and {@link #LATENESS}, in µs, timed from the loop's
 * start. A comment line names the result's JMH parameters. The fork writes it; the report reads it.
 */
public final class LatencyLog {

    public static final String CORRECTED = "corrected";
    public static final String UNCORRECTED = "uncorrected";
    public static final String LATENESS = "lateness";
    /** The fork property that names the folder the forks write into. */
    public static final String FOLDER_PROPERTY = "fetchbench.latencyLogs";
    private static final String PARAMS = "fetchbench params ";

    /** One window: latencies of what ended in it from the intended start and from the send, and how late what was sent in it went. */
    public record Window(Histogram corrected, Histogram uncorrected, Histogram lateness) {

        public double startSeconds() {
            return corrected.getStartTimeStamp() / 1000.0;
        }

        public double seconds() {
            return (corrected.getEndTimeStamp() - corrected.getStartTimeStamp()) / 1000.0;
        }

        /** Operations sent in the window less those that ended in it: how much the backlog grew. */
        public long backlogGrowth() {
            return lateness.getTotalCount() - corrected.getTotalCount();
        }
    }

    /** One fork's log: the result's parameters and its measured windows in order. */
    public record Fork(Path file, Map<String, String> params, List<Window> windows) {
    }

    private LatencyLog() {
    }

    /** Writes one fork's windows under a hidden name, moved into place when closed: a stopped fork leaves no log cut short. */
    public static final class Writer implements AutoCloseable {
        private final PrintStream out;
        private final HistogramLogWriter log;
        private final Path file;

        /** A new log in {@code folder} for a result with these parameters (a fork's own file, never another's). */
        public Writer(Path folder, String benchmark, Map<String, String> params) {
            try {
                Files.createDirectories(folder);
                file = folder.resolve(fileName(benchmark, params, ProcessHandle.current().pid()));
                out = new PrintStream(Files.newOutputStream(WholeFile.partOf(file)), false, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the latency log in " + folder, e);
            }
            log = new HistogramLogWriter(out);
            log.outputComment(PARAMS + encode(params));
            log.outputLogFormatVersion();
            log.setBaseTime(0);
            log.outputBaseTime(0);
            log.outputLegend();
        }

        /** One window, its start and end in ms from the loop's start. */
        public void write(Histogram corrected, Histogram uncorrected, Histogram lateness, long startMs, long endMs) {
            for (Map.Entry<String, Histogram> tagged : Map.of(CORRECTED, corrected, UNCORRECTED, uncorrected,
                    LATENESS, lateness).entrySet()) {
                Histogram h = tagged.getValue().copy();
                h.setTag(tagged.getKey());
                // The max column in ms: the histograms are in µs.
                log.outputIntervalHistogram(startMs / 1000.0, endMs / 1000.0, h, 1000.0);
            }
            out.flush();
        }

        @Override
        public void close() {
            out.close();
            try {
                if (out.checkError()) { // a PrintStream hides its write errors: the log is not whole
                    Files.deleteIfExists(WholeFile.partOf(file));
                    throw new IOException("the latency log could not be written whole");
                }
                Files.move(WholeFile.partOf(file), file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot put the latency log in place: " + file, e);
            }
        }
    }

    /** A fork's file: the benchmark, the result's parameters, the fork's process. */
    public static String fileName(String benchmark, Map<String, String> params, long pid) {
        String name = benchmark + "-" + encode(params) + "-" + pid;
        return name.replaceAll("[^A-Za-z0-9=,._-]", "_") + ".hlog";
    }

    /** Every fork's log in a run folder; none where the run wrote none. */
    public static List<Fork> read(Path runFolder) {
        Path folder = runFolder.resolve(RunFolder.LATENCY_LOGS);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Fork> forks = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".hlog")).sorted().toList()) {
                forks.add(readFork(file));
            }
            return forks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the latency logs in " + folder, e);
        }
    }

    static Fork readFork(Path file) throws IOException {
        Map<String, String> params = Files.readAllLines(file).stream().filter(l -> l.startsWith("#" + PARAMS))
                .findFirst().map(l -> decode(l.substring(PARAMS.length() + 1))).orElse(Map.of());
        // A window is three lines in a row, one of each tag.
        List<Window> windows = new ArrayList<>();
        Histogram[] window = new Histogram[3];
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            Histogram histogram = (Histogram) h;
            int slot = switch (String.valueOf(histogram.getTag())) {
                case CORRECTED -> 0;
                case UNCORRECTED -> 1;
                case LATENESS -> 2;
                default -> throw new IOException("unknown tag " + histogram.getTag() + " in " + file);
            };
            if (window[slot] != null) {
                throw new IOException("a window with two " + histogram.getTag() + " histograms in " + file);
            }
            window[slot] = histogram;
            if (window[0] != null && window[1] != null && window[2] != null) {
                windows.add(new Window(window[0], window[1], window[2]));
                window = new Histogram[3];
            }
        }
        if (window[0] != null || window[1] != null || window[2] != null) {
            throw new IOException("a window without all three histograms at the end of " + file);
        }
        return new Fork(file, params, windows);
    }

    static String encode(Map<String, String> params) {
        return String.join(",", new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList());
    }

    static Map<String, String> decode(String text) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : text.strip().split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }
}
