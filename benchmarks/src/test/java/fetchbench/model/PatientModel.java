package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A deliberately broken model for the tests: its race and its deadline wait for every call to
 * end before returning. The answers are right, and nothing is left running once they return; only
 * how long they took to return shows the bug.
 */
final class PatientModel extends ExecutorServiceModel {

    PatientModel(ModelSettings settings) {
        super(settings, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("patient-", 0).factory()));
    }

    @Override
    public Outcome race(List<URI> replicas) {
        // the bug: every replica is waited for, then the fastest 200 is picked
        return gather(replicas).stream().filter(o -> o.status() == 200)
                .min((a, b) -> Long.compare(a.finishedAt(), b.finishedAt()))
                .orElseThrow(() -> new NoReplicaAnsweredException(replicas));
    }

    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        long due = System.nanoTime() + deadline.toNanos();
        // the bug: every call is waited for, then those that finished by the deadline are kept
        return gather(urls).stream().filter(o -> o.status() == 200 && o.finishedAt() <= due).toList();
    }
}
