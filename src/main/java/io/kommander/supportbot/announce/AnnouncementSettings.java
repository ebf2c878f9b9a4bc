package io.kommander.supportbot.announce;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * When and where end-of-support announcements go ({@code config/announcements.yaml}).
 *
 * @param leadDays how many days before a support end to warn, e.g. 30 and 7
 * @param time local time of day the posts go out
 * @param maxLate how late a missed post may still go out (the bot was down); older ones are skipped
 * @param lookEvery how often the scheduler looks (also right after a catalog change); null: 1
 *     minute
 * @param claimTimeout {@code claimTimeoutSeconds}, deprecated: the outbox's lease governs every
 *     post, not only announcements, and is {@code OUTBOX_LEASE_SECONDS} now ({@code
 *     DeliverySettings}); still read so an older file keeps its meaning
 */
public record AnnouncementSettings(
    boolean enabled,
    List<String> channels,
    List<Integer> leadDays,
    LocalTime time,
    ZoneId zone,
    Duration maxLate,
    Duration lookEvery,
    Optional<Duration> claimTimeout) {

  public AnnouncementSettings {
    lookEvery = lookEvery == null ? Duration.ofMinutes(1) : lookEvery;
    claimTimeout = claimTimeout == null ? Optional.empty() : claimTimeout;
    channels = List.copyOf(channels);
    leadDays = leadDays.stream().distinct().sorted((a, b) -> b - a).toList();
    for (int days : leadDays) {
      if (days < 1 || days > 365) {
        throw new IllegalArgumentException("leadDays must be 1 to 365, was " + days);
      }
    }
    for (String channel : channels) {
      if (!channel.matches("[CGD][A-Z0-9]{6,}")) {
        throw new IllegalArgumentException(
            "'" + channel + "' is not a Slack channel id (like C0123456789)");
      }
    }
  }

  public AnnouncementSettings withChannels(List<String> override) {
    return new AnnouncementSettings(
        enabled, override, leadDays, time, zone, maxLate, lookEvery, claimTimeout);
  }

  public boolean active() {
    return enabled && !channels.isEmpty();
  }
}
