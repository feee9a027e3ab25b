package fetchbench.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/** A line of grey text centred under the chart title: XChart has titles but no subtitles. */
public final class Subtitle extends Annotation {

    public static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Baseline, in pixels from the top: under the title, inside the padding that separates it from the plot. */
    public static final int BASELINE = 2 * Charts.TITLE_PADDING + 12;

    private final String text;

    Subtitle(String text) {
        super(true);
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public void paint(Graphics2D g) {
        g.setFont(FONT);
        g.setColor(new Color(90, 90, 90));
        int width = g.getFontMetrics().stringWidth(text);
        int x = Math.max(4, (chart.getWidth() - width) / 2);
        g.drawString(text, x, BASELINE);
        bounds = new Rectangle2D.Double(x, BASELINE - FONT.getSize(), width, FONT.getSize() + 4);
    }
}
