package fetchbench;

import fetchbench.report.Report;
import fetchbench.result.JmhRun;
import fetchbench.result.ReportException;

import fetchbench.result.RunFolder;
import fetchbench.result.WholeFile;

import fetchbench.run.OptionException;
import fetchbench.run.JmhRunner;
import fetchbench.run.RunDirectory;
import fetchbench.run.RunOption;
import fetchbench.run.RunOptions;
import fetchbench.run.RunPlan;
import fetchbench.run.Progress;
import fetchbench.run.StepTimes;
import fetchbench.run.RunFiles;
import fetchbench.run.Step;
import fetchbench.probe.ServerCheck;
import fetchbench.server.TargetServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The launcher: checks the options, starts the target server, runs the plan with JMH, and writes
 * {@code results/<run-id>/jmh.json} and {@code environment.json}. Main class of benchmarks.jar.
 */
public final class FetchBench {

    /** Exit code for a bad option: nothing was started or written. */
    public static final int EXIT_BAD_OPTION = 2;
    /** Exit code for a run that started and failed: its folder is removed, or kept marked incomplete when a step had finished. */
    public static final int EXIT_RUN_FAILED = 1;
    /** Exit code under -Dfetchbench.strict=true when a check failed: the results are kept, and marked. */
    public static final int EXIT_CHECK_FAILED = 3;
    /** What Maven's start script exports: its command line, with the -D options the pom may not forward. */
    public static final String MAVEN_COMMAND_LINE = "MAVEN_CMD_LINE_ARGS";

    private final PrintStream out;
    /** Whether an incomplete run's files were written, by the main thread or the Ctrl-C hook. */
    private boolean partialKept;
    private final PrintStream err;

    /** The Maven command line that started this launch, if Maven did (its start script exports it). */
    private final String mavenCommandLine;

    private FetchBench(PrintStream out, PrintStream err, String mavenCommandLine) {
        // Once a run is stopped, only its hook speaks: the main thread's failures are the stop's echo.
        this.out = WholeFile.quietWhenStopping(out);
        this.err = WholeFile.quietWhenStopping(err);
        this.mavenCommandLine = mavenCommandLine;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        WholeFile.stopOnSignals();
        System.exit(run(args, System.getProperties(), System.out, System.err));
    }

    /** Runs fetchbench and returns the process exit code. */
    public static int run(String[] args, Properties properties, PrintStream out, PrintStream err) {
        return run(args, properties, System.getenv(MAVEN_COMMAND_LINE), out, err);
    }

    /** Runs fetchbench as if Maven had been started with {@code mavenCommandLine} (null: not by Maven). */
    public static int run(String[] args, Properties properties, String mavenCommandLine, PrintStream out,
                          PrintStream err) {
        return new FetchBench(out, err, mavenCommandLine).run(args, properties);
    }

    private int run(String[] args, Properties properties) {
        Checked checked;
        try {
            checked = check(args, properties);
        } catch (OptionException | IllegalArgumentException e) {
            err.println("fetchbench: " + e.getMessage());
            return EXIT_BAD_OPTION;
        }
        return checked.options() == null ? checked.exit() : measure(checked.options(), checked.plan());
    }

    /** The options and the plan of a run to measure, or the exit code of a launch that ends here. */
    private record Checked(RunOptions options, RunPlan plan, int exit) {
    }

