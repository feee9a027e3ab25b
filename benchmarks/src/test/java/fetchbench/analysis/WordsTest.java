package fetchbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How figures are written in every table and line, and JMH's units read as milliseconds. */
class WordsTest {

    @Test
    void millisecondsGetOneDecimalBelowAHundredAndADashWhenUnknown() {
        assertThat(Words.ms(12.34)).isEqualTo("12.3 ms");
        assertThat(Words.ms(99.94)).isEqualTo("99.9 ms");
        assertThat(Words.ms(100)).isEqualTo("100 ms");
        assertThat(Words.ms(Double.NaN)).isEqualTo("–");
    }

    @Test
    void aMeanAndItsErrorDropDecimalsFromASecondAndTheErrorWhenUnknown() {
        assertThat(Words.meanAndError(114.06, 3.04)).isEqualTo("114.1 ± 3.0");
        assertThat(Words.meanAndError(1017.4, 3.2)).isEqualTo("1017 ± 3");
        assertThat(Words.meanAndError(999.9, Double.NaN)).isEqualTo("999.9");
        assertThat(Words.meanAndError(0.123, 0.031, 2)).isEqualTo("0.12 ± 0.03");
        assertThat(Words.meanAndError(0.123, Double.NaN, 2)).isEqualTo("0.12");
    }

    @Test
    void anIntervalIsWrittenAtTheEstimatesPrecision() {
        assertThat(Words.interval(new MergedLatency.Interval(38.24, 35.11, 41.0))).isEqualTo("38.2 [35.1–41.0]");
        assertThat(Words.interval(new MergedLatency.Interval(138.4, 99.5, 150.2))).isEqualTo("138 [100–150]");
        assertThat(Words.interval(new MergedLatency.Interval(38.24, Double.NaN, Double.NaN))).isEqualTo("38.2");
        assertThat(Words.interval(new MergedLatency.Interval(Double.NaN, Double.NaN, Double.NaN))).isEqualTo("–");
    }

    @Test
    void jmhsUnitsAreReadAsMilliseconds() {
        assertThat(Row.toMillis(2_000_000, "ns/op")).isEqualTo(2.0);
        assertThat(Row.toMillis(1_500, "us/op")).isEqualTo(1.5);
        assertThat(Row.toMillis(0.25, "s/op")).isEqualTo(250.0);
        assertThat(Row.toMillis(1, "min/op")).isEqualTo(60_000.0);
        assertThat(Row.toMillis(7, "ms/op")).isEqualTo(7.0);
    }
}
