package io.kommander.supportbot.delivery;

import io.kommander.supportbot.delivery.Ledger.Claim;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A claim in the ledger held as a lease: each renewal extends it to {@code length} from now, and
 * only while the ledger still shows this holder's owner and fencing token. Renewed every third of
 * its length, so one renewal can fail (a slow ledger) and the claim still stands.
 */
final class ClaimLease implements Lease {
  private static final Logger log = LoggerFactory.getLogger(ClaimLease.class);

  private final Ledger ledger;
  private final Claim claim;
  private final Clock clock;
  private final Duration length;

  ClaimLease(Ledger ledger, Claim claim, Clock clock, Duration length) {
    this.ledger = ledger;
    this.claim = claim;
    this.clock = clock;
    this.length = length;
  }

  Claim claim() {
    return claim;
  }

  @Override
  public boolean renew() {
    try {
      if (ledger.renew(claim, clock.instant().plus(length))) {
        return true;
      }
      log.warn("{} was taken over by another poster; this one stops", claim.key());
    } catch (RuntimeException e) {
      // Unconfirmed is as good as lost: sending now could overlap a takeover.
      log.warn("Cannot renew the claim on {}: {}; this poster stops", claim.key(), e.getMessage());
    }
    return false;
  }

  @Override
  public Duration renewEvery() {
    return length.dividedBy(3);
  }
}
