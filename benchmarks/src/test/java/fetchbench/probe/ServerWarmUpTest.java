package fetchbench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.result.ServerWarmUpOutcome;
import org.junit.jupiter.api.Test;

/** The server's warm-up record reads back and says when it was not steady (the window's rule: SteadyWindowTest). */
class ServerWarmUpTest {

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
