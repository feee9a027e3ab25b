package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A watched client's warm-up ends only after a block that opened no connection and added no thread,
 * and its widest batch is repeated until all of a wave are in flight together.
 */
class WarmUpTest {

    @Test
    void aBlockThatOpenedAConnectionOrAddedAThreadHasNotSettled() {
        assertThat(WarmUp.settled(1000, 1000, 145, 145)).isTrue();
        assertThat(WarmUp.settled(1000, 1000, 145, 140)).as("threads that go are fine").isTrue();
        assertThat(WarmUp.settled(1000, 1001, 145, 145)).as("one new connection").isFalse();
        assertThat(WarmUp.settled(1000, 1000, 145, 146)).as("one new thread").isFalse();
    }

    /** A widest batch whose successive peaks are {@code peaks}; the list it fills counts the batches run. */
    private static WarmUp.Widest widest(int width, List<Integer> ran, Integer... peaks) {
        Iterator<Integer> next = List.of(peaks).iterator();
        return new WarmUp.Widest(width, () -> {
            ran.add(ran.size());
            return OptionalInt.of(next.next());
        });
    }

    @Test
    void theWidestBatchRunsAgainUntilItsPeakReachesItsWidth() {
        List<Integer> ran = new ArrayList<>();

        assertThat(widest(1000, ran, 622, 1000, 1000).run()).isEqualTo(2000);
        assertThat(ran).hasSize(2);
    }

    @Test
    void theWidestBatchStopsAfterItsTriesThoughItNeverReachesItsWidth() {
        List<Integer> ran = new ArrayList<>();

        assertThat(widest(1000, ran, 600, 700, 800, 900).run()).isEqualTo(WarmUp.WIDEST_TRIES * 1000L);
        assertThat(ran).hasSize(WarmUp.WIDEST_TRIES);
    }

    @Test
    void aClientThatDoesNotCountItsRequestsInFlightRunsTheWidestBatchOnce() {
        List<Integer> ran = new ArrayList<>();
        WarmUp.Widest uncounted = new WarmUp.Widest(100, () -> {
            ran.add(ran.size());
            return OptionalInt.empty();
        });

        assertThat(uncounted.run()).isEqualTo(100);
        assertThat(ran).hasSize(1);
        assertThat(WarmUp.Widest.NONE.run()).as("a new client every batch has no pools to grow").isZero();
    }

    @Test
    void theWidestBatchIsDelayedHalfAMillisecondPerRequest() {
        assertThat(WarmUp.Widest.delayMs(1000)).isEqualTo(500);
        assertThat(WarmUp.Widest.delayMs(256)).isEqualTo(128);
        assertThat(WarmUp.Widest.delayMs(5)).isEqualTo(3);
    }
}
