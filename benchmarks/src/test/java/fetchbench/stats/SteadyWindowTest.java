package fetchbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-ups' rule: a full window is steady when every block settled and its values no longer trend. */
class SteadyWindowTest {

    private static SteadyWindow windowOf(List<Double> values, int unsettledAt) {
        SteadyWindow window = new SteadyWindow(8, 0.1);
        for (int i = 0; i < values.size(); i++) {
            window.add(new SteadyWindow.Block(i, values.get(i), i != unsettledAt));
        }
        return window;
    }

    private static final List<Double> WOBBLING = List.of(2510.0, 2440.0, 2580.0, 2470.0, 2530.0, 2450.0, 2560.0, 2490.0);

    @Test
    void valuesThatStillRiseAreNotSteady() {
        SteadyWindow rising = windowOf(List.of(900.0, 1000.0, 1150.0, 1300.0, 1420.0, 1600.0, 1710.0, 1880.0), -1);
        assertThat(rising.full()).isTrue();
        assertThat(rising.steady()).isFalse();
    }

    @Test
    void valuesThatOnlyWobbleAreSteady() {
        assertThat(windowOf(WOBBLING, -1).steady()).isTrue();
    }

    @Test
    void oneBlockThatGrewAPoolMakesTheWindowNotSteadyUntilItDropsOut() {
        SteadyWindow window = windowOf(WOBBLING, 3);
        assertThat(window.steady()).as("the 4th of 8 blocks opened a connection").isFalse();
        for (int i = 0; i < 3; i++) {
            window.add(new SteadyWindow.Block(8 + i, WOBBLING.get(i), true));
        }
        assertThat(window.steady()).as("3 blocks later it is still in the window").isFalse();
        window.add(new SteadyWindow.Block(11, WOBBLING.get(3), true));
        assertThat(window.blocks()).isEqualTo(8);
        assertThat(window.firstStartNanos()).isEqualTo(4);
        assertThat(window.steady()).as("4 blocks later it has dropped out").isTrue();
    }
}
