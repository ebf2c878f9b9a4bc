package io.kommander.supportbot.web;

import io.kommander.supportbot.web.TimelineDrawing.Box;
import io.kommander.supportbot.web.TimelineDrawing.Fill;
import io.kommander.supportbot.web.TimelineDrawing.Label;
import io.kommander.supportbot.web.TimelineDrawing.Rule;
import io.kommander.supportbot.web.TimelineDrawing.Shape;
import java.util.Locale;

/**
 * The timeline as SVG, for the page: text stays text (in the page's fonts, selectable, read by
 * screen readers through {@code <title>} and {@code <desc>}), and each bar has its own title.
 */
final class TimelineSvg {
  private TimelineSvg() {}

  static String write(TimelineDrawing d) {
    StringBuilder svg = new StringBuilder(16_384);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(d.width)
        .append("\" height=\"")
        .append(d.height)
        .append("\" viewBox=\"0 0 ")
        .append(d.width)
        .append(' ')
        .append(d.height)
        .append("\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\"")
        .append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">\n")
        .append("<title id=\"timeline-title\">")
        .append(escape(d.title))
        .append("</title>\n<desc id=\"timeline-desc\">")
        .append(escape(d.description))
        .append("</desc>\n")
        .append(
            "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"")
        .append(" patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"6\" fill=\"#000\"")
        .append(" fill-opacity=\"0.45\"/></pattern></defs>\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    for (Shape shape : d.shapes) {
      if (shape instanceof Box b) {
        box(svg, b);
      } else if (shape instanceof Label l) {
        svg.append(
                String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s fill=\"%s\" text-anchor=\"%s\">",
                    l.x(),
                    l.y(),
                    l.size(),
                    l.bold() ? " font-weight=\"bold\"" : "",
                    l.colour(),
                    l.anchor()))
            .append(escape(l.text()))
            .append("</text>\n");
      } else if (shape instanceof Rule r) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>\n",
                r.x1(),
                r.y1(),
                r.x2(),
                r.y2(),
                r.colour(),
                r.dashed() ? " stroke-dasharray=\"4 3\"" : ""));
      }
    }
    return svg.append("</svg>\n").toString();
  }

  private static void box(StringBuilder svg, Box b) {
    String rect =
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"%s\"%s>",
            b.x(),
            b.y(),
            Math.max(0.5, b.w()),
            b.h(),
            b.colour(),
            b.fill() == Fill.LIGHT
                ? " fill-opacity=\"0.35\""
                : b.fill() == Fill.HATCH ? " fill-opacity=\"0.25\"" : "");
    svg.append("<g>")
        .append(rect)
        .append("<title>")
        .append(escape(b.title()))
        .append("</title></rect>");
    if (b.fill() == Fill.HATCH) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"url(#hatch)\"/>",
              b.x(),
              b.y(),
              Math.max(0.5, b.w()),
              b.h()));
    }
    svg.append("</g>\n");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
