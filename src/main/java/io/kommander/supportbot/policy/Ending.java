package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a line loses support: the day the line {@code window} minors newer ships. The policy never
 * publishes these dates; they are derived from release (or planned) dates.
 *
 * @param by the release whose arrival ends support
 * @param date the day support had surely ended by (its release or planned date; the last day of its
 *     GA window); null when it is planned but not scheduled
 */
public record Ending(ReleaseLine by, LocalDate date) {
  /** The ending {@code by} brings, dated as surely as the catalog can. */
  public static Ending of(ReleaseLine by) {
    return new Ending(by, by.shippedNoLaterThan().orElse(null));
  }

  public Optional<LocalDate> when() {
    return Optional.ofNullable(date);
  }

  public boolean planned() {
    return by.isPlanned();
  }

  /** Known only as a window ("no later than"), or resting on an unconfirmed report. */
  public boolean uncertain() {
    return by.windowed() || by.isReported();
  }
}
