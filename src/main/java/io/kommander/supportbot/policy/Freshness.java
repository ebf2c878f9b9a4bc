package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

  /**
   * How far {@code catalog} can be trusted about {@code date}, given the lines {@code supported}
   * then. The cadence is the longest gap between consecutive released lines among the review's last
   * {@code cadenceGaps}.
   */
  static Freshness of(
      Catalog catalog, LocalDate date, List<ReleaseLine> supported, Upstream upstream) {
    List<LocalDate> dates =
        catalog.lines().stream()
            .filter(l -> l.status() == ReleaseStatus.RELEASED && l.released() != null)
            .map(ReleaseLine::released)
            .toList();
    long cadence = 0;
    for (int i = Math.max(1, dates.size() - catalog.review().cadenceGaps());
        i < dates.size();
        i++) {
      cadence = Math.max(cadence, ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i)));
    }
    ReleaseLine newest =
        catalog.lines().stream()
            .filter(l -> l.status() == ReleaseStatus.RELEASED)
            .reduce((a, b) -> b)
            .orElse(catalog.lines().get(0));
    Optional<ReleaseLine> next =
        supported.size() < catalog.settings().window()
            ? Optional.empty()
            : Optional.of(supported.get(0));
    return new Freshness(date, catalog.review(), newest, cadence, next, upstream);
  }

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
