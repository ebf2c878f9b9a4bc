package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a line loses support: the day the line {@code window} minors newer ships. The policy never
 * publishes these dates; they are derived from release (or planned) dates.
 *
 * @param by the release whose arrival ends support
 * @param date its release or planned date; null when it is planned but not scheduled
 */
public record Ending(ReleaseLine by, LocalDate date) {
  public Optional<LocalDate> when() {
    return Optional.ofNullable(date);
  }

  public boolean planned() {
    return by.isPlanned();
  }
}
