package fetchbench;

import fetchbench.report.JmhRun;
import fetchbench.report.Report;
import fetchbench.report.ReportException;
import fetchbench.run.OptionException;
import fetchbench.run.JmhRunner;
import fetchbench.run.ResultKeys;
import fetchbench.run.RunDirectory;
import fetchbench.run.RunOptions;
import fetchbench.run.RunPlan;
import fetchbench.run.RunFiles;
import fetchbench.run.SourceVersion;
import fetchbench.run.Step;
import fetchbench.run.SystemLimits;
import fetchbench.server.ExternalServer;
import fetchbench.server.RequestCounter;
import fetchbench.server.ServerCheck;
import fetchbench.server.ServerProcess;
import fetchbench.server.ServerSettings;
import fetchbench.server.TargetServer;
import fetchbench.theory.Theory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The launcher: checks the options, starts the target server, runs the plan with JMH, and writes
 * {@code results/<run-id>/jmh.json} and {@code environment.json}. Main class of benchmarks.jar.
 */
public final class FetchBench {

    /** Exit code for a bad option: nothing was started or written. */
    public static final int EXIT_BAD_OPTION = 2;
    /** Exit code for a run that started and failed: its results folder was removed. */
    public static final int EXIT_RUN_FAILED = 1;
    /** Exit code under -Dfetchbench.strict=true when a check failed: the results are kept, and marked. */
    public static final int EXIT_CHECK_FAILED = 3;

    private final PrintStream out;
    private final PrintStream err;

