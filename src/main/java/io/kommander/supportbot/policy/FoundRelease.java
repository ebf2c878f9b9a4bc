package io.kommander.supportbot.policy;

import java.time.LocalDate;

/**
 * A final release tag seen upstream.
 *
 * @param date the tagged commit's date (a tag came the same day as GA or a little earlier)
 * @param seen the day the watcher first saw it
 */
public record FoundRelease(Version version, LocalDate date, LocalDate seen) {
  public FoundRelease {
    if (version == null || version.patch().isEmpty() || date == null || seen == null) {
      throw new IllegalArgumentException("a found release needs MAJOR.MINOR.PATCH and two dates");
    }
  }
}
