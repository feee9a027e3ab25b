package fetchbench.report;

import fetchbench.model.Model;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashMap;
import java.util.Map;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One colour and one marker per model in every chart, from the Okabe–Ito palette (told apart with
 * the common colour-vision deficiencies), none of them near the grey of the theory lines. A
 * model's second setting on one chart keeps its colour and gets a dashed line, or a bar of a
 * lighter tint of it.
 */
final class Palette {

    static final Color THEORY = new Color(128, 128, 128);

    private Palette() {
    }

    static Color color(Model model) {
        return switch (model) {
            case sequential -> Color.BLACK;
            case threadPool -> new Color(230, 159, 0); // orange
            case completableFuture -> new Color(86, 180, 233); // sky blue
            case virtualThreads -> new Color(0, 158, 115); // bluish green
            case okHttpAsync -> new Color(213, 94, 0); // vermillion
            case httpClientAsync -> new Color(0, 114, 178); // blue
            case structured -> new Color(204, 121, 167); // reddish purple
            case reactor -> new Color(240, 228, 66); // yellow
        };
    }

    static Marker marker(Model model) {
        return switch (model) {
            case sequential -> SeriesMarkers.SQUARE;
            case threadPool -> SeriesMarkers.TRIANGLE_UP;
            case completableFuture -> SeriesMarkers.DIAMOND;
            case virtualThreads -> SeriesMarkers.CIRCLE;
            case okHttpAsync -> SeriesMarkers.TRIANGLE_DOWN;
            case httpClientAsync -> SeriesMarkers.RECTANGLE;
            case structured -> SeriesMarkers.OVAL;
            case reactor -> SeriesMarkers.CROSS;
        };
    }

    /** Bar colours per model within one chart: its colour for its first setting, a lighter tint for the next ones. */
    static final class Fills {
        private final Map<Model, Integer> seen = new HashMap<>();

        Color next(Model model) {
            Color color = color(model);
            if (seen.merge(model, 1, Integer::sum) == 1) {
                return color;
            }
            return new Color((color.getRed() + 255) / 2, (color.getGreen() + 255) / 2, (color.getBlue() + 255) / 2);
        }
    }

    /** Line styles per model within one chart: solid for its first setting, dashed for the next ones. */
    static final class Lines {
        private final Map<Model, Integer> seen = new HashMap<>();

        BasicStroke next(Model model) {
            return seen.merge(model, 1, Integer::sum) == 1 ? SeriesLines.SOLID : SeriesLines.DASH_DASH;
        }
    }
}
