package io.kommander.supportbot.web;

import io.kommander.supportbot.render.Standing;
import io.kommander.supportbot.render.Timeline;
import io.kommander.supportbot.render.Timeline.End;
import io.kommander.supportbot.render.Timeline.Row;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timeline laid out once as boxes, labels and rules, which the SVG and PNG writers each draw:
 * the two images cannot disagree. One row per line at a fixed height, so 40 lines are 40 rows and
 * no label can overlap another; a label column holds each line's name and status in words.
 */
final class TimelineDrawing {
  static final int ROW = 22;
  static final int BAR = 12;
  static final int LABEL_COLUMN = 270;
  static final int TOP = 64;
  static final int DIVIDER = 18;
  static final int LEGEND_ROW = 18;
  static final int PAD = 16;

  /** How a box is filled: past support, support still to come, or uncertain (hatched). */
  enum Fill {
    SOLID,
    LIGHT,
    HATCH
  }

  sealed interface Shape permits Box, Label, Rule {}

  /** A bar segment; {@code title} is its text alternative (the SVG's tooltip). */
  record Box(double x, double y, double w, double h, String colour, Fill fill, String title)
      implements Shape {}

  /** Text; {@code anchor} is start, middle or end. */
  record Label(
      double x, double y, String text, int size, boolean bold, String colour, String anchor)
      implements Shape {}

  record Rule(double x1, double y1, double x2, double y2, String colour, boolean dashed)
      implements Shape {}

  final int width;
  final int height;
  final String title;
  final String description;
  final List<Shape> shapes = new ArrayList<>();
  private final Timeline timeline;

  TimelineDrawing(Timeline timeline, int width) {
    this.timeline = timeline;
    this.width = width;
    this.title = "Support timeline as of " + timeline.asOf();
    this.description =
        "One bar per line from GA to end of support, newest on top, "
            + timeline.from()
            + " to "
            + timeline.to()
            + ". "
            + String.join(". ", timeline.rows().stream().map(Row::description).toList())
            + ".";
    int y = TOP;
    axis();
    for (int i = 0; i < timeline.rows().size(); i++) {
      int row = i;
      for (Timeline.Divider d : timeline.dividers()) {
        if (d.beforeRow() == row) {
          shapes.add(new Rule(PAD, y + 4, width - PAD, y + 4, "#8a8a8a", true));
          shapes.add(new Label(PAD, y + 15, d.text(), 11, false, "#4a4a4a", "start"));
          y += DIVIDER;
        }
      }
      row(timeline.rows().get(i), y);
      y += ROW;
    }
    double today = x(timeline.asOf());
    shapes.add(new Rule(today, TOP - 26, today, y, "#c62828", false));
    shapes.add(
        new Label(
            today,
            TOP - 30,
            "today " + timeline.asOf(),
            11,
            true,
            "#c62828",
            today > width - 70 ? "end" : "middle"));
    this.height = legend(y + 12) + PAD;
  }

  /** Years across the top, with a faint rule down each. */
  private void axis() {
    shapes.add(new Label(PAD, 18, title, 14, true, "#1d3557", "start"));
    for (int year = timeline.from().getYear() + 1; year <= timeline.to().getYear(); year++) {
      double x = x(LocalDate.of(year, 1, 1));
      shapes.add(
          new Rule(
              x,
              TOP - 8,
              x,
              TOP + timeline.rows().size() * ROW + dividersHeight(),
              "#d0d0d0",
              false));
      shapes.add(new Label(x, TOP - 2 - 10, String.valueOf(year), 11, false, "#4a4a4a", "middle"));
    }
  }

  private int dividersHeight() {
    return timeline.dividers().size() * DIVIDER;
  }

