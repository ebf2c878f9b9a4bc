package io.kommander.supportbot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The supported set on the day before, on, and after each release date. */
class TimeTravelTest {
  private static final SupportPolicy POLICY = new SupportPolicy(TestCatalogs.withPlanned());

  @ParameterizedTest(name = "on {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2021-02-10|1.1 1.2 1.3",
        "2021-05-04|1.1 1.2 1.3",
        "2021-05-05|1.2 1.3 1.4",
        "2021-06-01|1.2 1.3 1.4",
        "2021-08-26|1.3 1.4 2.0",
        "2021-11-19|1.4 2.0 2.1",
        "2022-04-07|1.4 2.0 2.1",
        "2022-04-08|2.0 2.1 2.2",
        "2022-08-16|2.1 2.2 2.3",
        "2023-04-12|2.3 2.4 2.5",
        "2024-05-22|2.6 2.7 2.8",
        "2024-08-27|2.6 2.7 2.8",
        "2024-08-28|2.7 2.8 2.12",
        "2024-12-09|2.8 2.12 2.13",
        "2025-03-04|2.12 2.13 2.14",
        "2025-12-23|2.15 2.16 2.17",
        "2026-11-25|2.15 2.16 2.17",
        "2027-01-14|2.15 2.16 2.17",
        "2027-01-15|2.16 2.17 2.18",
        "2099-01-01|2.16 2.17 2.18"
      })
  void supportedSetFollowsReleaseDates(LocalDate day, String expected) {
    assertThat(POLICY.supportedOn(day).stream().map(l -> l.kommander().toString()))
        .containsExactly(expected.split(" "));
  }

  static Stream<Arguments> datedLines() {
    return POLICY.catalog().lines().stream()
        .filter(l -> l.shipDate().isPresent())
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datedLines")
  void eachLineIsUnreleasedTheDayBeforeItShipsAndSupportedOnTheDay(ReleaseLine line) {
    LocalDate day = line.shipDate().orElseThrow();
    assertThat(POLICY.support(line, day.minusDays(1))).isInstanceOf(Support.NotYetReleased.class);
    assertThat(POLICY.support(line, day)).isInstanceOf(Support.Supported.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datedLines")
  void eachReleasePushesOutTheLineThreeBeforeItOnItsDay(ReleaseLine line) {
    List<ReleaseLine> lines = POLICY.catalog().lines();
    int i = lines.indexOf(line);
    if (i < 3) {
      return; // pushes nothing out
    }
    ReleaseLine pushedOut = lines.get(i - 3);
    LocalDate day = line.shipDate().orElseThrow();
    assertThat(POLICY.support(pushedOut, day.minusDays(1))).isInstanceOf(Support.Supported.class);
    assertThat(POLICY.support(pushedOut, day))
        .isInstanceOfSatisfying(
            Support.Expired.class, e -> assertThat(e.ended().by()).isEqualTo(line));
  }
}
