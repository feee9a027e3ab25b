package fetchbench.run;

import fetchbench.result.NewFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code results/<run-id>/} of one run. The id is the start time (UTC); a run that starts in the
 * same second as an earlier one gets a suffix, so a new run never overwrites an old one. Until
 * {@link #complete()} the folder is removed again on failure or Ctrl-C, unless the run had
 * measured something: then {@link #keepOnInterrupt} writes what it has, marked incomplete.
 */
public final class RunDirectory {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private final Thread removeOnExit;
    private volatile boolean complete;
    private volatile Callable<Boolean> onInterrupt;

    private RunDirectory(Path path) {
        this.path = path;
        this.removeOnExit = new Thread(this::keepOrRemove, "fetchbench-results-cleanup");
        Runtime.getRuntime().addShutdownHook(removeOnExit);
    }

    public static RunDirectory create(Path resultsRoot, Clock clock) throws IOException {
        return new RunDirectory(NewFolder.create(resultsRoot, ID.format(clock.instant())));
    }

    public Path path() {
        return path;
    }

    public String id() {
        return path.getFileName().toString();
    }

    /**
     * What to do if the JVM is stopped (Ctrl-C) before the run completes: write what was measured
     * and return true to keep the folder, or return false to have it removed.
     */
    public void keepOnInterrupt(Callable<Boolean> writePartial) {
        this.onInterrupt = writePartial;
    }

    private synchronized void keepOrRemove() {
        Callable<Boolean> partial = onInterrupt;
        if (!complete && partial != null) {
            try {
                complete = partial.call();
            } catch (Exception e) {
                System.err.println("fetchbench: could not keep the measured part of the run: " + e);
            }
        }
        removeIfIncomplete();
    }

    /** Keeps the folder: everything has been written. */
    public synchronized void complete() {
        complete = true;
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook sees complete == true and keeps the folder.
        }
    }

    /**
     * Removes the folder unless the run completed. Synchronized: on Ctrl-C the shutdown hook and
     * the main thread may both get here; best effort: a file that cannot go is reported, not thrown.
     */
    public synchronized void removeIfIncomplete() {
        if (complete || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(RunDirectory::delete);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("fetchbench: could not remove the incomplete run folder " + path + ": " + e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
