package io.kommander.supportbot.catalog;

import io.kommander.supportbot.policy.Freshness;
import io.kommander.supportbot.policy.PolicyService;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns in the log, once a day, while today's answers say the catalog may be stale: the bot keeps
 * serving (liveness is not the catalog's age), and operators learn the data needs a review.
 */
public final class FreshnessLog {
  private static final Logger log = LoggerFactory.getLogger(FreshnessLog.class);

  private final Supplier<PolicyService> policy;
  private LocalDate warned;

  public FreshnessLog(Supplier<PolicyService> policy) {
    this.policy = policy;
  }

  /** Checks today's freshness; returns whether it warned (at most once per day). */
  public synchronized boolean check() {
    PolicyService service = policy.get();
    LocalDate today = service.today();
    Freshness f = service.policy().freshness(today);
    if (!f.stale() || today.equals(warned)) {
      return false;
    }
    warned = today;
    log.warn(
        "Release catalog may be stale: reviewed {} ({} days ago), newest line {} shipped {} days"
            + " ago against a cadence of {} days. Review it against the release notes and update"
            + " 'review.reviewed'.",
        f.review().reviewed(),
        f.reviewAgeDays(),
        f.newest().label(),
        f.newestAgeDays(),
        f.cadenceDays());
    return true;
  }
}
