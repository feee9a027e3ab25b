package fetchbench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which code made a run: the git commit of the checkout the run's results go into, and whether
 * the working tree had uncommitted changes. "unknown" where there is no git or no checkout.
 */
public record SourceVersion(String commit, boolean dirty) {

    static final SourceVersion UNKNOWN = new SourceVersion("unknown", false);

    /** The version of the checkout around {@code folder}. */
    public static SourceVersion of(Path folder) {
        try {
            String commit = git(folder, "rev-parse", "HEAD").strip();
            String changes = git(folder, "status", "--porcelain", "--untracked-files=no");
            return commit.matches("[0-9a-f]{40}") ? new SourceVersion(commit, !changes.isBlank()) : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    private static String git(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + output.strip());
        }
        return output;
    }

    /** "3f2a9c1…" or "3f2a9c1… (with uncommitted changes)". */
    @Override
    public String toString() {
        return commit + (dirty ? " (with uncommitted changes)" : "");
    }
}
