package io.kommander.supportbot.announce;

import io.kommander.supportbot.announce.Ledger.Entry;
import io.kommander.supportbot.announce.Ledger.State;
import io.kommander.supportbot.announce.SlackPoster.Outcome;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.timing.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts due announcements exactly once. Each look ({@link #tick}) recomputes the plan from the
 * catalog in force, so a changed planned date reschedules by itself. A delivery is claimed in the
 * ledger before posting and marked sent after Slack confirms; a claim left by a process that died
 * is resolved by reading the channel's history for the post's key, then posting only if missing.
 */
public final class AnnouncementScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AnnouncementScheduler.class);

  /** Posts more than this late say so. */
  static final Duration LATE = Duration.ofHours(1);

  private final Supplier<PolicyService> policy;
  private final AnnouncementSettings settings;
  private final AnnouncementPlanner planner;
  private final Ledger ledger;
  private final SlackPoster poster;
  private final Clock clock;
  private final Duration claimTimeout;
  private final String owner = "bot-" + UUID.randomUUID().toString().substring(0, 8);
  private final ScheduledExecutorService timer = Timers.daemon("announcements");

  /**
   * @param claimTimeout a claim older than this is taken to belong to a dead process (0 for a
   *     ledger only this process uses)
   */
  public AnnouncementScheduler(
      Supplier<PolicyService> policy,
      AnnouncementSettings settings,
      Ledger ledger,
      SlackPoster poster,
      Clock clock,
      Duration claimTimeout) {
    this.policy = policy;
    this.settings = settings;
    this.planner = new AnnouncementPlanner(settings);
    this.ledger = ledger;
    this.poster = poster;
    this.clock = clock;
    this.claimTimeout = claimTimeout;
  }

  /** Looks at once (catching up on what was missed while down), then every {@code interval}. */
  public AnnouncementScheduler start(Duration interval) {
    timer.scheduleWithFixedDelay(this::safeTick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Asks for a look soon, e.g. after a catalog change; nothing once closed. */
  public void wake() {
    try {
      timer.execute(this::safeTick);
    } catch (RejectedExecutionException closed) {
      log.debug("Announcements are stopped; ignoring a wake-up");
    }
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.error("Announcement round failed; will retry: {}", e.getMessage(), e);
    }
  }

  /** One look: posts every due, unrecorded delivery. Returns how many were posted. */
  public synchronized int tick() {
    if (!settings.active()) {
      return 0;
    }
    SupportPolicy rules = policy.get().policy();
    Instant now = clock.instant();
    int posted = 0;
    for (Announcement a : planner.plan(rules, now)) {
      if (a.due().isAfter(now)) {
        break; // soonest first
      }
      for (String channel : settings.channels()) {
        posted += deliver(a, channel, rules, now) ? 1 : 0;
      }
    }
    return posted;
  }

  private boolean deliver(Announcement a, String channel, SupportPolicy rules, Instant now) {
    String key = a.key(channel);
    Optional<Entry> entry = ledger.get(key);
    if (entry.isPresent() && entry.get().state() == State.CLAIMED) {
      // With a zero timeout (a ledger only this process uses) any claim found is a dead one.
      Instant staleBefore = claimTimeout.isZero() ? now.plusSeconds(1) : now.minus(claimTimeout);
      if (!ledger.takeOver(key, owner, staleBefore, now)) {
        return false; // another replica is on it
      }
      try {
        Optional<String> ts = poster.findPosted(channel, key, entry.get().updated());
        if (ts.isPresent()) {
          log.info("Announcement {} was posted before a restart; recorded now", key);
          ledger.sent(key, ts.get(), now);
          return false;
        }
      } catch (SlackPoster.HistoryUnavailable e) {
        ledger.release(
            key,
            "cannot read channel history to check for an earlier post: " + e.getMessage(),
            now);
        log.warn(
            "Not posting {}: cannot tell whether it was posted before a restart ({})",
            key,
            e.getMessage());
        return false; // at most once: never risk a duplicate
      }
    } else if (!ledger.claim(key, owner, now)) {
      return false; // sent, failed, or claimed by another replica just now
    }
    boolean late = Duration.between(a.due(), now).compareTo(LATE) > 0;
    Outcome outcome = poster.post(channel, AnnouncementMessages.render(a, rules, late), key, now);
    if (outcome instanceof SlackPoster.Sent s) {
      ledger.sent(key, s.ts(), clock.instant());
      log.info("Announced {}{}", key, late ? " (late)" : "");
      return true;
    } else if (outcome instanceof SlackPoster.Permanent p) {
      ledger.failed(key, p.error(), clock.instant());
      log.error(
          "Announcement {} to {} failed for good: {} (fix the channel or token; it will not be retried)",
          key,
          channel,
          p.error());
    } else {
      ledger.release(key, ((SlackPoster.Transient) outcome).reason(), clock.instant());
    }
    return false;
  }

  /** What is coming, for "/kommander-support announcements". */
  public List<Announcement> upcoming() {
    return planner.upcoming(policy.get().policy(), clock.instant());
  }

  public AnnouncementSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
