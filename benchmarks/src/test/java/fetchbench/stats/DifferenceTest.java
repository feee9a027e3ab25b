package fetchbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a setting adds to its bare client: Welch's interval on constructed fork means. */
class DifferenceTest {

    @Test
    void welchsIntervalOfTwoResults() {
        // Variances 4 and 4 over 3 forks each: se = √(8/3), 4 degrees of freedom, t = 2.776.
        Difference added = Difference.of(new ForkMeans(List.of(10.0, 12.0, 14.0), 6),
                new ForkMeans(List.of(20.0, 22.0, 24.0), 6));

        assertThat(added.estimate()).isEqualTo(10.0);
        assertThat(added.low()).isCloseTo(10 - 2.776445 * Math.sqrt(8.0 / 3), within(1e-4));
        assertThat(added.high()).isCloseTo(10 + 2.776445 * Math.sqrt(8.0 / 3), within(1e-4));
        assertThat(added.above()).isTrue();
    }

    @Test
    void oneForkHasNoIntervalAndSameForksAnExactOne() {
        Difference one = Difference.of(new ForkMeans(List.of(10.0), 5), new ForkMeans(List.of(11.0, 13.0), 10));
        Difference exact = Difference.of(new ForkMeans(List.of(10.0, 10.0), 4), new ForkMeans(List.of(9.0, 9.0), 4));

        assertThat(one.estimate()).isEqualTo(2.0);
        assertThat(one.low()).isNaN();
        assertThat(one.above()).isFalse();
        assertThat(exact.low()).isEqualTo(-1.0);
        assertThat(exact.high()).isEqualTo(-1.0);
        assertThat(exact.above()).isFalse();
    }
}
