package fetchbench.model;

import java.util.concurrent.ForkJoinPool;

/**
 * A deliberately broken model for the tests: it runs its fetches on a ForkJoinPool of its own and
 * never shuts it down, so the pool's workers outlive the model. The check ModelsTest runs after
 * closing a model must catch them.
 */
final class PoolLeakingModel extends ExecutorServiceModel {

    PoolLeakingModel(ModelSettings settings) {
        super(settings, new ForkJoinPool(2));
    }

    @Override
    public void close() {
        client.close(); // the bug: the pool is left running
    }
}
