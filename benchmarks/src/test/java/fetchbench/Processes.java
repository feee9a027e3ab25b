package fetchbench;

import fetchbench.server.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Starts a class of this project in a JVM of its own and reads its output, as a user's shell would. */
public final class Processes {

    private Processes() {
    }

    /** How long the output of an ended process may take to be read to its end. */
    private static final long READER_SECONDS = 10;

    /**
     * A started JVM whose stdout and stderr lines are collected as they come by {@code reader};
     * closing kills what is left.
     */
    public record Jvm(Process process, BlockingQueue<String> lines, List<String> all, Thread reader)
            implements AutoCloseable {

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        /** Waits for a line matching {@code wanted}; fails after {@code seconds}. */
        public String awaitLine(Predicate<String> wanted, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return line;
                }
            }
            throw new AssertionError("no such line within " + seconds + " s; output was:\n" + String.join("\n", all));
        }

        /** Waits for the exit and for the last line of output to be read, so {@link #all} is complete. */
        public int awaitExit(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not exit within " + seconds + " s; output:\n" + String.join("\n", all));
            }
            reader.join(TimeUnit.SECONDS.toMillis(READER_SECONDS));
            if (reader.isAlive()) {
                throw new AssertionError("the output was still being read " + READER_SECONDS + " s after the exit "
                        + "(a child process holds it open?); so far:\n" + String.join("\n", all));
            }
            return process.exitValue();
        }
    }

    public static Jvm start(Class<?> main, List<String> jvmArgs, List<String> args) throws IOException {
        return startUnder(List.of(), main, jvmArgs, args);
    }

    /** The same JVM, started by a wrapper command such as {@code prlimit --nofile=…}. */
    public static Jvm startUnder(List<String> wrapper, Class<?> main, List<String> jvmArgs, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServerProcess.QUIET_JVM_OPTIONS); // as the build starts the launcher
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return startCommand(command, Map.of(), main.getSimpleName());
    }

    /**
     * A script of the repository (scripts/NAME) on this JVM and the tests' own classes, as a user
     * runs it; {@code environment} adds to the environment.
     */
    public static Jvm startScript(String script, Map<String, String> environment, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", REPOSITORY.resolve("scripts").resolve(script).toString()));
        command.addAll(args);
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("FETCHBENCH_CLASSPATH", System.getProperty("java.class.path"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return startCommand(command, env, script);
    }

    /** The repository's root, above the benchmarks module the tests run in. */
    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static Jvm startCommand(List<String> command, Map<String, String> environment, String name)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "test-output-" + name);
        reader.setDaemon(true);
        reader.start();
        return new Jvm(process, lines, all, reader);
    }

    /** A short command's exit code and its output, stdout and stderr together. */
    public record Ran(int exitCode, List<String> lines) {
    }

    /**
     * Runs a short command (git, kill, ss) to its end, at most {@code seconds}; its output is read as
     * it comes, so a full pipe cannot stall it.
     */
    public static Ran runReading(List<String> command, long seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread drain = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException ignored) {
                // The process ended.
            }
        });
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + seconds + " s");
        }
        drain.join(TimeUnit.SECONDS.toMillis(READER_SECONDS));
        return new Ran(process.exitValue(), List.copyOf(lines));
    }

    /** {@link #runReading}, for its exit code alone. */
    public static int run(List<String> command, long seconds) throws IOException, InterruptedException {
        return runReading(command, seconds).exitCode();
    }

    /** Waits until the process is gone; true if it went within {@code seconds}. */
    public static boolean awaitGone(long pid, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
