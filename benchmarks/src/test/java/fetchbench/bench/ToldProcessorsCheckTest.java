package fetchbench.bench;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.result.ResultKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fork told a processor count it does not see stops before its first batch: its results would be the machine's. */
class ToldProcessorsCheckTest {

    @AfterEach
    void forget() {
        System.clearProperty(ResultKeys.TOLD_PROCESSORS);
    }

    @Test
    void aForkThatSeesWhatItWasToldRuns() {
        assertThatCode(FanOut::toldProcessorsTookEffect).doesNotThrowAnyException();
        System.setProperty(ResultKeys.TOLD_PROCESSORS, String.valueOf(Runtime.getRuntime().availableProcessors()));
        assertThatCode(FanOut::toldProcessorsTookEffect).doesNotThrowAnyException();
    }

    @Test
    void aForkThatDoesNotStops() {
        int seen = Runtime.getRuntime().availableProcessors();
        System.setProperty(ResultKeys.TOLD_PROCESSORS, String.valueOf(seen + 6));
        assertThatThrownBy(FanOut::toldProcessorsTookEffect).isInstanceOf(IllegalStateException.class)
                .hasMessage("this fork was told it has " + (seen + 6) + " processors, but the JVM sees " + seen
                        + ": -XX:ActiveProcessorCount did not take effect");
    }
}
