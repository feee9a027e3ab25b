package fetchbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** A run records the commit of its code and whether the working tree had uncommitted changes. */
@Tag("integration")
class SourceVersionTest {

    @TempDir
    Path folder;

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString(),
                "-c", "user.name=fetchbench", "-c", "user.email=fetchbench@localhost"));
        command.addAll(List.of(args));
        assertThat(Processes.run(command, 30)).as(String.join(" ", command)).isZero();
    }

    @Test
    void theCommitAndACleanOrDirtyTree() throws Exception {
        assertThat(SourceVersion.of(folder)).isEqualTo(SourceVersion.UNKNOWN);

        git("init", "-q");
        Files.writeString(folder.resolve("a.txt"), "one");
        git("add", "a.txt");
        git("commit", "-q", "-m", "one");
        SourceVersion clean = SourceVersion.of(folder);
        assertThat(clean.commit()).matches("[0-9a-f]{40}");
        assertThat(clean.dirty()).isFalse();

        Files.writeString(folder.resolve("a.txt"), "two");
        SourceVersion dirty = SourceVersion.of(folder);
        assertThat(dirty.commit()).isEqualTo(clean.commit());
        assertThat(dirty.dirty()).isTrue();
        assertThat(dirty.toString()).endsWith("(with uncommitted changes)");
    }
}
