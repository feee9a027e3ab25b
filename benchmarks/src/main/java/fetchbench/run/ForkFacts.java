package fetchbench.run;

import fetchbench.result.Notes;
import fetchbench.result.ResultKeys;
import fetchbench.server.ServerProcess;
import fetchbench.server.TargetServer;
import fetchbench.theory.Machine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The arguments every fork of a run gets: the writer of the run's facts ({@link ResultKeys}). */
public final class ForkFacts {

    private ForkFacts() {
    }

    /**
     * The same for every step: where the server is, the user's own -jvmArgsAppend, and the facts
     * the report needs, which travel with the results because JMH records the forks' arguments.
     */
    public static List<String> forkArgs(RunOptions options, TargetServer server, String check, String failedAt,
                                         List<String> notes) {
        List<String> args = new ArrayList<>(options.jmh().getJvmArgsAppend().orElse(List.of()));
        server.forkProperties().forEach((key, value) -> args.add("-D" + key + "=" + value));
        if (server instanceof ServerProcess local) {
            args.add("-D" + ResultKeys.MAX_CONCURRENT_STREAMS + "=" + local.settings().maxConcurrentStreams());
        }
        Machine machine = Machine.here();
        args.add("-D" + ResultKeys.CORES + "=" + machine.cores());
        // Pinned forks size their executor for their own CPUs: the prediction is read by theirs.
        args.add("-D" + ResultKeys.DEFAULT_EXECUTOR_THREADS + "=" + options.taskset().map(Taskset::forkMachine)
                .orElse(machine).defaultExecutorThreads());
        options.taskset().ifPresent(taskset -> args.add("-D" + ResultKeys.TASKSET + "=" + taskset.spec()));
        args.add("-D" + ResultKeys.COMMAND + "=" + options.reproduceCommand());
        args.add("-D" + ResultKeys.SOURCE + "=" + SourceVersion.of(Path.of("").toAbsolutePath()));
        args.add("-D" + ResultKeys.SERVER_CHECK + "=" + check);
        options.p99Ms().ifPresent(bound -> args.add("-D" + ResultKeys.P99_BOUND + "=" + bound));
        options.sweep().ifPresent(sweep -> args.add("-D" + ResultKeys.TUNING + "=true"));
        if (!failedAt.isEmpty()) {
            args.add("-D" + ResultKeys.SERVER_CHECK_FAILED + "=" + failedAt);
        }
        if (!notes.isEmpty()) {
            args.add("-D" + ResultKeys.NOTES + "=" + Notes.encode(notes));
        }
        args.addAll(ServerProcess.QUIET_JVM_OPTIONS);
        return args;
    }
}
