package io.kommander.supportbot.web;

import io.kommander.supportbot.web.TimelineDrawing.Box;
import io.kommander.supportbot.web.TimelineDrawing.Fill;
import io.kommander.supportbot.web.TimelineDrawing.Label;
import io.kommander.supportbot.web.TimelineDrawing.Rule;
import io.kommander.supportbot.web.TimelineDrawing.Shape;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The timeline as PNG, for Slack (which shows PNG, not SVG, in image blocks), drawn with the JDK's
 * Java2D in headless mode: no browser or native library. Twice the layout's size, so text stays
 * sharp on high-density screens. The Docker image installs a font (DejaVu) for it. Three bytes a
 * pixel (no alpha, which a PNG on white does not need): the canvas is the drawing's largest
 * allocation (7.4 MB for the tallest, where four bytes a pixel made 9.9), and ImageIO encodes these
 * bytes without converting them first (24 MB allocated per drawing instead of 31).
 */
final class TimelinePng {
  static final int SCALE = 2;

  private TimelinePng() {}

  static byte[] write(TimelineDrawing d) {
    BufferedImage image =
        new BufferedImage(d.width * SCALE, d.height * SCALE, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.scale(SCALE, SCALE);
      for (Shape shape : d.shapes) {
        if (shape instanceof Box b) {
          box(g, b);
        } else if (shape instanceof Label l) {
          label(g, l);
        } else if (shape instanceof Rule r) {
          g.setColor(Color.decode(r.colour()));
          g.setStroke(
              r.dashed()
                  ? new BasicStroke(
                      1f,
                      BasicStroke.CAP_BUTT,
                      BasicStroke.JOIN_MITER,
                      10f,
                      new float[] {4f, 3f},
                      0f)
                  : new BasicStroke(1f));
          g.draw(new Line2D.Double(r.x1(), r.y1(), r.x2(), r.y2()));
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  private static void box(Graphics2D g, Box b) {
    Color colour = Color.decode(b.colour());
    java.awt.Shape rect =
        new RoundRectangle2D.Double(b.x(), b.y(), Math.max(0.5, b.w()), b.h(), 4, 4);
    float alpha = b.fill() == Fill.SOLID ? 1f : b.fill() == Fill.LIGHT ? 0.35f : 0.25f;
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
    g.setColor(colour);
    g.fill(rect);
    g.setComposite(AlphaComposite.SrcOver);
    if (b.fill() == Fill.HATCH) {
      BufferedImage tile = new BufferedImage(6, 6, BufferedImage.TYPE_INT_ARGB);
      Graphics2D t = tile.createGraphics();
      t.setColor(new Color(0, 0, 0, 115));
      t.setStroke(new BasicStroke(1.5f));
      t.drawLine(0, 6, 6, 0);
      t.dispose();
      g.setPaint(new TexturePaint(tile, new Rectangle2D.Double(0, 0, 6, 6)));
      g.fill(rect);
    }
  }

  private static void label(Graphics2D g, Label l) {
    g.setFont(new Font(Font.SANS_SERIF, l.bold() ? Font.BOLD : Font.PLAIN, l.size()));
    g.setColor(Color.decode(l.colour()));
    double width = g.getFontMetrics().getStringBounds(l.text(), g).getWidth();
    double x =
        switch (l.anchor()) {
          case "middle" -> l.x() - width / 2;
          case "end" -> l.x() - width;
          default -> l.x();
        };
    g.drawString(l.text(), (float) x, (float) l.y());
  }
}
