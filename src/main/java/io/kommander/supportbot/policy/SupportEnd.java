package io.kommander.supportbot.policy;

import java.time.LocalDate;

/** A line losing support: {@code line} drops out of the window when {@code ending.by()} ships. */
public record SupportEnd(ReleaseLine line, Ending ending) {
  /** The catalog learned of the release that ended support only after the day it did. */
  public boolean learnedLate() {
    LocalDate learned = ending.by().learned();
    return learned != null && learned.isAfter(ending.date());
  }
}
