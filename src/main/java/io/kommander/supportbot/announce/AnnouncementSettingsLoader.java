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
      Integer maxLateDays) {}

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
      f = new File(false, List.of(), List.of(30, 7), "09:00", "UTC", 3);
    }
    try {
      AnnouncementSettings s =
          new AnnouncementSettings(
              f.enabled() == null || f.enabled(),
              f.channels() == null ? List.of() : f.channels(),
              f.leadDays() == null ? List.of(30, 7) : f.leadDays(),
              LocalTime.parse(f.time() == null ? "09:00" : f.time()),
              ZoneId.of(f.zone() == null ? "UTC" : f.zone()),
              Duration.ofDays(f.maxLateDays() == null ? 3 : f.maxLateDays()));
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
