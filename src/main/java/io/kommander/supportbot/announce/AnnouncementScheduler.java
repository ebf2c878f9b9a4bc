package io.kommander.supportbot.announce;

import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import io.kommander.supportbot.timing.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts due announcements exactly once. Each look ({@link #tick}) recomputes the plan from the
 * catalog in force, so a changed planned date reschedules by itself. Each delivery (announcement
 * and channel) goes through the {@link Outbox}, which records it, posts it once and recovers it
 * after a crash.
 */
public final class AnnouncementScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AnnouncementScheduler.class);

  /** Posts more than this late say so. */
  static final Duration LATE = Duration.ofHours(1);

  private final Supplier<PolicyService> policy;
  private final AnnouncementSettings settings;
  private final AnnouncementPlanner planner;
  private final Outbox outbox;
  private final Clock clock;
  private final ScheduledExecutorService timer = Timers.daemon("announcements");

  /**
   * @param outbox posts each announcement once, shared with mention replies
   */
  public AnnouncementScheduler(
      Supplier<PolicyService> policy, AnnouncementSettings settings, Outbox outbox, Clock clock) {
    this.policy = policy;
    this.settings = settings;
    this.planner = new AnnouncementPlanner(settings);
    this.outbox = outbox;
    this.clock = clock;
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
    boolean late = Duration.between(a.due(), now).compareTo(LATE) > 0;
    SlackMessage message = AnnouncementMessages.render(a, rules, late);
    if (outbox.record(new Post(key, channel, null, message.text(), message.blocksJson()))) {
      log.info("Announcing {}{}", key, late ? " (late)" : "");
    }
    return outbox.deliver(key);
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
    Timers.stop(timer, Duration.ofSeconds(10)); // a post in flight finishes
  }
}
