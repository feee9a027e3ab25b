package fetchbench.analysis;

import fetchbench.result.JmhRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The harness-overhead check on constructed data: it passes only when the whole interval is under the limit. */
class OverheadTest {

    private static Calibration.Overhead overhead(double bare, double bareError, double model, double modelError) {
        return Calibration.Overhead.of(new JmhRun.Metric(bare, bareError, "ms/op"),
                new JmhRun.Metric(model, modelError, "ms/op"));
    }

    @Test
    void aSmallOverheadWithATightIntervalPasses() {
        Calibration.Overhead small = overhead(100, 0.5, 101, 0.5);

        assertThat(small.percent()).isCloseTo(1.0, offset(1e-9));
        assertThat(small.upperPercent()).isCloseTo(100 * (101.5 / 99.5 - 1), offset(1e-9));
        assertThat(small.verdict(5)).startsWith("passes: at most +2.0 %");
    }

    @Test
    void aSmallOverheadWithAWideIntervalFails() {
        // +2 % measured, but the interval reaches +6.1 %: not shown to be under 5 %.
        Calibration.Overhead wide = overhead(100, 2, 102, 2);

        assertThat(wide.percent()).isCloseTo(2.0, offset(1e-9));
        assertThat(wide.verdict(5)).isEqualTo("fails: up to +6.1 %, not shown to be under 5 %");
    }

    @Test
    void aModelFasterThanTheBareClientBeyondBothIntervalsFails() {
        // 110.8 ± 2.1 against 124.8 ± 5.8: the bare client was slower, so it is no baseline.
        Calibration.Overhead faster = overhead(124.8, 5.8, 110.8, 2.1);

        assertThat(faster.passes(5)).isFalse();
        assertThat(faster.verdict(5)).startsWith("fails: the model is faster than the bare client beyond both intervals");
    }

    @Test
    void aBareIntervalReachingZeroBoundsNothing() {
        Calibration.Overhead unbounded = overhead(100, 120, 500, 10);

        assertThat(unbounded.upperPercent()).isInfinite();
        assertThat(unbounded.passes(5)).isFalse();
    }

    @Test
    void noErrorEstimateIsNoVerdict() {
        assertThat(overhead(100, Double.NaN, 101, 1).verdict(5)).isEqualTo("unknown: no error estimate");
    }
}
