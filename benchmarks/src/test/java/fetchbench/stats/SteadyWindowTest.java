package fetchbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-ups' window: steady when its values no longer trend; the oldest block drops out past its size. */
class SteadyWindowTest {

    private static SteadyWindow windowOf(List<Double> values) {
        SteadyWindow window = new SteadyWindow(8, 0.1);
        for (int i = 0; i < values.size(); i++) {
            window.add(new SteadyWindow.Block(i, values.get(i)));
        }
        return window;
    }

    private static final List<Double> RISING = List.of(900.0, 1000.0, 1150.0, 1300.0, 1420.0, 1600.0, 1710.0, 1880.0);
    private static final List<Double> WOBBLING = List.of(2510.0, 2440.0, 2580.0, 2470.0, 2530.0, 2450.0, 2560.0, 2490.0);

    @Test
    void valuesThatStillRiseAreNotSteady() {
        SteadyWindow rising = windowOf(RISING);
        assertThat(rising.full()).isTrue();
        assertThat(rising.steady()).isFalse();
    }

    @Test
    void valuesThatOnlyWobbleAreSteady() {
        assertThat(windowOf(WOBBLING).steady()).isTrue();
    }

    @Test
    void theRiseDropsOutOfTheWindowAsLevelBlocksComeIn() {
        SteadyWindow window = windowOf(RISING);
        for (int i = 0; i < 4; i++) {
            window.add(new SteadyWindow.Block(8 + i, 2000.0 + (i % 2 == 0 ? 10 : -10)));
        }
        assertThat(window.blocks()).isEqualTo(8);
        assertThat(window.firstStartNanos()).isEqualTo(4);
        assertThat(window.steady()).as("4 rising blocks, then 4 level ones").isFalse();
        for (int i = 4; i < 8; i++) {
            window.add(new SteadyWindow.Block(8 + i, 2000.0 + (i % 2 == 0 ? 10 : -10)));
        }
        assertThat(window.firstStartNanos()).isEqualTo(8);
        assertThat(window.steady()).as("8 level blocks").isTrue();
    }
}
