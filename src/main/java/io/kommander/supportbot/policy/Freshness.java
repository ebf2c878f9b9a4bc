package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How far the catalog can be trusted about {@code asOf}. Evidence vouches for it up to a day: a
 * person's review, or a successful look at upstream's release tags that found nothing unreviewed.
 * Past that, it may be stale when the review is old, or when more time has passed since the later
 * of the review and the newest line than lines have lately come apart: a newer line may have
 * shipped, pushing the oldest supported one out.
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
    Optional<ReleaseLine> nextToDrop,
    Upstream upstream) {

  public long reviewAgeDays() {
    return ChronoUnit.DAYS.between(review.reviewed(), asOf);
  }

  public long newestAgeDays() {
    return newest.released() == null ? 0 : ChronoUnit.DAYS.between(newest.released(), asOf);
  }

  public boolean reviewStale() {
    return reviewAgeDays() > review.maxAgeDays();
  }

  /** A release is overdue: the reviewer vouched nothing newer had shipped only up to the review. */
  public boolean releaseStale() {
    LocalDate known =
        newest.released() == null || newest.released().isBefore(review.reviewed())
            ? review.reviewed()
            : newest.released();
    return cadenceDays > 0 && ChronoUnit.DAYS.between(known, asOf) > cadenceDays;
  }

  /** Whether answers about {@code asOf} should say they may be out of date. */
  public boolean stale() {
    return !upstream.vouchesFor(asOf) && (reviewStale() || releaseStale());
  }
}
