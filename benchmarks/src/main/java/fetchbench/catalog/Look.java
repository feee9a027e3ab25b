package fetchbench.catalog;

import java.awt.Color;

/**
 * How the charts draw a model: one colour and one marker. The colours lie at least 40 apart
 * in CIELAB (ΔE*76), none pale on white or near the grey of the theory lines (LookTest), and each
 * model keeps its marker too, for readers who do not tell two of them apart.
 */
public record Look(Color colour, Marker marker) {

    /** The markers a model may take, one each; the charts map them to their library's. */
    public enum Marker { square, triangleUp, diamond, circle, triangleDown, rectangle, oval, cross, plus, trapezoid, hexagon }

    static final Color BLACK = Color.BLACK;
    static final Color ORANGE = new Color(230, 159, 0);
    static final Color SKY_BLUE = new Color(86, 180, 233);
    static final Color BLUISH_GREEN = new Color(0, 158, 115);
    static final Color RED = new Color(220, 30, 50);
    static final Color INDIGO = new Color(51, 34, 136);
    static final Color REDDISH_PURPLE = new Color(204, 121, 167);
    static final Color BROWN = new Color(140, 86, 30);
    static final Color MAGENTA = new Color(240, 0, 220);
    static final Color GREEN = new Color(0, 200, 0);
    static final Color BLUE = new Color(0, 0, 255);
}
