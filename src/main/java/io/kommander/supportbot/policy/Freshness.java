package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How far the catalog can be trusted about {@code asOf}. The catalog may be stale for that day when
 * the day is long after its last review, or longer after its newest line than lines have lately
 * come apart: a newer line may have shipped, pushing the oldest supported one out.
 *
 * @param newest the newest released line in the catalog
 * @param cadenceDays the longest recent gap between consecutive lines
 * @param nextToDrop the line a newer release would push out on {@code asOf}
 */
public record Freshness(
    LocalDate asOf,
    Review review,
    ReleaseLine newest,
    long cadenceDays,
    Optional<ReleaseLine> nextToDrop) {

  public long reviewAgeDays() {
    return ChronoUnit.DAYS.between(review.reviewed(), asOf);
  }

  public long newestAgeDays() {
    return newest.released() == null ? 0 : ChronoUnit.DAYS.between(newest.released(), asOf);
  }

  public boolean reviewStale() {
    return reviewAgeDays() > review.maxAgeDays();
  }

  public boolean releaseStale() {
    return cadenceDays > 0 && newestAgeDays() > cadenceDays;
  }

  /** Whether answers about {@code asOf} should say they may be out of date. */
  public boolean stale() {
    return reviewStale() || releaseStale();
  }
}
