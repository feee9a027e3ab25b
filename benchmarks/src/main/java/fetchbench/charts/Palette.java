package fetchbench.charts;

import fetchbench.catalog.Model;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashMap;
import java.util.Map;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Each model's colour and marker (its card's {@link fetchbench.catalog.Look}) in XChart's terms. A
 * model's second setting on one chart keeps its colour and gets a dashed line, or a bar of a
 * lighter tint of it.
 */
public final class Palette {

    public static final Color THEORY = new Color(128, 128, 128);

    private Palette() {
    }

    public static Color color(Model model) {
        return model.card().look().colour();
    }

    private static final Marker HEXAGON = new Hexagon();

    public static Marker marker(Model model) {
        return switch (model.card().look().marker()) {
            case square -> SeriesMarkers.SQUARE;
            case triangleUp -> SeriesMarkers.TRIANGLE_UP;
            case diamond -> SeriesMarkers.DIAMOND;
            case circle -> SeriesMarkers.CIRCLE;
            case triangleDown -> SeriesMarkers.TRIANGLE_DOWN;
            case rectangle -> SeriesMarkers.RECTANGLE;
            case oval -> SeriesMarkers.OVAL;
            case cross -> SeriesMarkers.CROSS;
            case plus -> SeriesMarkers.PLUS;
            case trapezoid -> SeriesMarkers.TRAPEZOID;
            case hexagon -> HEXAGON;
        };
    }

    /** Bar colours per model within one chart: its colour for its first setting, a lighter tint for the next ones. */
    public static final class Fills {
        private final Map<Model, Integer> seen = new HashMap<>();

        public Color next(Model model) {
            Color color = color(model);
            if (seen.merge(model, 1, Integer::sum) == 1) {
                return color;
            }
            return new Color((color.getRed() + 255) / 2, (color.getGreen() + 255) / 2, (color.getBlue() + 255) / 2);
        }
    }

    /** Line styles per model within one chart: solid for its first setting, dashed for the next ones. */
    public static final class Lines {
        private final Map<Model, Integer> seen = new HashMap<>();

        public BasicStroke next(Model model) {
            return seen.merge(model, 1, Integer::sum) == 1 ? SeriesLines.SOLID : SeriesLines.DASH_DASH;
        }
    }
}
