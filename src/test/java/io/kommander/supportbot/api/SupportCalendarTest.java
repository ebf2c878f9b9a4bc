package io.kommander.supportbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.SupportPolicy;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The calendar feed, parsed by a real iCalendar library as a calendar client would. */
class SupportCalendarTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  static String calendar(SupportPolicy policy, SupportCalendar.Options options) throws Exception {
    return SupportCalendar.write(policy, TODAY, NOW, options);
  }

  static Map<String, VEvent> byUid(Calendar cal) {
    List<VEvent> events = cal.getComponents("VEVENT");
    return events.stream().collect(Collectors.toMap(e -> value(e, "UID"), e -> e, (a, b) -> a));
  }

  static String value(VEvent e, String property) {
    return e.getProperty(property).orElseThrow().getValue();
  }

  static SupportCalendar.Options all(List<Integer> alarms) {
    return new SupportCalendar.Options(l -> true, false, alarms);
  }

  @Test
  void eachEndOfSupportAndPlannedReleaseIsAnAllDayEventWithAlarms() throws Exception {
    SupportPolicy policy = new SupportPolicy(TestCatalogs.withPlanned());
    Map<String, VEvent> events = byUid(parse(calendar(policy, all(List.of(30, 7)))));
    // Every dated line from 1.4 on ends one (17 ends), and 2.18 is also a planned release.
    assertThat(events).hasSize(18);
    VEvent end = events.get("end-of-support-2.15@kommander-support-bot");
    assertThat(value(end, "DTSTART")).isEqualTo("20270115");
    assertThat(value(end, "DTEND")).isEqualTo("20270116");
    assertThat(value(end, "SUMMARY")).isEqualTo("End of support: NKP 2.15 (NKP 2.18 planned)");
    assertThat(value(end, "DESCRIPTION"))
        .contains("derived from the N-2 policy")
        .contains("approximate");
    List<VAlarm> alarms = end.getAlarms();
    assertThat(
            alarms.stream()
                .map(a -> a.getProperty("TRIGGER").orElseThrow().getValue()) // ical4j says -P1W
                .map(t -> java.time.Period.parse(t.substring(1)).getDays()))
        .containsExactly(30, 7);
    VEvent release = events.get("release-2.18@kommander-support-bot");
    assertThat(value(release, "SUMMARY")).isEqualTo("Planned release: NKP 2.18");
    assertThat(value(events.get("end-of-support-1.4@kommander-support-bot"), "SUMMARY"))
        .isEqualTo("End of support: Kommander 1.4 / Konvoy 1.8 (DKP 2.2 ships)");
  }

  @Test
  void aMovedDateMovesTheEventAndKeepsItsUid() throws Exception {
    String moved =
        TestCatalogs.withPlannedText().replace("planned: 2027-01-15", "planned: 2027-03-01");
    SupportPolicy before = new SupportPolicy(TestCatalogs.withPlanned());
    SupportPolicy after = new SupportPolicy(new CatalogLoader().parse("moved.yaml", moved));
    VEvent was =
        byUid(parse(calendar(before, all(List.of()))))
            .get("end-of-support-2.15@kommander-support-bot");
    VEvent is =
        byUid(parse(calendar(after, all(List.of()))))
            .get("end-of-support-2.15@kommander-support-bot");
    assertThat(value(was, "DTSTART")).isEqualTo("20270115");
    assertThat(value(is, "DTSTART")).isEqualTo("20270301");
    assertThat(is.getAlarms()).isEmpty();
  }

  @Test
  void filtersKeepOneProductOrOnlyTheSupportedLines() throws Exception {
    SupportPolicy policy = new SupportPolicy(TestCatalogs.withPlanned());
    Map<String, VEvent> dkp =
        byUid(
            parse(
                calendar(
                    policy,
                    new SupportCalendar.Options(
                        l -> l.product() == Product.DKP, false, List.of(14)))));
    assertThat(dkp.keySet()).allMatch(uid -> uid.matches("end-of-support-2\\.[2-8]@.*")).hasSize(7);
    Map<String, VEvent> supported =
        byUid(parse(calendar(policy, new SupportCalendar.Options(l -> true, true, List.of()))));
    assertThat(supported.keySet())
        .containsExactlyInAnyOrder(
            "end-of-support-2.15@kommander-support-bot", // 2.16 ends with 2.19: no date yet
            "release-2.18@kommander-support-bot");
  }
}
