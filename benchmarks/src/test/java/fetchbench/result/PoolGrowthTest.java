package fetchbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Measured batches may bring a new connection or thread for 1 in 100 requests, and two threads whatever N. */
class PoolGrowthTest {

    @Test
    void aConnectionForMoreThanOneRequestInAHundredIsTooMany() {
        assertThat(PoolGrowth.tooManyConnections(50, 5000)).isFalse();
        assertThat(PoolGrowth.tooManyConnections(51, 5000)).isTrue();
        assertThat(PoolGrowth.tooManyConnections(1, 50)).as("at N = 10, one is too many").isTrue();
    }

    @Test
    void threadsMayGrowByOneInAHundredRequestsOrByTwo() {
        assertThat(PoolGrowth.threadsGrew(136, 143, 5 * 1000)).as("a cached executor's few more at N = 1000").isFalse();
        assertThat(PoolGrowth.threadsGrew(800, 856, 5 * 1000)).as("a dispatcher still growing").isTrue();
        assertThat(PoolGrowth.threadsGrew(100, 102, 3 * 10)).as("two, whatever N").isFalse();
        assertThat(PoolGrowth.threadsGrew(100, 103, 3 * 10)).isTrue();
        assertThat(PoolGrowth.threadsGrew(143, 136, 5 * 1000)).as("threads that go are fine").isFalse();
    }
}