    /** Everything that can stop a run before anything starts: the options, the OS limits, the JMH lock. */
    private Checked check(String[] args, Properties properties) throws OptionException {
        if (List.of(args).contains(RunOptions.CHECK_ONLY) && !benchmarksFollow(properties)) {
            // ./mvnw test: no benchmarks in this build, nothing to check for them but the names given
            RunOption.refuseUnknownInMaven(mavenCommandLine);
            return new Checked(null, null, 0);
        }
        RunOptions options = RunOptions.parse(args, properties, mavenCommandLine);
        if (options.help()) {
            if (!options.checkOnly()) {
                out.print(Usage.TEXT);
            }
            return new Checked(null, null, 0);
        }
        RunPlan plan = RunPlan.of(options);
        if (options.planOnly() && !options.checkOnly()) {
            return new Checked(null, null, printPlan(options, plan));
        }
        Preflight.refuseWhatThisMachineCannotDo(plan, out);
        Preflight.refuseWhileAnotherJmhRuns();
        if (options.checkOnly()) {
            out.println("[fetchbench] checked before the tests: the options, the OS limits for N=" + plan.largestN()
                    + " and the JMH lock are fine");
            return new Checked(null, null, 0);
        }
        Preflight.refuseUnwritableResults(options.resultsRoot());
        return new Checked(options, plan, 0);
    }

    /** Where the run is, for the Ctrl-C hook; set as the run goes on. */
    private volatile RunDirectory directory;
    private volatile Progress progress;
    private volatile java.util.function.Function<String, RunFiles> partialFiles;
    private volatile boolean ended;

    /** The server started and checked, the steps run, the results written and rendered; the exit code. */
    private int measure(RunOptions options, RunPlan plan) {
        Thread interrupted = WholeFile.onInterrupt("fetchbench-interrupted", this::interrupted);
        try (TargetServer server = Preflight.startServer(options, plan, out)) {
            Preflight preflight = Preflight.run(options, plan, server, out);
            directory = RunDirectory.create(options.resultsRoot(), Clock.systemUTC());
            return runSteps(options, plan, server, preflight, directory);
        } catch (IOException | RunnerException | ReportException | RuntimeException e) {
            if (!WholeFile.stopping()) { // stopped: the hook says what was kept
                err.println("fetchbench: run failed: " + oneLine(e) + (directory != null && directory.kept()
                        ? "; what was measured before is kept, marked incomplete, in " + directory.path()
                        : " (no results written)"));
            }
            return EXIT_RUN_FAILED;
        } finally {
            if (!WholeFile.stopping()) {
                ended = true;
                WholeFile.removeHook(interrupted);
            }
            if (directory != null && !WholeFile.stopping()) { // stopping: the hook decides
                directory.removeUnlessKept();
            }
        }
    }

    /** Ctrl-C or SIGTERM before the run ended: keep what was measured, marked, and say where, last. */
    private void interrupted() {
        if (ended) {
            return;
        }
        stopChildren();
        Progress at = progress;
        String where = at == null ? "before the first step" : "during " + at.position();
        RunDirectory folder = directory;
        java.util.function.Function<String, RunFiles> files = partialFiles;
        try {
            if (folder != null && files != null && keepPartial(files.apply("was interrupted (Ctrl-C or SIGTERM) " + where))) {
                out.println("[fetchbench] interrupted " + where + ": the " + files.apply("").results().size()
                        + " results measured "
                        + "before it are kept, marked incomplete, in " + folder.path() + " (scripts/chart.sh "
                        + folder.path() + " renders their report)");
                return;
            }
        } catch (IOException | RuntimeException e) {
            err.println("fetchbench: interrupted " + where + "; the results could not be written: " + oneLine(e));
        }
        if (folder != null) {
            folder.removeUnlessKept();
        }
        out.println("[fetchbench] interrupted " + where + ": " + (folder != null && folder.kept()
                ? "the results of the steps before it are kept, marked incomplete, in " + folder.path()
                : "nothing was measured, so no run folder was kept"));
    }

