package fetchbench;

import fetchbench.model.ClientStack;
import fetchbench.probe.EchoCost;
import fetchbench.probe.ServerCheck;
import fetchbench.probe.ServerWarmUp;
import fetchbench.probe.StreamLimitProbe;
import fetchbench.result.EchoCostOutcome;
import fetchbench.result.ProbeOutcome;
import fetchbench.result.ResultKeys;
import fetchbench.result.ServerWarmUpOutcome;
import fetchbench.result.WholeFile;
import fetchbench.run.RunOption;
import fetchbench.run.Taskset;
import fetchbench.run.ForkFacts;
import fetchbench.run.RunOptions;
import fetchbench.run.RunPlan;
import fetchbench.run.Step;
import fetchbench.server.ExternalServer;
import fetchbench.server.ServerProcess;
import fetchbench.server.ServerSettings;
import fetchbench.server.TargetServer;
import fetchbench.run.OptionException;
import fetchbench.run.Profile;
import fetchbench.server.SystemLimits;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens before the benchmarks: a run this machine cannot take refused (another JMH run,
 * OS limits), the server started (or the user's reached) and warmed up, the server checked at every N, and each
 * stack's behaviour past the HTTP/2 stream limit probed; what they found goes to the forks as
 * arguments.
 *
 * @param forkArgs the forks' arguments
 * @param failedAt the N where the server check failed, empty where it passed
 */
record Preflight(List<String> forkArgs, String failedAt) {

    /** Blocks of each echo the cost profile measures, alternating: about 15 s in all. */
    static final int ECHO_BLOCKS = 12;

    /** The user's WireMock, or fetchbench's own in its own JVM, sized for the plan's largest N. */
    static TargetServer startServer(RunOptions options, RunPlan plan, PrintStream out) throws IOException {
        if (options.target() != null) {
            out.println("[fetchbench] using the WireMock at " + options.target());
            TargetServer external = ExternalServer.connect(options.target());
            if (!external.countsRequests()) {
                out.println("[fetchbench] note: this server does not count requests, so the check that each batch "
                        + "sent what it had to is skipped (fetchbench's own server counts them)");
            }
            return external;
        }
        ServerSettings settings = ServerSettings.forLargestN(plan.largestN())
                .withMaxConcurrentStreams(options.maxConcurrentStreams());
        out.println("[fetchbench] starting WireMock in its own JVM: " + settings);
        ServerProcess server = ServerProcess.start(settings,
                options.taskset().map(Taskset::serverPrefix).orElse(List.of()));
        out.println("[fetchbench] server ready at " + server.baseUri() + " (pid " + server.handle().pid() + ")"
                + options.taskset().map(t -> "; with taskset, " + t.describe()).orElse(""));
        return server;
    }

    /** What the checks before the benchmarks found: the forks' arguments, and the N where the server check failed. */

    /** The server check at every N, and past the HTTP/2 stream limit the probe, each said on the console. */
    static Preflight run(RunOptions options, RunPlan plan, TargetServer server, PrintStream out) throws IOException {
        ServerWarmUpOutcome warmUp = ServerWarmUp.run(server.baseUri());
        out.println("[fetchbench] " + warmUp.describe());
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
        String failedAt = ServerCheck.failedUrls(checks);
        List<String> forkArgs = ForkFacts.forkArgs(options, server, ServerCheck.summary(checks), failedAt, plan.notes());
        forkArgs.add("-D" + ResultKeys.SERVER_WARM_UP + "=" + warmUp.encode());
        if (options.profile().answers(Profile.Part.echo) && server instanceof ServerProcess) {
            EchoCostOutcome echo = EchoCost.run(server.baseUri(), ECHO_BLOCKS);
            out.println("[fetchbench] " + echo.describe());
            forkArgs.add("-D" + ResultKeys.ECHO_COST + "=" + echo.encode());
        }
        List<ClientStack> http2Stacks = plan.http2Stacks();
        if (!http2Stacks.isEmpty() && server instanceof ServerProcess local) {
            List<ProbeOutcome> probes = StreamLimitProbe.run(server, http2Stacks,
                    local.settings().maxConcurrentStreams());
            probes.forEach(probe -> out.println("[fetchbench] past the HTTP/2 stream limit of "
                    + local.settings().maxConcurrentStreams() + ": " + probe.describe()));
            forkArgs.add("-D" + ResultKeys.STREAM_LIMIT_PROBE + "=" + ProbeOutcome.encode(probes));
        }
        return new Preflight(forkArgs, failedAt);
    }


    /**
     * JMH runs one benchmark at a time per machine: it holds a lock file in the temporary folder,
     * and a second run would wait for it or fail after its own start-up. Checked at once instead.
     */
    static void refuseWhileAnotherJmhRuns() throws OptionException {
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            return;
        }
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.tryLock()) {
            if (held == null) {
                throw new OptionException("another JMH run holds " + lock + " (one benchmark at a time on a machine); "
                        + "wait for it to end, or stop it, and run again");
            }
        } catch (OverlappingFileLockException e) {
            throw new OptionException("this JVM already holds " + lock + "; run one benchmark at a time");
        } catch (IOException e) {
            // JMH itself reports a lock it cannot take
        }
    }

    /**
     * Stops before anything starts when the results cannot be written: a read-only or missing
     * place, or one with no room for a file. Tried by writing and removing a small file there.
     */
    static void refuseUnwritableResults(Path resultsRoot) throws OptionException {
        try {
            Files.createDirectories(resultsRoot);
            Path probe = Files.createTempFile(resultsRoot, ".write-check", WholeFile.PART);
            try {
                Files.write(probe, new byte[64 * 1024]);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName() + " " + e.getMessage();
            throw new OptionException("cannot write the results folder " + resultsRoot.toAbsolutePath() + " ("
                    + "-D" + RunOption.results.property() + "): " + why);
        }
    }

    /** Stops before anything starts when the OS limits cannot take the largest N. */
    static void refuseWhatThisMachineCannotDo(RunPlan plan, PrintStream out) throws OptionException {
        var limits = SystemLimits.ofThisMachine();
        if (limits.isPresent()) {
            var refusal = limits.get().refuse(plan.largestN());
            if (refusal.isPresent()) {
                throw new OptionException(refusal.get());
            }
            limits.get().warnings(plan.largestN()).forEach(w -> out.println("[fetchbench] note: " + w));
        }
    }
}
