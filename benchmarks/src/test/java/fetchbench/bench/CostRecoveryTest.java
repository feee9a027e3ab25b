package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.TestServer;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.CostlyModel;
import fetchbench.model.InFlight;
import fetchbench.model.ModelSettings;
import fetchbench.result.Metrics;
import fetchbench.server.Stubs;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cost figures recover a cost known in advance: a model that burns 200 µs of CPU per request
 * shows 200 µs more per request than the same model asleep as long instead, and one that holds 1 MB per
 * request in flight shows 1 MB more heap per request in flight; each within 20 %.
 */
@Tag("integration")
class CostRecoveryTest {

    private static final long BURN_MICROS = 200;
    private static final int HELD_BYTES = 1 << 20;
    /**
     * The process's CPU time moves in 10 ms ticks and carries the JVM's background work, about
     * ±15 ms a batch against the 40 ms burned: 120 pairs put 25 % at over 5 standard errors (60
     * pairs and 20 % once failed CI at 245 µs).
     */
    private static final int PAIRS = 120;

    @Test
    void cpuPerRequestRecoversWhatTheModelBurns() {
        int urls = 200;
        Workload workload = Workload.create(TestServer.uri(), urls, DelayProfile.fixed, 0, 0);
        Stubs.register(TestServer.uri(), workload);
        ModelSettings settings = new ModelSettings(0, 0, urls, Duration.ofSeconds(5), new InFlight());
        BatchCost cost = new BatchCost(TestServer.uri());
        BatchMetrics metrics = BatchMetrics.openWithoutInFlight();
        double burning = 0;
        double plain = 0;
        int pairs = PAIRS;
        try (ConcurrencyModel burner = new CostlyModel(settings, BURN_MICROS, true, 0);
             ConcurrencyModel reference = new CostlyModel(settings, BURN_MICROS, false, 0)) {
            for (int i = 0; i < 10; i++) {
                workload.verify("burner", burner.gather(workload.urls()));
                workload.verify("reference", reference.gather(workload.urls()));
            }
            // Interleaved, so what drifts in the JVM (the JIT, a collection) falls on both alike.
            for (int i = 0; i < pairs; i++) {
                burning += clientCpu(cost, metrics, burner, workload);
                plain += clientCpu(cost, metrics, reference, workload);
            }
        }
        double recovered = (burning - plain) / pairs;

        assertThat(recovered).isBetween(0.75 * BURN_MICROS, 1.25 * BURN_MICROS);
    }

    private static double clientCpu(BatchCost cost, BatchMetrics metrics, ConcurrencyModel model, Workload workload) {
        cost.start();
        workload.verify("costly", model.gather(workload.urls()));
        cost.finish(metrics);
        return metrics.takeAll().stream().filter(m -> m.name().equals(Metrics.CLIENT_CPU)).findFirst().orElseThrow()
                .value();
    }

    @Test
    void heapPerRequestInFlightRecoversWhatTheModelHolds() throws Exception {
        int urls = 50;
        Workload held = Workload.create(TestServer.uri(), urls, DelayProfile.fixed, 1500, 0);
        Stubs.register(TestServer.uri(), held);
        InFlight inFlight = new InFlight();
        ModelSettings settings = new ModelSettings(0, 0, urls, Duration.ofSeconds(5), inFlight);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (ConcurrencyModel hoarder = new CostlyModel(settings, 0, false, HELD_BYTES);
             ConcurrencyModel reference = new CostlyModel(settings, 0, false, 0)) {
            double hoarding = Footprint.whileHeld(hoarder, held, inFlight, caller, 1000).perRequest().heapBytes();
            double plain = Footprint.whileHeld(reference, held, inFlight, caller, 1000).perRequest().heapBytes();

            assertThat(hoarding - plain).isBetween(0.8 * HELD_BYTES, 1.2 * HELD_BYTES);
        } finally {
            caller.shutdownNow();
        }
    }
}