    /**
     * Stops the JMH fork (the server has a hook of its own) and waits for it, so that no fork
     * writes into the folder while it is kept or removed.
     */
    private static void stopChildren() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs the steps into the folder, keeping what was measured if a step fails; then the report and the answer. */
    private int runSteps(RunOptions options, RunPlan plan, TargetServer server, Preflight preflight,
                         RunDirectory directory) throws IOException, RunnerException, ReportException {
        Instant started = Instant.now();
        JmhRunner runner = new JmhRunner(options, preflight.forkArgs(),
                Optional.of(directory.path().resolve(RunFolder.LATENCY_LOGS)));
        List<Step.Jmh> steps = steps(options, plan, runner);
        Optional<StepTimes> lastRun = StepTimes.lastRun(options.resultsRoot(), Runtime.getRuntime()
                .availableProcessors());
        Progress progress = new Progress(steps, runner, out, directory.path(),
                lastRun.map(StepTimes::factors).orElse(Map.of()), done -> {
                    // Written after every step, so a run killed outright still leaves whole results.
                    partialFiles.apply("stopped after " + this.progress.position() + " with no word why: the "
                            + "launcher was killed, or the machine stopped").writeResults();
                    directory.keep();
                });
        this.progress = progress;
        partialFiles = why -> new RunFiles(options, plan, server, directory, started, Instant.now(),
                progress.done(), why);
        double plannedSeconds = progress.plannedSeconds();
        if (lastRun.isPresent()) {
            out.printf(Locale.ROOT, "[fetchbench] with the step times of this machine's last run: about %.0f min%n",
                    Math.ceil(plannedSeconds / 60));
        }
        Path log = directory.path().resolve(RunFolder.JMH_LOG);
        out.println("[fetchbench] JMH's own output: " + log + " (" + RunFolder.JMH_LOG_GZ + " once the run ends)");
        try (PrintStream jmhLog = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            progress.run(jmhLog);
        } catch (RunnerException | IOException | RuntimeException e) {
            if (WholeFile.stopping()) {
                throw e; // Ctrl-C: the hook keeps what was measured
            }
            jmhFailure(log).ifPresent(line -> out.println("[fetchbench] JMH: " + line));
            if (progress.done().isEmpty()) {
                if (server.stopped().isPresent()) {
                    throw new IOException(server.stopped().get(), e);
                }
                throw e;
            }
            String why = "failed during " + progress.position() + ": " + server.stopped().orElse(oneLine(e));
            try {
                keepPartial(partialFiles.apply(why));
            } catch (IOException notWritten) {
                err.println("fetchbench: run " + why + "; its files could not be written (" + oneLine(notWritten)
                        + ")" + (directory.kept() ? ": the results of the steps before it are kept, marked "
                        + "incomplete, in " + directory.path() : ", and nothing was kept"));
                return EXIT_RUN_FAILED;
            }
            err.println("fetchbench: run " + why + "; the " + progress.done().size() + " results measured before "
                    + "it are kept, marked incomplete, in " + directory.path() + " (scripts/chart.sh "
                    + directory.path() + " renders their report)");
            return EXIT_RUN_FAILED;
        }
        new RunFiles(options, plan, server, directory, started, Instant.now(), progress.done()).writeResults();
        ended = true; // the results are whole and final: a stop from here on only stops the report
        RunFiles.compressLog(directory.path());
        Path jmhJson = directory.path().resolve(RunFolder.JMH_JSON);
        String summary = Report.summary(JmhRun.read(jmhJson));
        out.printf(Locale.ROOT, "[fetchbench] benchmarks took %.1f min (planned about %.0f min)%n",
                Duration.between(started, Instant.now()).toSeconds() / 60.0, Math.ceil(plannedSeconds / 60));
        int rendered = renderReport(jmhJson);
        if (WholeFile.stopping()) {
            return EXIT_RUN_FAILED; // stopped while rendering: the report's hook has said so
        }
        // The answer and the checks, then where to read on: the last lines before Maven's own.
        out.println();
        out.print(summary);
        out.println();
        out.println("[fetchbench] results: " + jmhJson);
        if (rendered == 0) {
            out.println("[fetchbench] open the report: " + jmhJson.resolveSibling(Report.INDEX));
        }
        if (rendered == 0 && options.strict() && !preflight.failedAt().isEmpty()) {
            err.println("fetchbench: the server check failed at N=" + preflight.failedAt() + " (strict mode); the "
                    + "results are kept and marked in " + jmhJson.getParent());
            return EXIT_CHECK_FAILED;
        }
        return rendered;
    }

