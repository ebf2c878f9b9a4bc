package io.kommander.supportbot.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings' own rules: lead days within a year, real channel ids, on only with channels. */
class AnnouncementSettingsTest {
  static AnnouncementSettings settings(boolean enabled, List<String> channels, List<Integer> lead) {
    return new AnnouncementSettings(
        enabled,
        channels,
        lead,
        LocalTime.of(9, 0),
        ZoneOffset.UTC,
        Duration.ofDays(3),
        null,
        null);
  }

  @Test
  void leadDaysFromOneToAYearAreKeptLongestFirstOnce() {
    assertThat(settings(true, List.of(), List.of(1, 365, 7, 7)).leadDays())
        .containsExactly(365, 7, 1);
    for (int days : new int[] {0, 366, -7}) {
      assertThatThrownBy(() -> settings(true, List.of(), List.of(days)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("leadDays must be 1 to 365, was " + days);
    }
  }

  @Test
  void channelsMustBeSlackChannelIds() {
    assertThat(settings(true, List.of("C0123456", "G0123456", "D0123456"), List.of()).channels())
        .hasSize(3);
    for (String bad : new String[] {"#support", "C01234", "c0123456", "U0123456"}) {
      assertThatThrownBy(() -> settings(true, List.of(bad), List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "' is not a Slack channel id");
    }
  }

  @Test
  void activeOnlyWhenEnabledWithChannels() {
    assertThat(settings(true, List.of("C0123456"), List.of()).active()).isTrue();
    assertThat(settings(false, List.of("C0123456"), List.of()).active()).isFalse();
    assertThat(settings(true, List.of(), List.of()).active()).isFalse();
    assertThat(settings(true, List.of(), List.of()).withChannels(List.of("C0123456")).active())
        .isTrue();
  }

  @Test
  void lookDefaultsWhenNotGivenAndTheClaimTimeoutIsNoLongerTheirs() {
    AnnouncementSettings s = settings(true, List.of(), List.of());
    assertThat(s.lookEvery()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.claimTimeout()).isEmpty(); // the outbox's lease: DeliverySettings
  }
}
