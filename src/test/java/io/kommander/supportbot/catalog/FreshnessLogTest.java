package io.kommander.supportbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FreshnessLogTest {
  private final AtomicReference<PolicyService> service = new AtomicReference<>();

  private void today(String instant) {
    service.set(
        new PolicyService(
            TestCatalogs.april(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
  }

  @Test
  void warnsOnceADayWhileStaleAndNotWhenFresh() {
    FreshnessLog log = new FreshnessLog(service::get);
    today("2026-01-06T10:00:00Z"); // 14 days after NKP 2.17, before the review: fresh
    assertThat(log.check()).isFalse();
    today("2026-11-25T10:00:00Z");
    assertThat(log.check()).isTrue();
    today("2026-11-25T23:00:00Z");
    assertThat(log.check()).isFalse(); // once a day
    today("2026-11-26T00:30:00Z");
    assertThat(log.check()).isTrue();
  }
}
