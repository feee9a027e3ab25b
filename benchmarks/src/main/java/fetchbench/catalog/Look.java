package fetchbench.catalog;

import java.awt.Color;

/**
 * How the charts draw a model: one colour from the Okabe–Ito palette (told apart with the common
 * colour-vision deficiencies, none near the grey of the theory lines) and one marker.
 */
public record Look(Color colour, Marker marker) {

    /** The markers a model may take, one each; the charts map them to their library's. */
    public enum Marker { square, triangleUp, diamond, circle, triangleDown, rectangle, oval, cross }

    static final Color BLACK = Color.BLACK;
    static final Color ORANGE = new Color(230, 159, 0);
    static final Color SKY_BLUE = new Color(86, 180, 233);
    static final Color BLUISH_GREEN = new Color(0, 158, 115);
    static final Color VERMILLION = new Color(213, 94, 0);
    static final Color BLUE = new Color(0, 114, 178);
    static final Color REDDISH_PURPLE = new Color(204, 121, 167);
    static final Color YELLOW = new Color(240, 228, 66);
}
