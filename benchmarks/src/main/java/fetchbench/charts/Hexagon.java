package fetchbench.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.style.markers.Marker;

/** A filled hexagon: a marker beside XChart's ten, for the eleventh model. */
final class Hexagon extends Marker {

    @Override
    public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
        g.setStroke(new BasicStroke(1f));
        double radius = markerSize / 2.0 + 0.5;
        Path2D.Double path = new Path2D.Double();
        for (int corner = 0; corner < 6; corner++) {
            double angle = Math.PI / 3 * corner;
            double x = xOffset + radius * Math.cos(angle);
            double y = yOffset + radius * Math.sin(angle);
            if (corner == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        g.fill(path);
    }
}
