package io.kommander.supportbot.api;

import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.SupportEnd;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.ReplyPhrases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code /api/v1/calendar.ics}: an iCalendar (RFC 5545) feed with an all-day event per end of
 * support and per dated planned release. UIDs name the line, not the date, so a subscribed calendar
 * moves an event when its date moves instead of adding a second one. Written directly: the format
 * is a few dozen lines of text, and ical4j (which the tests parse it with) would add 3 MB to the
 * jar and to start-up.
 */
final class SupportCalendar {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final String DOMAIN = "kommander-support-bot";

  /**
   * @param include which lines to show (a product, a line, supported only)
   * @param alarmDays reminders this many days before each event
   */
  record Options(Predicate<ReleaseLine> include, boolean supportedOnly, List<Integer> alarmDays) {}

  private SupportCalendar() {}

  static String write(SupportPolicy policy, LocalDate today, Instant now, Options options) {
    Ics ics = new Ics();
    ics.line("BEGIN:VCALENDAR");
    ics.line("VERSION:2.0");
    ics.line("PRODID:-//" + DOMAIN + "//support calendar//EN");
    ics.line("CALSCALE:GREGORIAN");
    ics.line("METHOD:PUBLISH");
    ics.property("X-WR-CALNAME", "Kommander, DKP and NKP support");
    ics.line("REFRESH-INTERVAL;VALUE=DURATION:PT12H");
    ics.line("X-PUBLISHED-TTL:PT12H");
    List<ReleaseLine> supported = policy.supportedOn(today);
    for (SupportEnd end : policy.endingsFrom(policy.catalog().historyStart().orElse(today))) {
      ReleaseLine line = end.line();
      if (!options.include().test(line) || (options.supportedOnly() && !supported.contains(line))) {
        continue;
      }
      ReleaseLine by = end.ending().by();
      event(
          ics,
          "end-of-support-" + line.kommander(),
          end.ending().date(),
          now,
          "End of support: "
              + line.label()
              + " ("
              + by.release()
              + (by.isPlanned() ? " planned)" : " ships)"),
          "Under the N-2 policy, "
              + line.label()
              + " loses support when "
              + by.release()
              + (by.isPlanned() ? " is planned to ship" : " ships")
              + ". "
              + ReplyPhrases.DERIVED
              + (line.approximate() || by.approximate() ? " " + CatalogPhrases.APPROXIMATE : ""),
          "End of support",
          options.alarmDays());
    }
    for (ReleaseLine line : policy.catalog().lines()) {
      Optional<LocalDate> planned = Optional.ofNullable(line.planned());
      if (line.isPlanned() && planned.isPresent() && options.include().test(line)) {
        event(
            ics,
            "release-" + line.kommander(),
            planned.get(),
            now,
            "Planned release: " + line.label(),
            "Planned in the release catalog; the day it ships, the oldest supported line loses"
                + " support.",
            "Release",
            options.alarmDays());
      }
    }
    ics.line("END:VCALENDAR");
    return ics.toString();
  }

  private static void event(
      Ics ics,
      String id,
      LocalDate day,
      Instant now,
      String summary,
      String description,
      String category,
      List<Integer> alarmDays) {
    ics.line("BEGIN:VEVENT");
    ics.line("UID:" + id + "@" + DOMAIN);
    ics.line("DTSTAMP:" + STAMP.format(now));
    ics.line("DTSTART;VALUE=DATE:" + DAY.format(day));
    ics.line("DTEND;VALUE=DATE:" + DAY.format(day.plusDays(1)));
    ics.property("SUMMARY", summary);
    ics.property("DESCRIPTION", description);
    ics.property("CATEGORIES", category);
    ics.line("TRANSP:TRANSPARENT");
    for (int days : alarmDays) {
      ics.line("BEGIN:VALARM");
      ics.line("ACTION:DISPLAY");
      ics.property("DESCRIPTION", summary + " in " + days + " days");
      ics.line("TRIGGER:-P" + days + "D");
      ics.line("END:VALARM");
    }
    ics.line("END:VEVENT");
  }

  /** Content lines: CRLF endings, folded at 75 octets, TEXT values escaped. */
  private static final class Ics {
    private final StringBuilder out = new StringBuilder();

    void property(String name, String text) {
      line(
          name
              + ":"
              + text.replace("\\", "\\\\")
                  .replace(";", "\\;")
                  .replace(",", "\\,")
                  .replace("\n", "\\n"));
    }

    void line(String content) {
      int octets = 0;
      for (int i = 0; i < content.length(); ) {
        int cp = content.codePointAt(i);
        int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its UTF-8 octets
        if (octets + size > 75) {
          out.append("\r\n ");
          octets = 1;
        }
        out.appendCodePoint(cp);
        octets += size;
        i += Character.charCount(cp);
      }
      out.append("\r\n");
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
