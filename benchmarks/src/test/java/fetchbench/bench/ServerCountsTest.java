package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A batch's request count: checked when the server gives one, and a failure when a server that counts gives none. */
class ServerCountsTest {

    private static final Optional<Long> COUNT = Optional.of(120L);

    @Test
    void aServerThatCountsMustCountEveryBatch() {
        assertThat(FanOut.countedByAServerThatCounts(true, COUNT, COUNT)).isTrue();
        assertThatThrownBy(() -> FanOut.countedByAServerThatCounts(true, COUNT, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the server counted requests when the run started and gave no count after this batch: "
                        + "its requests cannot be checked");
        assertThatThrownBy(() -> FanOut.countedByAServerThatCounts(true, Optional.empty(), COUNT))
                .hasMessageContaining("no count before this batch");
    }

    /** Another WireMock, which the run said at its start does not count: its batches go unchecked, as said. */
    @Test
    void aServerThatNeverCountedIsSkipped() {
        assertThat(FanOut.countedByAServerThatCounts(false, Optional.empty(), Optional.empty())).isFalse();
        assertThat(FanOut.countedByAServerThatCounts(false, COUNT, COUNT)).isTrue();
    }
}
