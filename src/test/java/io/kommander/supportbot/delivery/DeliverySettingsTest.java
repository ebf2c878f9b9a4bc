package io.kommander.supportbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kommander.supportbot.Config;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The outbox's settings come from the environment, apart from the announcements', and the claim
 * timeout an older announcements file sets is still honoured when the environment says nothing.
 */
class DeliverySettingsTest {
  static DeliverySettings fromEnv(Map<String, String> env) {
    return Config.fromEnv(env).delivery();
  }

  @Test
  void theDefaultsAreAMinuteEach() {
    DeliverySettings s = fromEnv(Map.of());
    assertThat(s.lease()).isEmpty();
    assertThat(s.lease(Optional.empty())).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.recoverEvery()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void theEnvironmentSetsBothAndWinsOverTheOldAnnouncementsKey() {
    DeliverySettings s =
        fromEnv(Map.of("OUTBOX_LEASE_SECONDS", "45", "OUTBOX_RECOVERY_SECONDS", " 5 "));
    assertThat(s.lease(Optional.of(Duration.ofMinutes(3)))).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.recoverEvery()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theOldClaimTimeoutIsTheLeaseWhenTheEnvironmentSaysNothing() {
    assertThat(fromEnv(Map.of()).lease(Optional.of(Duration.ofSeconds(240))))
        .isEqualTo(Duration.ofSeconds(240));
  }

  @Test
  void valuesOutOfRangeNameTheVariable() {
    assertThatThrownBy(() -> fromEnv(Map.of("OUTBOX_LEASE_SECONDS", "0")))
        .hasMessage("OUTBOX_LEASE_SECONDS must be a number from 1 to 3600, was '0'");
    assertThatThrownBy(() -> fromEnv(Map.of("OUTBOX_RECOVERY_SECONDS", "soon")))
        .hasMessage("OUTBOX_RECOVERY_SECONDS must be a number from 1 to 3600, was 'soon'");
  }
}