  private void row(Row r, int y) {
    String colour = colour(r.standing());
    shapes.add(new Label(PAD, y + 15, r.label(), 12, true, "#1a1a1a", "start"));
    shapes.add(new Label(LABEL_COLUMN - 8, y + 15, r.standing().words, 11, false, colour, "end"));
    if (r.start().isEmpty() && r.line().isPlanned()) {
      // Planned, not scheduled: nothing to draw from, and a bar would claim a date.
      shapes.add(new Label(LABEL_COLUMN, y + 15, "not scheduled yet", 11, false, colour, "start"));
      return;
    }
    double barY = y + (ROW - BAR) / 2.0;
    double left = r.start().map(this::x).orElse(x(timeline.from()));
    double today = x(timeline.asOf());
    String title = r.description();
    r.startLatest()
        .ifPresent(
            s -> shapes.add(new Box(left, barY, x(s) - left, BAR, colour, Fill.HATCH, title)));
    double solidFrom = r.startLatest().map(this::x).orElse(left);
    Optional<Double> end = r.end().map(this::x);
    double right = end.orElse(x(timeline.to()));
    // Support already given: solid; still to come: light; not known for sure: hatched.
    double pastEnd = Math.min(right, today);
    if (pastEnd > solidFrom) {
      // A line only reported to have shipped: its support so far is not known either.
      Fill past = r.line().isReported() ? Fill.HATCH : Fill.SOLID;
      shapes.add(new Box(solidFrom, barY, pastEnd - solidFrom, BAR, colour, past, title));
    }
    if (right > Math.max(solidFrom, today)) {
      double from = Math.max(solidFrom, today);
      shapes.add(new Box(from, barY, right - from, BAR, colour, Fill.LIGHT, title));
    }
    double capEnd =
        switch (r.endKind()) {
          case WINDOW -> r.endLatest().map(this::x).orElse(right);
          case REPORTED, OPEN -> x(timeline.to());
          case APPROXIMATE -> right + 6;
          case DATED, PLANNED -> right;
        };
    if (capEnd > right) {
      shapes.add(new Box(right, barY, capEnd - right, BAR, colour, Fill.HATCH, title));
    }
    if (r.endKind() == End.PLANNED || r.endKind() == End.DATED && right > today) {
      shapes.add(
          new Rule(right, barY - 2, right, barY + BAR + 2, colour, r.endKind() == End.PLANNED));
    }
  }

  /** The status colours (always beside their words) and the end styles, explained. */
  private int legend(int y) {
    shapes.add(
        new Label(
            PAD,
            y + 12,
            "Bars: solid, support given; light, still to come; hatched, not known to the day.",
            11,
            false,
            "#1a1a1a",
            "start"));
    y += LEGEND_ROW;
    StringBuilder ends = new StringBuilder("Ends: ");
    for (End e : End.values()) {
      ends.append(e == End.DATED ? "" : "; ").append(e.words);
    }
    for (String line : wrap(ends.toString(), (width - 2 * PAD) / 6)) {
      shapes.add(new Label(PAD, y + 12, line, 11, false, "#4a4a4a", "start"));
      y += LEGEND_ROW;
    }
    return y;
  }

  private static List<String> wrap(String text, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > max && line.length() > 0) {
        out.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    out.add(line.toString());
    return out;
  }

  double x(LocalDate date) {
    long span = Math.max(1, ChronoUnit.DAYS.between(timeline.from(), timeline.to()));
    long at = ChronoUnit.DAYS.between(timeline.from(), date);
    double clamped = Math.max(0, Math.min(span, at));
    return LABEL_COLUMN + clamped / span * (width - LABEL_COLUMN - PAD);
  }

  /** Status colours, dark enough for text on white (WCAG AA) and always beside their words. */
  static String colour(Standing standing) {
    return switch (standing) {
      case SUPPORTED -> "#2e7d32";
      case ENDS_SOON -> "#8a5a00";
      case IN_DOUBT -> "#b34700";
      case EXPIRED -> "#6b6b6b";
      case UNCONFIRMED -> "#6a1b9a";
      case NOT_RELEASED -> "#1565c0";
      case NEVER_RELEASED, UNKNOWN -> "#6b6b6b";
    };
  }
}
