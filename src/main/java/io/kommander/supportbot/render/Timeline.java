package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.Era;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.SkippedVersions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Support over time as of one day: a row per line, newest on top, from GA to end of support, with
 * how sure each end is; and where the product changed hands or skipped numbers. Computed from the
 * policy's own matrix for that day, so the picture says what the answers say.
 *
 * @param from the first day shown; {@code to} the last
 */
public record Timeline(
    LocalDate asOf, LocalDate from, LocalDate to, List<Row> rows, List<Divider> dividers) {

  /** How many years back the picture starts by default: the lines people still ask about. */
  public static final int YEARS_BACK = 3;

  /** How sure the end of a bar is; each is drawn differently and named in the legend. */
  public enum End {
    DATED("end derived from a dated release"),
    APPROXIMATE("end from a release tag: GA may have been weeks later"),
    WINDOW("end somewhere in a GA window"),
    REPORTED("may have ended: the release that ends it is only reported"),
    PLANNED("end at a planned release"),
    OPEN("no end yet: the release that ends it is not announced");

    public final String words;

    End(String words) {
      this.words = words;
    }
  }

  /**
   * One line's bar.
   *
   * @param start GA (the first day of a GA window, the reported or planned day); empty when never
   *     dated
   * @param end the day support ends or ended (for a window, its first day); empty when open
   * @param endLatest the last day of the end's window, when it is one
   */
  public record Row(
      ReleaseLine line,
      Standing standing,
      Optional<LocalDate> start,
      Optional<LocalDate> startLatest,
      Optional<LocalDate> end,
      Optional<LocalDate> endLatest,
      End endKind) {
    public String label() {
      return line.label();
    }

    /** "NKP 2.16: in doubt: may have ended; GA 2025-09-05, …": the row in words. */
    public String description() {
      return label()
          + ": "
          + standing.words
          + start
              .map(
                  s ->
                      "; GA "
                          + (startLatest.isPresent()
                              ? "between " + s + " and " + startLatest.get()
                              : s))
              .orElse("")
          + end.map(
                  e ->
                      "; support ends "
                          + (endLatest.isPresent()
                              ? "between " + e + " and " + endLatest.get()
                              : e))
              .orElse("; no end yet")
          + " ("
          + endKind.words
          + ")";
    }
  }

  /** A line between two rows: where the product was renamed or sold, and numbers it skipped. */
  public record Divider(int beforeRow, String text) {}

  /**
   * @param matrix the policy's matrix on {@code asOf}, newest line first
   * @param from the first day to show; empty for {@link #YEARS_BACK} years before {@code asOf}
   * @param all every line, from the first dated one
   */
  public static Timeline of(
      Catalog catalog, Answer.MatrixAnswer matrix, Optional<LocalDate> from, boolean all) {
    LocalDate asOf = matrix.asOf();
    List<Row> every = matrix.lines().stream().map(Timeline::row).toList();
    LocalDate first =
        all
            ? every.stream().flatMap(r -> r.start().stream()).min(LocalDate::compareTo).orElse(asOf)
            : from.orElse(LocalDate.of(asOf.getYear() - YEARS_BACK, 1, 1));
    LocalDate last = asOf.plusYears(1);
    List<Row> rows =
        every.stream()
            .filter(r -> r.start().map(s -> !s.isAfter(last)).orElse(true))
            .filter(r -> r.endLatest().or(r::end).map(e -> !e.isBefore(first)).orElse(true))
            .toList();
    return new Timeline(asOf, first, last, rows, dividers(catalog, rows));
  }

  private static Row row(LineAnswer a) {
    ReleaseLine line = a.line().orElseThrow();
    Standing standing = Standing.of(a.support());
    Optional<Ending> ending = a.support().endOfSupport();
    Optional<LocalDate> endLatest =
        ending.filter(e -> e.by().windowed()).map(e -> e.by().releasedBy());
    Optional<LocalDate> end = ending.flatMap(e -> e.by().windowed() ? e.by().shipDate() : e.when());
    return new Row(
        line,
        standing,
        line.shipDate(),
        Optional.ofNullable(line.releasedBy()),
        end,
        endLatest,
        ending.map(Timeline::endKind).orElse(End.OPEN));
  }

  private static End endKind(Ending e) {
    ReleaseLine by = e.by();
    if (e.when().isEmpty()) {
      return End.OPEN;
    } else if (by.isReported()) {
      return End.REPORTED;
    } else if (by.windowed()) {
      return End.WINDOW;
    } else if (e.planned()) {
      return End.PLANNED;
    }
    return by.approximate() ? End.APPROXIMATE : End.DATED;
  }

  /** Between rows whose names differ: the rename (and sale), and the numbers never released. */
  private static List<Divider> dividers(Catalog catalog, List<Row> rows) {
    List<Divider> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      ReleaseLine newer = rows.get(i - 1).line();
      ReleaseLine older = rows.get(i).line();
      if (newer.product() == older.product()) {
        continue;
      }
      Era was = catalog.era(older.product());
      Era became = catalog.era(newer.product());
      String text =
          was.owner().equals(became.owner())
              ? was.name() + " became " + became.name()
              : was.owner()
                  + " \u2192 "
                  + became.owner()
                  + ": "
                  + was.name()
                  + " continued as "
                  + became.name();
      List<Minor> skipped =
          catalog.neverReleased().stream()
              .map(SkippedVersions::versions)
              .flatMap(List::stream)
              .filter(m -> m.compareTo(older.kommander()) > 0 && m.compareTo(newer.kommander()) < 0)
              .toList();
      if (!skipped.isEmpty()) {
        text +=
            "; "
                + skipped.get(0)
                + (skipped.size() > 1 ? "\u2013" + skipped.get(skipped.size() - 1) : "")
                + " never released";
      }
      out.add(new Divider(i, text));
    }
    return out;
  }
}
