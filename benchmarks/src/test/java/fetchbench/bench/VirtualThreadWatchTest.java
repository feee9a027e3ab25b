package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.TestServer;
import fetchbench.catalog.Model;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.InFlight;
import fetchbench.model.ModelSettings;
import fetchbench.model.PinningModel;
import fetchbench.result.Metrics;
import fetchbench.server.Stubs;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A batch on virtual threads: a model that pins is seen pinned, one that does not is not. */
@Tag("integration")
class VirtualThreadWatchTest {

    private static final int URLS = 20;

    @Test
    void aModelThatPinsIsReportedPinnedAndVirtualThreadsAreNot() {
        Workload workload = Workload.create(TestServer.uri(), URLS, DelayProfile.fixed, 5, 0);
        Stubs.register(TestServer.uri(), workload);
        ModelSettings settings = new ModelSettings(0, 0, URLS, Duration.ofSeconds(5), new InFlight());

        Map<String, Double> pinning = watched(new PinningModel(settings), workload);
        Map<String, Double> unpinned = watched(Model.virtualThreads.create(settings), workload);

        assertThat(pinning.get(Metrics.PINNED)).isGreaterThanOrEqualTo(URLS);
        assertThat(pinning.get(Metrics.PINNED_MS)).isGreaterThanOrEqualTo(URLS * PinningModel.PIN_MS * 0.9);
        if (Runtime.version().feature() >= 24) {
            // Before JDK 24, OkHttp's synchronized blocks pin too (JEP 491).
            assertThat(unpinned.get(Metrics.PINNED)).isZero();
            assertThat(unpinned).containsKey(Metrics.CARRIER_QUEUE_MEAN).containsKey(Metrics.CARRIERS);
        }
    }

    /** The second of two gathers, watched: the first warms the client. */
    private static Map<String, Double> watched(ConcurrencyModel model, Workload workload) {
        BatchMetrics metrics = BatchMetrics.openWithoutInFlight();
        VirtualThreadWatch watch = new VirtualThreadWatch();
        try (model) {
            workload.verify("watched", model.gather(workload.urls()));
            watch.start();
            workload.verify("watched", model.gather(workload.urls()));
            watch.finish(metrics);
        } finally {
            watch.close();
        }
        return metrics.takeAll().stream().collect(Collectors.toMap(BatchMetrics.Metric::name, BatchMetrics.Metric::value));
    }
}
