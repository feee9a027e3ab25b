package fetchbench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.result.ServerWarmUpOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's warm-up ends only on a window whose answers per second no longer trend, and its record reads back. */
class ServerWarmUpTest {

    @Test
    void aServerStillGettingFasterIsNotSteady() {
        assertThat(ServerWarmUp.steady(List.of(900.0, 1000.0, 1150.0, 1300.0, 1420.0, 1600.0, 1710.0, 1880.0)))
                .isFalse();
    }

    @Test
    void aServerWhoseRateOnlyWobblesIsSteady() {
        assertThat(ServerWarmUp.steady(List.of(2510.0, 2440.0, 2580.0, 2470.0, 2530.0, 2450.0, 2560.0, 2490.0)))
                .isTrue();
    }

    @Test
    void theRecordReadsBackAndSaysWhenTheServerWasNotSteady() {
        ServerWarmUpOutcome steady = new ServerWarmUpOutcome(20_300, 16.26, true);
        ServerWarmUpOutcome cut = new ServerWarmUpOutcome(31_000, 30.0, false);

        assertThat(ServerWarmUpOutcome.decode(steady.encode())).isEqualTo(new ServerWarmUpOutcome(20_300, 16.3, true));
        assertThat(ServerWarmUpOutcome.decode(cut.encode()).steady()).isFalse();
        assertThat(steady.describe()).isEqualTo("Server warm-up: 20300 undelayed requests in 16.3 s, steady "
                + "(its answers per second no longer trend)");
        assertThat(cut.describe()).contains("NOT steady");
    }
}
