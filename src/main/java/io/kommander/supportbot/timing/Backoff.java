package io.kommander.supportbot.timing;

import java.time.Duration;

/**
 * Waits that double after each failure, from {@code first} up to {@code max}: with 1 s and 30 s, 1
 * s, 2 s, 4 s, 8 s, 16 s, then every 30 s.
 */
public record Backoff(Duration first, Duration max) {
  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("a back-off needs 0 < first <= max");
    }
  }

  /** How long to wait after the {@code failures}th failure in a row (1 for the first). */
  public Duration after(int failures) {
    Duration wait = first;
    for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
