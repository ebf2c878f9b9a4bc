package io.kommander.supportbot.query;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The day a question is about comes only from the asker's words: "as of 2025-06-01", "on
 * 2024-09-15", "in March 2026", "on 1 July 2026", "was X supported in June 2022". A date anywhere
 * else (a helm UPDATED column, a log line, a ticket's Created field, a change freeze "from … until
 * …", a licence's expiry, an e-mail's Sent line) is not the day asked about (issue 35: a helm
 * listing's timestamp made an in-doubt line "supported" as of its day).
 */
final class AskedDay {
  /** Words that put the date after them as the day asked about ("of" only after "as"). */
  private static final Set<String> CUES =
      Set.of("on", "in", "at", "by", "of", "im", "am", "en", "em", "au");

  /**
   * Words that make a date the day something happened, not the day asked about: "came out in April
   * 2026", "upgraded on 2026-03-02", "expires in January 2027".
   */
  private static final Set<String> EVENTS =
      Set.of(
          "out",
          "released",
          "shipped",
          "upgraded",
          "installed",
          "deployed",
          "patched",
          "dated",
          "created",
          "updated",
          "expires",
          "expired",
          "ends",
          "since",
          "started",
          "went");

  private static final Map<String, Month> MONTHS = new HashMap<>();

  static {
    for (Month m : Month.values()) {
      MONTHS.put(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
      MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
    }
    MONTHS.put("sept", Month.SEPTEMBER);
    String[][] elsewhere = {
      {"januar", "enero", "janvier", "janeiro"},
      {"februar", "febrero", "février", "fevereiro"},
      {"märz", "marz", "marzo", "mars", "março"},
      {"abril", "avril"},
      {"mai", "mayo", "maio"},
      {"juni", "junio", "juin", "junho"},
      {"juli", "julio", "juillet", "julho"},
      {"agosto", "août"},
      {"septiembre", "septembre", "setembro"},
      {"oktober", "octubre", "octobre", "outubro"},
      {"noviembre", "novembre", "novembro"},
      {"dezember", "diciembre", "décembre", "dezembro"}
    };
    for (int i = 0; i < elsewhere.length; i++) {
      for (String name : elsewhere[i]) {
        MONTHS.putIfAbsent(name, Month.of(i + 1));
      }
    }
  }

  private String before = "";
  private String last = "";

  /** A month named after a cue ("in March", "on 1 July"), waiting for its year. */
  private Month month;

  private int day = 1;

  /** Every word and number read, in order. */
  void word(String lower) {
    Month m = MONTHS.get(lower);
    if (m != null && cued(last, before)) {
      month = m;
      day = 1;
    } else if (m != null && isDay(last) && CUES.contains(before)) {
      month = m;
      day = Integer.parseInt(last);
    } else if (!isDay(lower)) {
      month = null;
    }
    before = last;
    last = lower;
  }

  /** Whether a date token standing now is one the asker put the question on. */
  boolean cued() {
    return cued(last, before);
  }

  /** The day a year completes ("in March" then "2026"), when one is waiting. */
  Optional<LocalDate> year(String token) {
    if (month == null || token.length() != 4) {
      return Optional.empty();
    }
    int year = Integer.parseInt(token);
    Month m = month;
    month = null;
    if (year < 2000 || year > 2100 || day > m.length(year % 4 == 0)) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.of(year, m, day));
  }

  private static boolean cued(String last, String before) {
    return CUES.contains(last)
        && (!last.equals("of") || before.equals("as"))
        && !EVENTS.contains(before);
  }

  private static boolean isDay(String word) {
    return !word.isEmpty() && word.length() <= 2 && Scan.digitsEnd(word, 0) == word.length();
  }
}
