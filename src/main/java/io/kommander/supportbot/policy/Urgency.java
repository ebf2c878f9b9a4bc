package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How soon a cluster on a line must move, as a number to sort by (smaller first): out of support
 * first, then in doubt, then supported lines by the day their support ends (undated ends last).
 */
final class Urgency implements Support.Visitor<Long> {
  private static final long GONE = 0;
  private static final long DOUBT = 1;
  private static final long SUPPORTED = 1_000;
  private static final long UNDATED = 1_000_000;

  private final LocalDate asOf;

  private Urgency(LocalDate asOf) {
    this.asOf = asOf;
  }

  static long of(Support support, LocalDate asOf) {
    return support.accept(new Urgency(asOf));
  }

  @Override
  public Long supported(Support.Supported s) {
    return s.ends()
        .flatMap(Ending::when)
        .map(d -> SUPPORTED + Math.max(0, ChronoUnit.DAYS.between(asOf, d)))
        .orElse(UNDATED);
  }

  @Override
  public Long inDoubt(Support.InDoubt s) {
    return DOUBT;
  }

  @Override
  public Long expired(Support.Expired s) {
    return GONE;
  }

  @Override
  public Long predates(Support.Predates s) {
    return GONE;
  }

  @Override
  public Long notYetReleased(Support.NotYetReleased s) {
    return UNDATED + 1;
  }

  @Override
  public Long unconfirmed(Support.Unconfirmed s) {
    return UNDATED + 1;
  }

  @Override
  public Long neverReleased(Support.NeverReleased s) {
    return GONE;
  }

  @Override
  public Long unknown(Support.Unknown s) {
    return GONE;
  }
}
