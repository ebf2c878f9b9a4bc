package io.kommander.supportbot.announce;

import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.delivery.Subscriptions.Subscription;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import io.kommander.supportbot.timing.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts due announcements exactly once. Each look ({@link #tick}) recomputes the plan from the
 * catalog in force, so a changed planned date reschedules by itself. An announcement goes to the
 * channels named in configuration and to those subscribed to its line (or to every line). Each
 * delivery (announcement and channel) goes through the {@link Outbox}, which records it, posts it
 * once and recovers it after a crash. Deliveries fan out over a few threads of their own, so a
 * thousand channels neither wait in a line nor take the threads that post mention replies; replicas
 * sharing the ledger take the channels in different orders and so share the work.
 */
public final class AnnouncementScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AnnouncementScheduler.class);

  /** Posts more than this late say so. */
  static final Duration LATE = Duration.ofHours(1);

  /** Posts in flight at once per replica; Slack's limits are per channel and per workspace. */
  static final int FAN_OUT = 8;

  /** Slack's errors for a channel that is gone for the bot: its subscriptions end. */
  static final Set<String> CHANNEL_GONE =
      Set.of("channel_not_found", "is_archived", "not_in_channel");

  private final Supplier<PolicyService> policy;
  private final AnnouncementSettings settings;
  private final AnnouncementPlanner planner;
  private final Outbox outbox;
  private final Subscriptions subscriptions;
  private final Clock clock;
  private final ScheduledExecutorService timer = Timers.daemon("announcements");
  private final ExecutorService fanOut = Timers.pool("announce-post", FAN_OUT);

  /**
   * Deliveries of announcements still in the plan that are finished (sent or failed for good):
   * looks skip them, so a day with a thousand channels does not cost a thousand ledger reads a look
   * for as long as the announcement stays due.
   */
  private final Set<String> finished = ConcurrentHashMap.newKeySet();

  /**
   * @param outbox posts each announcement once, shared with mention replies
   * @param subscriptions the channels that asked for lines' announcements from Slack
   */
  public AnnouncementScheduler(
      Supplier<PolicyService> policy,
      AnnouncementSettings settings,
      Outbox outbox,
      Subscriptions subscriptions,
      Clock clock) {
    this.policy = policy;
    this.settings = settings;
    this.planner = new AnnouncementPlanner(settings);
    this.outbox = outbox;
    this.subscriptions = subscriptions;
    this.clock = clock;
    outbox.onFailure(this::channelGone);
  }

  /** A channel that archived or removed the bot gets nothing more, rather than failures forever. */
  private void channelGone(Post post, String error) {
    if (post.key().startsWith(Outbox.REPLY) || !CHANNEL_GONE.contains(error)) {
      return;
    }
    int removed = subscriptions.removeChannel(post.channel());
    if (removed > 0) {
      log.warn(
          "Unsubscribed {} from {} line(s): Slack answered {} to an announcement",
          post.channel(),
          removed,
          error);
    }
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
    if (!settings.enabled()) {
      return 0;
    }
    SupportPolicy rules = policy.get().policy();
    Instant now = clock.instant();
    List<Subscription> subscribed = subscriptions.all();
    List<Callable<Boolean>> deliveries = new ArrayList<>();
    Set<String> due = new HashSet<>();
    for (Announcement a : planner.plan(rules, now)) {
      if (a.due().isAfter(now)) {
        break; // soonest first
      }
      boolean late = Duration.between(a.due(), now).compareTo(LATE) > 0;
      SlackMessage message = AnnouncementMessages.render(a, rules, late);
      for (String channel : recipients(a, subscribed)) {
        String key = a.key(channel);
        due.add(key);
        if (!finished.contains(key)) {
          deliveries.add(() -> deliver(key, channel, message, late));
        }
      }
    }
    finished.retainAll(due); // out of the plan: never looked at again
    if (!deliveries.isEmpty()) {
      log.info(
          "Announcing: {} deliveries to try, {} done before", deliveries.size(), finished.size());
    }
    Collections.shuffle(deliveries);
    int posted = 0;
    try {
      for (Future<Boolean> done : fanOut.invokeAll(deliveries)) {
        posted += Boolean.TRUE.equals(done.get()) ? 1 : 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // as if on this thread: the round fails and the next look retries
      } else if (e.getCause() instanceof Error fatal) {
        throw fatal;
      }
      throw new IllegalStateException("An announcement failed: " + e.getCause().getMessage(), e);
    }
    return posted;
  }

  /** The configured channels, then each channel subscribed to the announcement's line. */
  private Set<String> recipients(Announcement a, List<Subscription> subscribed) {
    Set<String> out = new LinkedHashSet<>(settings.channels());
    for (Subscription s : subscribed) {
      if (s.everyLine() || s.line().equals(a.line())) {
        out.add(s.channel());
      }
    }
    return out;
  }

  private boolean deliver(String key, String channel, SlackMessage message, boolean late) {
    if (outbox.record(new Post(key, channel, null, message.text(), message.blocksJson()))) {
      log.debug("Announcing {}{}", key, late ? " (late)" : "");
    }
    boolean posted = outbox.deliver(key);
    if (posted || outbox.finished(key)) {
      finished.add(key);
    }
    return posted;
  }

  /** What is coming, for "/kommander-support announcements". */
  public List<Announcement> upcoming() {
    return planner.upcoming(policy.get().policy(), clock.instant());
  }

  /**
   * The next announcement a channel subscribed to these lines (Kommander minors, or {@link
   * Subscriptions#ALL}) will see.
   */
  public Optional<Announcement> nextFor(Set<String> lines) {
    return upcoming().stream()
        .filter(a -> lines.contains(Subscriptions.ALL) || lines.contains(a.line()))
        .findFirst();
  }

  /** How many channels subscribed from Slack, for the schedule's summary. */
  public long subscribedChannels() {
    return subscriptions.all().stream().map(Subscription::channel).distinct().count();
  }

  public AnnouncementSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    Timers.stop(timer, Duration.ofSeconds(10)); // a post in flight finishes
    Timers.stop(fanOut, Duration.ofSeconds(10));
  }
}
