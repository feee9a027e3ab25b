package fetchbench.run;

import fetchbench.result.NewFolder;
import fetchbench.result.WholeFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code results/<run-id>/} of one run. The id is the start time (UTC); a run that starts in the
 * same second as an earlier one gets a suffix, so a new run never overwrites an old one. The
 * folder is removed again if the run ends before it holds a result; once it does ({@link #keep()}),
 * it stays, whatever happens next.
 */
public final class RunDirectory {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private boolean kept; // guarded by this

    private RunDirectory(Path path) {
        this.path = path;
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

    /** The folder holds whole results: it stays. */
    public synchronized void keep() {
        kept = true;
    }

    public synchronized boolean kept() {
        return kept;
    }

    /**
     * Removes the folder unless it was kept. Synchronized: on Ctrl-C a shutdown hook and the main
     * thread may both get here; best effort: a file that cannot go is reported, not thrown.
     */
    public synchronized void removeUnlessKept() {
        if (!kept) {
            WholeFile.deleteTree(path);
        }
    }
}