    private FetchBench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        System.exit(run(args, System.getProperties(), System.out, System.err));
    }

    /** Runs fetchbench and returns the process exit code. */
    public static int run(String[] args, Properties properties, PrintStream out, PrintStream err) {
        return new FetchBench(out, err).run(args, properties);
    }

    private int run(String[] args, Properties properties) {
        RunOptions options;
        RunPlan plan;
        try {
            options = RunOptions.parse(args, properties);
            if (options.help()) {
                out.print(Usage.TEXT);
                return 0;
            }
            plan = RunPlan.of(options);
            if (options.planOnly()) {
                return printPlan(options, plan);
            }
            refuseWhatThisMachineCannotDo(plan);
        } catch (OptionException | IllegalArgumentException e) {
            err.println("fetchbench: " + e.getMessage());
            return EXIT_BAD_OPTION;
        }

        RunDirectory directory = null;
        try (TargetServer server = startServer(options, plan)) {
            List<ServerCheck.Result> checks = new ArrayList<>();
            for (Step step : plan.steps()) {
                if (step instanceof Step.ServerCheck serverCheck) {
                    checks.addAll(ServerCheck.runEach(server.baseUri(), serverCheck.urls(), serverCheck.delayMs(),
                            server instanceof ServerProcess local ? local.settings() : null));
                }
            }
            for (ServerCheck.Result check : checks) {
                out.println((check.passed() ? "[fetchbench] server check: " : "\n!!! [fetchbench] SERVER CHECK ")
                        + check.describe() + (check.passed() ? "" : "\n"));
            }
            String check = ServerCheck.summary(checks);
            String failedAt = ServerCheck.failedUrls(checks);
            directory = RunDirectory.create(options.resultsRoot(), Clock.systemUTC());
            Instant started = Instant.now();
            JmhRunner runner = new JmhRunner(options, forkArgs(options, server, check, failedAt, plan.notes()));
            double plannedSeconds = runner.selected(plan).stream().mapToDouble(runner::predictedSeconds).sum();
            List<RunResult> results = runPlan(options, plan, runner);
            new RunFiles(options, plan, server, directory, started, Instant.now(), results).write();
            Path jmhJson = directory.path().resolve(RunFiles.JMH_JSON);
            String summary = Report.summary(JmhRun.read(jmhJson));
            directory.complete();
            out.println();
            out.print(summary);
            out.println("[fetchbench] results: " + jmhJson);
            out.printf(Locale.ROOT, "[fetchbench] benchmarks took %.1f min (planned about %.0f min)%n",
                    Duration.between(started, Instant.now()).toSeconds() / 60.0, Math.ceil(plannedSeconds / 60));
            int rendered = renderReport(jmhJson);
            if (rendered == 0 && options.strict() && !failedAt.isEmpty()) {
                err.println("fetchbench: the server check failed at N=" + failedAt + " (strict mode); the results are "
                        + "kept and marked in " + jmhJson.getParent());
                return EXIT_CHECK_FAILED;
            }
            return rendered;
        } catch (IOException | RunnerException | ReportException | RuntimeException e) {
            err.println("fetchbench: run failed: " + oneLine(e) + " (no results written)");
            return EXIT_RUN_FAILED;
        } finally {
            if (directory != null) {
                directory.removeIfIncomplete();
            }
        }
    }

    /** Charts and index.html; the results stay even if this fails, and scripts/chart.sh can retry. */
    private int renderReport(Path jmhJson) {
        try {
            List<Path> files = Report.render(jmhJson);
            out.println("[fetchbench] report: " + jmhJson.resolveSibling(Report.INDEX) + " (" + files.size() + " files)");
            return 0;
        } catch (IOException | ReportException | RuntimeException e) {
            err.println("fetchbench: charts failed: " + oneLine(e) + "; the results are kept, "
                    + "re-render with scripts/chart.sh " + jmhJson.getParent());
            return EXIT_RUN_FAILED;
        }
    }

    private TargetServer startServer(RunOptions options, RunPlan plan) throws IOException {
        if (options.target() != null) {
            out.println("[fetchbench] using the WireMock at " + options.target());
            TargetServer external = ExternalServer.connect(options.target());
            if (RequestCounter.read(external.baseUri()).isEmpty()) {
                out.println("[fetchbench] note: this server does not count requests, so the check that each batch "
                        + "sent what it had to is skipped (fetchbench's own server counts them)");
            }
            return external;
        }
        ServerSettings settings = ServerSettings.forLargestN(plan.largestN());
        out.println("[fetchbench] starting WireMock in its own JVM: " + settings);
        ServerProcess server = ServerProcess.start(settings);
        out.println("[fetchbench] server ready at " + server.baseUri() + " (pid " + server.handle().pid() + ")");
        return server;
    }

    /** Stops before anything starts when the OS limits cannot take the largest N. */
    private void refuseWhatThisMachineCannotDo(RunPlan plan) throws OptionException {
        var limits = SystemLimits.ofThisMachine();
        if (limits.isPresent()) {
            var refusal = limits.get().refuse(plan.largestN());
            if (refusal.isPresent()) {
                throw new OptionException(refusal.get());
            }
            limits.get().warnings(plan.largestN()).forEach(w -> out.println("[fetchbench] note: " + w));
        }
    }

    private List<RunResult> runPlan(RunOptions options, RunPlan plan, JmhRunner runner) throws RunnerException {
        plan.notes().forEach(note -> out.println("[fetchbench] note: " + note));
        List<Step.Jmh> steps = JmhRunner.shuffled(runner.selected(plan), options.order());
        if (steps.isEmpty()) {
            throw new IllegalStateException("no step of the plan matches the benchmark pattern "
                    + options.jmh().getIncludes());
        }
        out.printf("[fetchbench] %s: %s, in the order of seed %d (-Dfetchbench.order=%d repeats it)%n",
                options.sweep().map(sweep -> "sweep " + sweep).orElse("profile " + options.profile()),
                runner.total(steps), options.order(), options.order());
        List<RunResult> results = new ArrayList<>();
        int number = 0;
        for (Step.Jmh step : steps) {
            number++;
            out.printf("%n[fetchbench] step %d/%d: %s (predicted %.0f s)%n", number, steps.size(),
                    step.describe(), runner.predictedSeconds(step));
            Collection<RunResult> stepResults = runner.run(step);
            if (stepResults.isEmpty()) {
                throw new IllegalStateException("JMH ran nothing for step " + number + " (check the benchmark regexp)");
            }
            results.addAll(stepResults);
        }
        return results;
    }

    /** {@code --plan}: every step with its predicted time, and nothing started or written. */
    private int printPlan(RunOptions options, RunPlan plan) {
        JmhRunner runner = new JmhRunner(options, List.of());
        List<Step.Jmh> selected = runner.selected(plan);
        plan.notes().forEach(note -> out.println("note: " + note));
        for (Step step : plan.steps()) {
            if (step instanceof Step.ServerCheck || selected.contains(step)) {
                out.println(step.describe() + (step instanceof Step.Jmh jmh
                        ? String.format(Locale.ROOT, " (%d × %d+%d batches, predicted %.0f s)", runner.forks(),
                        jmh.batches().warmup(runner.warmup()), jmh.batches().measurement(runner.measurement()),
                        runner.predictedSeconds(jmh)) : ""));
            }
        }
        out.println(runner.total(selected));
        return 0;
    }

    /**
     * The same for every step: where the server is, the user's own -jvmArgsAppend, and the facts
     * the report needs, which travel with the results because JMH records the forks' arguments.
     */
    private static List<String> forkArgs(RunOptions options, TargetServer server, String check, String failedAt,
                                         List<String> notes) {
        List<String> args = new ArrayList<>(options.jmh().getJvmArgsAppend().orElse(List.of()));
        args.add("-D" + TargetServer.URL_PROPERTY + "=" + server.baseUri());
        args.add("-D" + ResultKeys.CORES + "=" + Runtime.getRuntime().availableProcessors());
        args.add("-D" + ResultKeys.DEFAULT_EXECUTOR_THREADS + "=" + Theory.here().defaultExecutorThreads());
        args.add("-D" + ResultKeys.COMMAND + "=" + options.reproduceCommand());
        args.add("-D" + ResultKeys.SOURCE + "=" + SourceVersion.of(Path.of("").toAbsolutePath()));
        args.add("-D" + ResultKeys.SERVER_CHECK + "=" + check);
        if (!failedAt.isEmpty()) {
            args.add("-D" + ResultKeys.SERVER_CHECK_FAILED + "=" + failedAt);
        }
        if (!notes.isEmpty()) {
            args.add("-D" + ResultKeys.NOTES + "=" + String.join(ResultKeys.NOTES_SEPARATOR, notes));
        }
        if (Runtime.version().feature() >= 23) {
            // JMH 1.37 uses sun.misc.Unsafe; without this every fork prints four lines of warnings.
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return args;
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
