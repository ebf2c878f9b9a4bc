package io.kommander.supportbot.delivery;

import io.kommander.supportbot.delivery.Ledger.Claim;
import io.kommander.supportbot.delivery.Ledger.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes posts' claims for one process: a post nobody holds is claimed; a claim whose lease lapsed
 * (its holder died, or was cut off from the ledger) is taken over, and first resolved against what
 * this process knows it posted and then against Slack's history, so a post that went out is
 * recorded, not posted again.
 */
final class Claims {
  private static final Logger log = LoggerFactory.getLogger(Claims.class);

  private final Ledger ledger;
  private final SlackPoster poster;
  private final Outcomes outcomes;
  private final String owner;
  private final Duration lease;

  Claims(Ledger ledger, SlackPoster poster, Outcomes outcomes, String owner, Duration lease) {
    this.ledger = ledger;
    this.poster = poster;
    this.outcomes = outcomes;
    this.owner = owner;
    this.lease = lease;
  }

  /** This process's claim on {@code entry}'s post, to post it; empty if it is not to be posted. */
  Optional<Claim> take(Entry entry, Instant now) {
    return switch (entry.state()) {
      case SENT, FAILED -> Optional.empty();
      case PENDING, RETRY -> ledger.claim(entry.key(), owner, now, now.plus(lease));
      case CLAIMED -> takeOver(entry, now);
    };
  }

  /** A lapsed claim, now ours, whose post is not in Slack; empty if it is not to be posted. */
  private Optional<Claim> takeOver(Entry entry, Instant now) {
    Optional<Claim> claim = ledger.takeOver(entry.key(), owner, now, now.plus(lease));
    if (claim.isEmpty()) {
      return claim; // its holder is still at work, or another process was quicker
    }
    if (outcomes.sentHere(entry.key())) {
      return Optional.empty(); // posted by this process while the ledger was down
    }
    try {
      Optional<String> ts = poster.findPosted(entry.post(), entry.updated());
      if (ts.isPresent()) {
        outcomes.recovered(entry.key(), ts.get());
        return Optional.empty();
      }
      return claim;
    } catch (SlackHistory.HistoryUnavailable e) {
      // At most once: the claim lapses again, and is looked at again then.
      log.warn(
          "Not posting {}: cannot tell whether it was posted before a crash ({})",
          entry.key(),
          e.getMessage());
      return Optional.empty();
    }
  }
}
