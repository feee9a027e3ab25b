package fetchbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer meets first stays short: the README within 10 KB with both commands on its
 * first screen, and each committed run folder within 5 MB, so the repository stays small.
 */
class RepositoryBudgetTest {

    private static final Path ROOT = Path.of("..");
    static final int README_BYTES = 10_000;
    static final int FIRST_SCREEN_LINES = 40;
    static final long RUN_FOLDER_BYTES = 5_000_000;

    @Test
    void theReadmeIsShortAndItsTwoCommandsAreOnItsFirstScreen() throws IOException {
        byte[] readme = Files.readAllBytes(ROOT.resolve("README.md"));
        assertThat(readme.length).as("README.md in bytes; depth goes in docs/").isLessThanOrEqualTo(README_BYTES);

        List<String> firstScreen = new String(readme, StandardCharsets.UTF_8).lines().limit(FIRST_SCREEN_LINES)
                .toList();
        assertThat(firstScreen).as("the first %d lines", FIRST_SCREEN_LINES)
                .anyMatch(line -> line.startsWith("./mvnw verify"))
                .anyMatch(line -> line.startsWith("./mvnw test"));
    }

    @Test
    void everyLinkOfTheReadmeToTheRepositoryLeadsToAFile() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(readme);
        int links = 0;
        while (link.find()) {
            links++;
            assertThat(ROOT.resolve(link.group(1))).as(link.group()).exists();
        }
        assertThat(links).as("links to docs/ and the reference run").isGreaterThan(5);
    }

    @Test
    void everyCommittedRunFolderIsAtMostFiveMegabytes() throws IOException {
        Map<Path, Long> bytes = new TreeMap<>();
        for (Path file : committedFiles("results")) {
            Path relative = ROOT.relativize(file);
            if (relative.getNameCount() > 2) {
                bytes.merge(relative.subpath(0, 2), Files.size(file), Long::sum);
            }
        }
        assertThat(bytes).as("run folders under results/").isNotEmpty();
        bytes.forEach((folder, size) -> assertThat(size).as(folder + " in bytes; compress jmh.log")
                .isLessThanOrEqualTo(RUN_FOLDER_BYTES));
    }

    /** The files git tracks under a folder; every file there where git is not at hand. */
    private static List<Path> committedFiles(String folder) throws IOException {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z", folder).directory(ROOT.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() == 0 && !out.isEmpty()) {
                return Stream.of(out.split("\0")).map(ROOT::resolve).filter(Files::isRegularFile).toList();
            }
        } catch (IOException e) {
            // no git: count what is there
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