    /** Charts and index.html; the results stay even if this fails, and scripts/chart.sh can retry. */
    private int renderReport(Path jmhJson) {
        try {
            List<Path> files = Report.render(jmhJson, line -> out.println("[fetchbench] " + line));
            out.println("[fetchbench] report written: " + files.size() + " files");
            return 0;
        } catch (IOException | ReportException | RuntimeException e) {
            err.println("fetchbench: charts failed: " + oneLine(e) + "; the results are kept, "
                    + "re-render with scripts/chart.sh " + jmhJson.getParent());
            return EXIT_RUN_FAILED;
        }
    }

    /** Whether the Maven build that asks for {@code --check} goes on to the benchmarks (verify or later). */
    private static boolean benchmarksFollow(Properties properties) {
        String goals = properties.getProperty("fetchbench.goals", "");
        return goals.isBlank() || List.of("verify", "install", "deploy").stream().anyMatch(goals::contains);
    }

    /** The steps to run, in their order, after the notes and the run's total. */
    private List<Step.Jmh> steps(RunOptions options, RunPlan plan, JmhRunner runner) {
        plan.notes().forEach(note -> out.println("[fetchbench] note: " + note));
        List<Step.Jmh> steps = JmhRunner.shuffled(runner.selected(plan), options.order());
        if (steps.isEmpty()) {
            throw new IllegalStateException("no step of the plan matches the benchmark pattern "
                    + options.jmh().getIncludes());
        }
        out.printf("[fetchbench] %s: %s, in the order of seed %d (-Dfetchbench.order=%d repeats it)%n",
                options.sweep().map(sweep -> "sweep " + sweep).orElse("profile " + options.profile()),
                runner.total(steps), options.order(), options.order());
        return steps;
    }

    /**
     * Writes what a run measured before it stopped, marked incomplete, and its report; false (the
     * folder goes) when it measured nothing.
     */
    private synchronized boolean keepPartial(RunFiles files) throws IOException {
        if (partialKept) {
            return true; // the main thread and the Ctrl-C hook may both get here
        }
        if (files.results().isEmpty()) {
            return false;
        }
        files.removeUnfinished();
        files.write();
        directory.keep();
        partialKept = true;
        renderReport(files.jmhJson());
        return true;
    }

    /** The line after JMH's "<failure>" in its log: the exception that failed the step. */
    private static Optional<String> jmhFailure(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = 0; i < lines.size() - 1; i++) {
                if (lines.get(i).contains("<failure>")) {
                    return lines.subList(i + 1, lines.size()).stream().filter(l -> !l.isBlank()).findFirst()
                            .map(String::strip);
                }
            }
        } catch (IOException e) {
            // the failure itself is reported anyway
        }
        return Optional.empty();
    }

    /** {@code --plan}: every step with its predicted time, and nothing started or written. */
    private int printPlan(RunOptions options, RunPlan plan) {
        JmhRunner runner = new JmhRunner(options, List.of());
        List<Step.Jmh> selected = runner.selected(plan);
        plan.notes().forEach(note -> out.println("note: " + note));
        for (Step step : plan.steps()) {
            if (step instanceof Step.ServerCheck || selected.contains(step)) {
                out.println(step.describe() + (step instanceof Step.Jmh jmh
                        ? String.format(Locale.ROOT, " (%d × %d+%d batches, predicted %.0f s)", runner.forks(jmh),
                        jmh.batches().warmup(runner.warmup()), jmh.batches().measurement(runner.measurement()),
                        runner.predictedSeconds(jmh)) : ""));
            }
        }
        out.println(runner.total(selected));
        return 0;
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ": " + root.getMessage();
        }
        return message.replace('\n', ' ');
    }
}
