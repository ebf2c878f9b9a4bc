package io.kommander.supportbot.delivery;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's settings, which govern every post (mention replies, notices, announcements), apart
 * from the announcements': {@code OUTBOX_LEASE_SECONDS} (how long a claim lasts unless its holder
 * renews it; default 60) and {@code OUTBOX_RECOVERY_SECONDS} (how often each replica looks for
 * posts left unfinished; default 60), read by {@code Config}.
 *
 * @param lease empty when not set: then an old {@code claimTimeoutSeconds} in {@code
 *     announcements.yaml} is used, with a warning, or the default
 */
public record DeliverySettings(Optional<Duration> lease, Duration recoverEvery) {
  private static final Logger log = LoggerFactory.getLogger(DeliverySettings.class);

  /**
   * A third of it (20 s) between renewals; well beyond one attempt to post (the Web API client's 10
   * s timeouts) from the check before the send to its end, which must come before the lease can
   * lapse.
   */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

  /** A lease shorter than this can lapse while one attempt against a slow Slack is in flight. */
  static final Duration SAFE_LEASE = Duration.ofSeconds(30);

  public static final DeliverySettings DEFAULT =
      new DeliverySettings(Optional.empty(), Duration.ofMinutes(1));

  /**
   * The lease to use: {@code OUTBOX_LEASE_SECONDS}, else the deprecated {@code claimTimeoutSeconds}
   * of announcements.yaml (read for compatibility, with a warning), else {@link #DEFAULT_LEASE}.
   */
  public Duration lease(Optional<Duration> legacyClaimTimeout) {
    legacyClaimTimeout.ifPresent(
        old ->
            log.warn(
                "claimTimeoutSeconds in the announcements file is deprecated: it governs every"
                    + " post, so it is now OUTBOX_LEASE_SECONDS{}",
                lease.isPresent() ? " (set, so the file's value is ignored)" : "; using it"));
    Duration chosen = lease.or(() -> legacyClaimTimeout).orElse(DEFAULT_LEASE);
    if (chosen.compareTo(SAFE_LEASE) < 0) {
      log.warn(
          "The outbox's lease is {} s: a post whose Slack call outlasts it can go out twice"
              + " (keep it at {} s or more outside tests)",
          chosen.toSeconds(),
          SAFE_LEASE.toSeconds());
    }
    return chosen;
  }
}
