package io.kommander.supportbot.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What watching upstream says about the catalog: when the release tags were last read successfully,
 * and how many final releases they show that no person has reviewed yet.
 */
public record Upstream(Optional<Instant> lastChecked, int unreviewed) {
  public static final Upstream NONE = new Upstream(Optional.empty(), 0);

  /** Checked within a day of {@code asOf} and nothing found that the catalog lacks. */
  public boolean vouchesFor(LocalDate asOf) {
    return unreviewed == 0
        && lastCheckedDay().map(d -> !d.isBefore(asOf.minusDays(1))).orElse(false);
  }

  /** The UTC day of the last successful look. */
  public Optional<LocalDate> lastCheckedDay() {
    return lastChecked.map(at -> at.atZone(ZoneOffset.UTC).toLocalDate());
  }
}
