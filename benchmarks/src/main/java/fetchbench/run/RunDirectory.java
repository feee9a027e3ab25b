package fetchbench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code results/<run-id>/} of one run. The id is the start time (UTC); a run that starts in the
 * same second as an earlier one gets a suffix, so a new run never overwrites an old one. Until
 * {@link #complete()} the folder is removed again on failure or Ctrl-C: no half-written runs.
 */
public final class RunDirectory {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private final Thread removeOnExit;
    private volatile boolean complete;

    private RunDirectory(Path path) {
        this.path = path;
        this.removeOnExit = new Thread(this::removeIfIncomplete, "fetchbench-results-cleanup");
        Runtime.getRuntime().addShutdownHook(removeOnExit);
    }

    public static RunDirectory create(Path resultsRoot, Clock clock) throws IOException {
        Files.createDirectories(resultsRoot);
        String id = ID.format(clock.instant());
        for (int attempt = 1; ; attempt++) {
            Path candidate = resultsRoot.resolve(attempt == 1 ? id : id + "-" + attempt);
            try {
                return new RunDirectory(Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException taken) {
                // An earlier run has this id; try the next suffix.
            }
        }
    }

    public Path path() {
        return path;
    }

    public String id() {
        return path.getFileName().toString();
    }

    /** Keeps the folder: everything has been written. */
    public void complete() {
        complete = true;
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook sees complete == true and keeps the folder.
        }
    }

    /** Removes the folder unless the run completed. */
    public void removeIfIncomplete() {
        if (complete || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(RunDirectory::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
