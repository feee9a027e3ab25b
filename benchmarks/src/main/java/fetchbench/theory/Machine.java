package fetchbench.theory;

/**
 * What a plan's predictions take from the machine: its cores (how much CPU work runs at once) and
 * the threads of CompletableFuture's default async executor (0: a new thread per task). Tests pass
 * one in; a run takes the machine it runs on.
 */
public record Machine(int cores, int defaultExecutorThreads) {

    public Machine {
        if (cores < 1 || defaultExecutorThreads < 0) {
            throw new IllegalArgumentException("a machine needs cores >= 1 and defaultExecutorThreads >= 0, got "
                    + cores + " and " + defaultExecutorThreads);
        }
    }

    /** This JVM's machine. */
    public static Machine here() {
        return new Machine(Runtime.getRuntime().availableProcessors(), Theory.here().defaultExecutorThreads());
    }

    public Theory theory() {
        return new Theory(defaultExecutorThreads);
    }
}
