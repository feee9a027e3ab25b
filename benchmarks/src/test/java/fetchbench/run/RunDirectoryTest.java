package fetchbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path results;

    private final Clock sameSecond = Clock.fixed(Instant.parse("2026-11-22T03:15:02Z"), ZoneOffset.UTC);

    @Test
    void runsStartedInTheSameSecondGetTheirOwnFolders() throws Exception {
        RunDirectory first = RunDirectory.create(results, sameSecond);
        Files.writeString(first.path().resolve("jmh.json"), "[]");
        first.keep();
        RunDirectory second = RunDirectory.create(results, sameSecond);
        second.keep();

        assertThat(first.id()).isEqualTo("2026-11-22T031502Z");
        assertThat(second.id()).isEqualTo("2026-11-22T031502Z-2");
        assertThat(first.path().resolve("jmh.json")).hasContent("[]");
    }

    @Test
    void aRunWithoutResultsIsRemovedAndAKeptOneStays() throws Exception {
        RunDirectory failed = RunDirectory.create(results, sameSecond);
        Files.writeString(failed.path().resolve("jmh.json"), "[");
        failed.removeUnlessKept();
        assertThat(failed.path()).doesNotExist();

        RunDirectory done = RunDirectory.create(results, sameSecond);
        done.keep();
        done.removeUnlessKept();
        assertThat(done.path()).isDirectory();
    }
}
