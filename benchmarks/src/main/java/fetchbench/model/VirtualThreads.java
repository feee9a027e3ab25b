package fetchbench.model;

import java.util.concurrent.Executors;

/**
 * One virtual thread per task making a blocking call: all N run at once, so N URLs take about one
 * delay, until the client or the machine runs out of something else. The shapes are the same
 * lines as threadPool's, see {@link ExecutorServiceModel}: only the executor changes.
 */
public final class VirtualThreads extends ExecutorServiceModel {

    public VirtualThreads(ModelSettings settings) {
        // Created once like every other model's executor; a virtual thread per task costs almost nothing.
        super(settings, Executors.newThreadPerTaskExecutor(Pools.virtualThreads("virtualThreads")));
    }
}
