package io.kommander.supportbot.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnouncementSettingsLoaderTest {
  @TempDir Path dir;

  @Test
  void noFileMeansTheDefaultsSwitchedOff() {
    AnnouncementSettings s =
        AnnouncementSettingsLoader.load(dir.resolve("missing.yaml"), Optional.empty());
    assertThat(s.enabled()).isFalse();
    assertThat(s.leadDays()).containsExactly(30, 7);
    assertThat(s.time()).isEqualTo(LocalTime.of(9, 0));
    assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(s.maxLate()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void theFileSetsWhatItNamesAndTheEnvironmentOverridesChannels() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.yaml"),
            "channels: [C0FILE0001]\nleadDays: [7, 14]\ntime: \"08:30\"\nzone: Europe/Berlin\n");
    AnnouncementSettings s = AnnouncementSettingsLoader.load(file, Optional.empty());
    assertThat(s.enabled()).isTrue();
    assertThat(s.channels()).containsExactly("C0FILE0001");
    assertThat(s.leadDays()).containsExactly(14, 7); // furthest first
    assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(
            AnnouncementSettingsLoader.load(file, Optional.of(" C0ENV00001 , C0ENV00002 "))
                .channels())
        .isEqualTo(List.of("C0ENV00001", "C0ENV00002"));
  }

  @Test
  void aBadValueNamesTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "channels: [general]\n");
    assertThatThrownBy(() -> AnnouncementSettingsLoader.load(file, Optional.empty()))
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("'general' is not a Slack channel id");
  }

  @Test
  void theOldClaimTimeoutIsStillReadForTheOutboxToFallBackOn() throws Exception {
    Path old = Files.writeString(dir.resolve("old.yaml"), "claimTimeoutSeconds: 240\n");
    assertThat(AnnouncementSettingsLoader.load(old, Optional.empty()).claimTimeout())
        .contains(Duration.ofMinutes(4));
    Path current = Files.writeString(dir.resolve("new.yaml"), "lookEverySeconds: 30\n");
    assertThat(AnnouncementSettingsLoader.load(current, Optional.empty()).claimTimeout()).isEmpty();
  }
}
