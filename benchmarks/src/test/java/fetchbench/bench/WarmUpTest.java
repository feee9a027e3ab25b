package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A watched client's warm-up ends only after a block that opened no connection and added no thread. */
class WarmUpTest {

    @Test
    void aBlockThatOpenedAConnectionOrAddedAThreadHasNotSettled() {
        assertThat(WarmUp.settled(1000, 1000, 145, 145)).isTrue();
        assertThat(WarmUp.settled(1000, 1000, 145, 140)).as("threads that go are fine").isTrue();
        assertThat(WarmUp.settled(1000, 1001, 145, 145)).as("one new connection").isFalse();
        assertThat(WarmUp.settled(1000, 1000, 145, 146)).as("one new thread").isFalse();
    }
}
