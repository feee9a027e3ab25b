package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.result.PoolGrowth;
import org.junit.jupiter.api.Test;

/** The warm-up lets pools grow over its window exactly as much as the measured batches may ({@link PoolGrowth}). */
class WarmUpTest {

    @Test
    void aWindowMayOpenOnePercentOfItsRequestsAsNewConnections() {
        assertThat(WarmUp.poolsGrew(80, 8_000, 145, 145)).isFalse();
        assertThat(WarmUp.poolsGrew(81, 8_000, 145, 145)).isTrue();
        assertThat(PoolGrowth.tooManyConnections(81, 8_000)).isTrue();
    }

    @Test
    void threadsMayGrowByTwoOrFivePercentWhicheverIsMore() {
        assertThat(WarmUp.poolsGrew(0, 8_000, 145, 152)).as("7 of 145 is under 5 %").isFalse();
        assertThat(WarmUp.poolsGrew(0, 8_000, 145, 153)).as("8 of 145 is over 5 %").isTrue();
        assertThat(WarmUp.poolsGrew(0, 1_000, 20, 22)).as("2 threads are allowed").isFalse();
        assertThat(WarmUp.poolsGrew(0, 1_000, 20, 23)).isTrue();
        assertThat(WarmUp.poolsGrew(0, 1_000, 20, 12)).as("threads that go are fine").isFalse();
    }
}
