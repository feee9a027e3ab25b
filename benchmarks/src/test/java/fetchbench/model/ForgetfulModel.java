package fetchbench.model;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executors;

/**
 * A deliberately broken model for the tests: its race returns the first 200 and forgets the
 * other calls, which go on on their virtual threads. Every wind-down check must catch it.
 */
final class ForgetfulModel extends ExecutorServiceModel {

    ForgetfulModel(ModelSettings settings) {
        super(settings, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("forgetful-", 0).factory()));
    }

    @Override
    public Outcome race(List<URI> replicas) {
        ExecutorCompletionService<Outcome> done = new ExecutorCompletionService<>(executor);
        replicas.forEach(url -> done.submit(() -> fetch(url, null)));
        for (int i = 0; i < replicas.size(); i++) {
            Outcome outcome = Pools.result(Pools.take(done));
            if (outcome.status() == 200) {
                return outcome; // the bug: the losers are neither cancelled nor waited for
            }
        }
        throw new NoReplicaAnsweredException(replicas);
    }
}
