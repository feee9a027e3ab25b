package fetchbench.workload;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.model.Outcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The gather's verifier over generated workloads: every dropped, duplicated or reordered result is rejected. */
class VerifierProperties {

    private static final URI SERVER = URI.create("http://127.0.0.1:1");

    private static List<Outcome> allRight(Workload workload) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Fetch fetch : workload.fetches()) {
            outcomes.add(new Outcome(fetch.url(), 200, fetch.expectedBody(), 1, 1, null));
        }
        return outcomes;
    }

    private static Workload workload(int n, long seed) {
        return Workload.create(Shape.gather, SERVER, n, Delays.of(DelayProfile.uniform), 20, seed);
    }

    @Property
    void aDroppedResultIsRejected(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed,
                                  @ForAll @IntRange(max = 59) int dropped) {
        Workload workload = workload(n, seed);
        List<Outcome> outcomes = allRight(workload);
        outcomes.remove(dropped % n);
        assertThatThrownBy(() -> workload.verify("m", outcomes)).hasMessageContaining("outcomes for " + n + " URLs");
    }

    @Property
    void aDuplicatedResultIsRejected(@ForAll @IntRange(min = 2, max = 60) int n, @ForAll long seed,
                                     @ForAll @IntRange(max = 59) int copied, @ForAll @IntRange(min = 1, max = 59) int apart) {
        Workload workload = workload(n, seed);
        List<Outcome> outcomes = allRight(workload);
        int from = copied % n;
        outcomes.set((from + apart % (n - 1) + 1) % n, outcomes.get(from));
        assertThatThrownBy(() -> workload.verify("m", outcomes)).hasMessageContaining("problem(s)");
    }

    @Property
    void aReorderedResultIsRejected(@ForAll @IntRange(min = 2, max = 60) int n, @ForAll long seed,
                                    @ForAll @IntRange(max = 59) int first, @ForAll @IntRange(min = 1, max = 59) int apart) {
        Workload workload = workload(n, seed);
        List<Outcome> outcomes = allRight(workload);
        int i = first % n;
        Collections.swap(outcomes, i, (i + apart % (n - 1) + 1) % n);
        assertThatThrownBy(() -> workload.verify("m", outcomes)).hasMessageContaining("problem(s)");
    }
}
