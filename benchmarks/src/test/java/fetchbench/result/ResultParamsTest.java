package fetchbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.catalog.Model;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Protocol;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Delays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JMH parameters of a result: one decode, and an encode it inverts, field by field. */
class ResultParamsTest {

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        ResultParams params = new ResultParams(Model.okHttpAsync, 100, 20, 7, 64, Delays.of(DelayProfile.lognormal, 0.8),
                42, ConnectionPoolSize.okHttpDefault, Protocol.h2c, 10, 160);

        assertThat(ResultParams.decode(params.encode())).isEqualTo(params);
        assertThat(params.encode()).containsEntry("model", "okHttpAsync").containsEntry("urls", "100")
                .containsEntry("delayMs", "20").containsEntry("concurrency", "7").containsEntry("maxRequests", "64")
                .containsEntry("delayProfile", "lognormal").containsEntry("spread", "0.8").containsEntry("seed", "42")
                .containsEntry("connectionPool", "okHttpDefault").containsEntry("protocol", "h2c")
                .containsEntry("callers", "10").containsEntry("rate", "160");
        // Each field on its own: a decoder that dropped or mixed up one would fail here.
        for (ResultParams changed : new ResultParams[] {
                new ResultParams(Model.reactor, 100, 20, 7, 64, params.delays(), 42, params.connectionPool(), params.protocol(), 10, 160),
                new ResultParams(Model.okHttpAsync, 101, 20, 7, 64, params.delays(), 42, params.connectionPool(), params.protocol(), 10, 160),
                new ResultParams(Model.okHttpAsync, 100, 21, 7, 64, params.delays(), 42, params.connectionPool(), params.protocol(), 10, 160),
                new ResultParams(Model.okHttpAsync, 100, 20, 8, 64, params.delays(), 42, params.connectionPool(), params.protocol(), 10, 160),
                new ResultParams(Model.okHttpAsync, 100, 20, 7, 65, params.delays(), 42, params.connectionPool(), params.protocol(), 10, 160),
                new ResultParams(Model.okHttpAsync, 100, 20, 7, 64, Delays.of(DelayProfile.uniform, 0.5), 42, params.connectionPool(), params.protocol(), 10, 160),
                new ResultParams(Model.okHttpAsync, 100, 20, 7, 64, params.delays(), 43, params.connectionPool(), params.protocol(), 10, 160),
                new ResultParams(Model.okHttpAsync, 100, 20, 7, 64, params.delays(), 42, ConnectionPoolSize.sized, params.protocol(), 10, 160),
                new ResultParams(Model.okHttpAsync, 100, 20, 7, 64, params.delays(), 42, params.connectionPool(), Protocol.https1, 10, 160),
                new ResultParams(Model.okHttpAsync, 100, 20, 7, 64, params.delays(), 42, params.connectionPool(), params.protocol(), 11, 160),
                new ResultParams(Model.okHttpAsync, 100, 20, 7, 64, params.delays(), 42, params.connectionPool(), params.protocol(), 10, 161)}) {
            assertThat(ResultParams.decode(changed.encode())).isEqualTo(changed).isNotEqualTo(params);
        }
    }

    @Test
    void whatOlderRunsLeftOutTakesItsDefault() {
        ResultParams old = ResultParams.decode(Map.of("model", "threadPool", "urls", "10", "delayMs", "100"));

        assertThat(old).isEqualTo(new ResultParams(Model.threadPool, 10, 100, 0, 0, Delays.of(DelayProfile.fixed), 0,
                ConnectionPoolSize.sized, Protocol.http1, 0, 0));
    }
}
