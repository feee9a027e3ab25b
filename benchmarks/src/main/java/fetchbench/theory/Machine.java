package fetchbench.theory;

/**
 * What a plan's predictions take from the machine: its cores (how much CPU work runs at once) and
 * the threads of CompletableFuture's default async executor (0: a new thread per task). Tests pass
 * one in; a run takes the machine it runs on. A machine {@code told} is a fork told it has this
 * many processors ({@code -XX:ActiveProcessorCount}): what the JVM sizes changes, the cores do not.
 */
public record Machine(int cores, int defaultExecutorThreads, boolean told) {

    public Machine {
        if (cores < 1 || defaultExecutorThreads < 0) {
            throw new IllegalArgumentException("a machine needs cores >= 1 and defaultExecutorThreads >= 0, got "
                    + cores + " and " + defaultExecutorThreads);
        }
    }

    public Machine(int cores, int defaultExecutorThreads) {
        this(cores, defaultExecutorThreads, false);
    }

    /** This JVM's machine. */
    public static Machine here() {
        return new Machine(Runtime.getRuntime().availableProcessors(), Theory.here().defaultExecutorThreads());
    }

    /**
     * A fork told it has {@code processors}, 3 or more: the common pool, CompletableFuture's
     * default executor, then has one thread fewer. (Below 3 the JDKs differ in what
     * CompletableFuture runs on, so the suite tells no fewer.)
     */
    public static Machine told(int processors) {
        if (processors < 3) {
            throw new IllegalArgumentException("a fork is told 3 processors or more, not " + processors);
        }
        return new Machine(processors, processors - 1, true);
    }

    public Theory theory() {
        return new Theory(defaultExecutorThreads);
    }
}
