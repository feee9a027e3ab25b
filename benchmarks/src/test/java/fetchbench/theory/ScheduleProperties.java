package fetchbench.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The greedy schedule that every prediction rests on, over generated N, c and delays. */
class ScheduleProperties {

    private static long last(List<Integer> delays, int c) {
        return Arrays.stream(Theory.finishTimes(delays, c)).max().orElse(0);
    }

    /** One delay d for all N: ⌈N/c⌉ waves of d. */
    @Property
    void equalDelaysTakeCeilingNOverCWaves(@ForAll @IntRange(min = 1, max = 400) int n,
                                           @ForAll @IntRange(min = 1, max = 500) int c,
                                           @ForAll @IntRange(max = 1000) int d) {
        assertThat(last(Collections.nCopies(n, d), c)).isEqualTo((long) Math.ceilDiv(n, c) * d);
    }

    /** With equal delays a slot more never makes the batch slower. */
    @Property
    void equalDelaysNeverTakeLongerWithMoreSlots(@ForAll @IntRange(min = 1, max = 400) int n,
                                                 @ForAll @IntRange(min = 1, max = 400) int c,
                                                 @ForAll @IntRange(max = 1000) int d) {
        List<Integer> delays = Collections.nCopies(n, d);
        assertThat(last(delays, c + 1)).isLessThanOrEqualTo(last(delays, c));
    }

    /** Any delays: no faster than the slowest URL, no slower than one after another. */
    @Property
    void anyDelaysLieBetweenTheLargestAndTheSum(@ForAll @Size(min = 1, max = 200) List<@IntRange(max = 1000) Integer> delays,
                                                @ForAll @IntRange(min = 1, max = 300) int c) {
        long largest = delays.stream().mapToLong(Integer::longValue).max().orElseThrow();
        long sum = delays.stream().mapToLong(Integer::longValue).sum();
        assertThat(last(delays, c)).isBetween(largest, sum);
    }
}
