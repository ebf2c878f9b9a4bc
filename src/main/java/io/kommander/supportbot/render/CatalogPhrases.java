package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Freshness;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Upstream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The words about the release data itself and the news it makes: how old and how sure it is, and
 * the end-of-support announcements.
 */
public final class CatalogPhrases {
  private CatalogPhrases() {}

  /** Said under an answer whose dates come from release tags. */
  public static final String APPROXIMATE =
      "Some dates here come from release tags, so they are approximate: GA was the same day or up"
          + " to a few weeks later.";

  /**
   * One short line on a catalog that may be stale, saying what it would change: "Release data last
   * reviewed 2026-04-30, upstream not checked: if a line newer than NKP 2.17 has shipped, NKP 2.15
   * is no longer supported."
   */
  public static String stale(Freshness f) {
    return "Release data last reviewed "
        + f.review().reviewed()
        + f.upstream()
            .lastCheckedDay()
            .map(d -> ", upstream last checked " + d)
            .orElse(", upstream not checked")
        + ": if a line newer than "
        + f.newest().label()
        + " has shipped, "
        + f.nextToDrop()
            .map(l -> l.label() + " is no longer supported.")
            .orElse("my answers miss it.");
  }

  /**
   * Where the release data stands, for the App Home and the page: "Release data reviewed 2026-11-29
   * (0 days ago); newest known line NKP 2.18, GA between 2026-05-19 and 2026-07-14. Upstream
   * release tags last checked 2026-11-29 23:40 UTC: nothing unreviewed."
   */
  public static String dataAge(Freshness f) {
    Upstream u = f.upstream();
    return "Release data reviewed "
        + f.review().reviewed()
        + " ("
        + f.reviewAgeDays()
        + " days ago); newest known line "
        + f.newest().label()
        + ", "
        + Phrases.ga(f.newest())
        + ". "
        + u.lastChecked()
            .map(
                at ->
                    "Upstream release tags last checked "
                        + CHECKED.format(at)
                        + ": "
                        + (u.unreviewed() == 0
                            ? "nothing unreviewed."
                            : u.unreviewed()
                                + (u.unreviewed() == 1 ? " release" : " releases")
                                + " found there, not yet reviewed (provisional)."))
            .orElse("Upstream release tags not checked yet.");
  }

  private static final DateTimeFormatter CHECKED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * The headline of an end-of-support announcement: "NKP 2.18 is out: support for NKP 2.15.x has
   * ended." on the day, "Support for … ends in 7 days, on …, when … ships." before it.
   */
  public static String announcement(
      ReleaseLine line, ReleaseLine by, LocalDate date, int leadDays) {
    String lines = allPatches(line);
    return leadDays == 0
        ? by.label() + " is out: support for " + lines + " has ended."
        : "Support for "
            + lines
            + " ends in "
            + leadDays
            + " days, on "
            + date
            + ", when "
            + by.label()
            + (by.isPlanned() ? " is planned to ship." : " ships.");
  }

  /** "NKP 2.16.x", or "Kommander 1.4.x and Konvoy 1.8.x" for a paired line. */
  private static String allPatches(ReleaseLine line) {
    return line.product().platform()
        ? line.label() + ".x"
        : "Kommander " + line.kommander() + ".x and Konvoy " + line.konvoy() + ".x";
  }

  /** A loss of support learned of after its day: when it happened, as surely as known. */
  public static String lostSupport(ReleaseLine line, ReleaseLine by, LocalDate date) {
    return allPatches(line)
        + " lost support: it ended "
        + (by.windowed() ? "no later than " : "on ")
        + date
        + ", when "
        + by.label()
        + " shipped ("
        + Phrases.ga(by)
        + ").";
  }
}
