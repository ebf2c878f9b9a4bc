package io.kommander.supportbot.announce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads {@code config/announcements.yaml}; {@code ANNOUNCE_CHANNELS} overrides its channels. */
public final class AnnouncementSettingsLoader {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The file as written. */
  record File(
      Boolean enabled,
      List<String> channels,
      List<Integer> leadDays,
      String time,
      String zone,
      Integer maxLateDays,
      Integer lookEverySeconds,
      /** Deprecated: the outbox's lease, now {@code OUTBOX_LEASE_SECONDS}. */
      Integer claimTimeoutSeconds) {}

  static final List<Integer> DEFAULT_LEAD_DAYS = List.of(30, 7);
  static final String DEFAULT_TIME = "09:00";
  static final String DEFAULT_ZONE = "UTC";
  static final int DEFAULT_MAX_LATE_DAYS = 3;

  private AnnouncementSettingsLoader() {}

  public static AnnouncementSettings load(Path file, Optional<String> channelOverride) {
    File f;
    try {
      f = Files.exists(file) ? YAML.readValue(file.toFile(), File.class) : null;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (f == null) {
      f = new File(false, null, null, null, null, null, null, null); // no file: defaults, off
    }
    try {
      AnnouncementSettings s =
          new AnnouncementSettings(
              f.enabled() == null || f.enabled(),
              f.channels() == null ? List.of() : f.channels(),
              f.leadDays() == null ? DEFAULT_LEAD_DAYS : f.leadDays(),
              LocalTime.parse(f.time() == null ? DEFAULT_TIME : f.time()),
              ZoneId.of(f.zone() == null ? DEFAULT_ZONE : f.zone()),
              Duration.ofDays(f.maxLateDays() == null ? DEFAULT_MAX_LATE_DAYS : f.maxLateDays()),
              f.lookEverySeconds() == null ? null : Duration.ofSeconds(f.lookEverySeconds()),
              Optional.ofNullable(f.claimTimeoutSeconds()).map(Duration::ofSeconds));
      return channelOverride
          .map(
              c ->
                  s.withChannels(
                      Arrays.stream(c.split(","))
                          .map(String::strip)
                          .filter(x -> !x.isEmpty())
                          .toList()))
          .orElse(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
