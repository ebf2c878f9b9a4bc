package io.kommander.supportbot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock the test moves by hand. */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  public ManualClock(String instant) {
    now = new AtomicReference<>(Instant.parse(instant));
  }

  public void set(String instant) {
    now.set(Instant.parse(instant));
  }

  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
