package fetchbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.charts.Palette;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model's colour can be told from every other's on one chart, from white and from the theory's grey. */
class LookTest {

    /** ΔE*76 below this, two lines on one chart look like shades of one colour. */
    static final double DISTINCT = 40;

    @Test
    void everyTwoModelsDifferInColourAndMarker() {
        List<Model> models = Arrays.asList(Model.values());
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                Look a = models.get(i).card().look();
                Look b = models.get(j).card().look();
                assertThat(deltaE(a.colour(), b.colour())).as("%s and %s", models.get(i), models.get(j))
                        .isGreaterThanOrEqualTo(DISTINCT);
                assertThat(a.marker()).as("%s and %s", models.get(i), models.get(j)).isNotEqualTo(b.marker());
            }
        }
    }

    @Test
    void noModelIsPaleOnWhiteOrCloseToTheTheoryGrey() {
        for (Model model : Model.values()) {
            Color colour = model.card().look().colour();
            assertThat(lab(colour)[0]).as("%s's lightness", model).isLessThan(80);
            assertThat(deltaE(colour, Palette.THEORY)).as("%s against the theory's grey", model).isGreaterThan(25);
        }
    }

    @Test
    void theDistanceSeesTwoShadesOfOrange() {
        // threadPool's orange beside the vermilion okHttpAsync once had: too close.
        assertThat(deltaE(new Color(230, 159, 0), new Color(213, 94, 0))).isLessThan(DISTINCT);
    }

    private static double deltaE(Color a, Color b) {
        double[] x = lab(a);
        double[] y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    /** sRGB to CIELAB under D65. */
    private static double[] lab(Color colour) {
        double r = linear(colour.getRed());
        double g = linear(colour.getGreen());
        double b = linear(colour.getBlue());
        double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
