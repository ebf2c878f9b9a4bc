package io.kommander.supportbot.policy;

import java.time.LocalDate;

/**
 * When a person last checked the catalog against the vendor's release notes, and how long that
 * stays good.
 *
 * @param maxAgeDays answers about days later than this after the review say they may be stale
 * @param cadenceGaps the release cadence is the longest gap between consecutive lines among the
 *     last this many
 */
public record Review(LocalDate reviewed, String against, int maxAgeDays, int cadenceGaps) {
  public Review {
    if (reviewed == null) {
      throw new CatalogRuleException("reviewed", "reviewed is missing: the day of the last review");
    }
    if (maxAgeDays < 1 || maxAgeDays > 3650) {
      throw new CatalogRuleException(
          "maxAgeDays", "maxAgeDays must be between 1 and 3650, was " + maxAgeDays);
    }
    cadenceGaps = cadenceGaps == 0 ? 5 : cadenceGaps;
    if (cadenceGaps < 1 || cadenceGaps > 50) {
      throw new CatalogRuleException(
          "cadenceGaps", "cadenceGaps must be between 1 and 50, was " + cadenceGaps);
    }
  }
}
