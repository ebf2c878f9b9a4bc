package io.kommander.supportbot.delivery;

import io.kommander.supportbot.delivery.Ledger.Entry;
import io.kommander.supportbot.delivery.SlackPoster.Outcome;
import io.kommander.supportbot.timing.Timers;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Posts each recorded message exactly once: mention replies and announcements alike. A post is
 * recorded in the ledger first (so a redelivered event finds it there), claimed before posting and
 * marked sent after Slack confirms. A claim left by a process that died is taken over once it is
 * older than any post could take, and resolved by reading Slack for the post's key, posting only if
 * it is missing. Any replica sharing the ledger recovers what another left unfinished.
 */
public final class Outbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  /** A post recorded this long ago and still untried was left by a process that died. */
  static final Duration PENDING_GRACE = Duration.ofSeconds(10);

  /** Transient failures (each after the poster's own retries) before a post is given up. */
  static final int MAX_ATTEMPTS = 30;

  /** Finished replies are kept this long: longer than Slack goes on redelivering an event. */
  static final Duration KEEP_REPLIES = Duration.ofDays(1);

  public static final String REPLY = "reply:";

  private final Ledger ledger;
  private final SlackPoster poster;
  private final Clock clock;
  private final Duration claimTimeout;
  private final String owner = "bot-" + UUID.randomUUID().toString().substring(0, 8);
  private final ExecutorService workers;
  private final ScheduledExecutorService timer = Timers.daemon("outbox-recovery");
  private final List<BiConsumer<Post, String>> failureListeners = new CopyOnWriteArrayList<>();

  /**
   * @param claimTimeout a claim older than this belongs to a dead process: longer than a post with
   *     its retries can take (0 for a ledger only this process uses, whose claims at start are all
   *     dead)
   * @param workers how many posts may wait on Slack at once
   */
  public Outbox(
      Ledger ledger, SlackPoster poster, Clock clock, Duration claimTimeout, int workers) {
    this.ledger = ledger;
    this.poster = poster;
    this.clock = clock;
    this.claimTimeout = claimTimeout;
    this.workers = Timers.pool("outbox", workers);
  }

  /**
   * Hears of each post that failed for good, with Slack's error, whichever path posted it (at once,
   * or a later recovery): e.g. to stop announcing to a channel that is gone.
   */
  public void onFailure(BiConsumer<Post, String> listener) {
    failureListeners.add(listener);
  }

  /** Records a post; false if its key was already recorded (by this replica or another). */
  public boolean record(Post post) {
    return ledger.add(post, clock.instant());
  }

  /**
   * Records a post and posts it in the background, so the caller (an event's ack) need not wait on
   * Slack. False if the key was already recorded: nothing more to do.
   */
  public boolean send(Post post) {
    if (!record(post)) {
      return false;
    }
    try {
      workers.execute(() -> safely(post.key()));
    } catch (RejectedExecutionException closing) {
      log.info("Shutting down: {} is left to the next recovery", post.key());
    }
    return true;
  }

  /**
   * As {@link #send}, then reports where the post stands after this replica's attempt, for a caller
   * that has something else to do when it failed (an ephemeral fallback). A key recorded before is
   * not posted again: the report says so.
   */
  public CompletableFuture<Attempt> sendAndReport(Post post) {
    boolean recorded = record(post);
    try {
      return CompletableFuture.supplyAsync(
          () -> {
            if (recorded) {
              safely(post.key());
            }
            return new Attempt(recorded, ledger.get(post.key()));
          },
          workers);
    } catch (RejectedExecutionException closing) {
      log.info("Shutting down: {} is left to the next recovery", post.key());
      return CompletableFuture.completedFuture(new Attempt(recorded, Optional.empty()));
    }
  }

  private void safely(String key) {
    MDC.put("post_key", key);
    try {
      deliver(key);
    } catch (RuntimeException e) {
      log.error("Posting {} failed; recovery will retry: {}", key, e.getMessage(), e);
    } finally {
      MDC.remove("post_key");
    }
  }

  /** Whether the key was sent or failed for good: nothing more will be done with it. */
  public boolean finished(String key) {
    return ledger.get(key).filter(e -> e.state().finished()).isPresent();
  }

  /**
   * Posts a recorded key now, on this thread, unless it is sent, failed or in someone else's hands.
   * True if this call posted it.
   */
  public boolean deliver(String key) {
    Optional<Entry> found = ledger.get(key);
    if (found.isEmpty() || found.get().post() == null) {
      return false;
    }
    Entry entry = found.get();
    Instant now = clock.instant();
    switch (entry.state()) {
      case SENT, FAILED -> {
        return false;
      }
      case PENDING, RETRY -> {
        if (!ledger.claim(key, owner, now)) {
          return false; // another worker or replica just took it
        }
      }
      case CLAIMED -> {
        if (!takeOver(entry, now)) {
          return false;
        }
      }
    }
    if (entry.attempts() >= MAX_ATTEMPTS) {
      ledger.failed(key, "gave up after " + entry.attempts() + " attempts: " + entry.error(), now);
      count(key, "gave_up");
      log.error("Gave up posting {} after {} attempts: {}", key, entry.attempts(), entry.error());
      return false;
    }
    return post(entry.post(), now);
  }

  /** True if a dead process's claim is now ours and its post is not in Slack. */
  private boolean takeOver(Entry entry, Instant now) {
    if (!ledger.takeOver(entry.key(), owner, staleBefore(now), now)) {
      return false; // its owner may still be posting
    }
    try {
      Optional<String> ts = poster.findPosted(entry.post(), entry.updated());
      if (ts.isPresent()) {
        log.info("{} was posted before its poster died; recorded now", entry.key());
        ledger.sent(entry.key(), ts.get(), now);
        count(entry.key(), "recovered");
        return false;
      }
      return true;
    } catch (SlackPoster.HistoryUnavailable e) {
      // At most once: the claim stays, to be looked at again after the timeout.
      log.warn(
          "Not posting {}: cannot tell whether it was posted before a crash ({})",
          entry.key(),
          e.getMessage());
      return false;
    }
  }

  /**
   * Claims made before this belong to dead processes. With a zero timeout (a ledger only this
   * process uses) every claim found is a dead one.
   */
  private Instant staleBefore(Instant now) {
    return claimTimeout.isZero() ? now.plusSeconds(1) : now.minus(claimTimeout);
  }

  private boolean post(Post post, Instant claimedAt) {
    Outcome outcome = poster.post(post, claimedAt);
    Instant now = clock.instant();
    if (outcome instanceof SlackPoster.Sent s) {
      ledger.sent(post.key(), s.ts(), now);
      log.debug("Posted {}", post.key());
      count(post.key(), "sent");
      return true;
    } else if (outcome instanceof SlackPoster.Permanent p) {
      ledger.failed(post.key(), p.error(), now);
      count(post.key(), "failed");
      log.error(
          "Posting {} to {} failed for good: {} (fix the channel or token; it will not be retried)",
          post.key(),
          post.channel(),
          p.error());
      failureListeners.forEach(l -> l.accept(post, p.error()));
    } else if (outcome instanceof SlackPoster.Transient t && t.unsure()) {
      log.warn("{}: {}; the claim stays until history can tell", post.key(), t.reason());
      count(post.key(), "unsure");
    } else {
      ledger.release(post.key(), ((SlackPoster.Transient) outcome).reason(), now);
      count(post.key(), "retry");
    }
    return false;
  }

  /** {@code slack_posts_total} by kind (reply or announcement) and outcome. */
  private static void count(String key, String outcome) {
    Metrics.counter(
            "slack.posts",
            "kind",
            key.startsWith(REPLY) ? "reply" : "announcement",
            "outcome",
            outcome)
        .increment();
  }

  /**
   * Posts what is left unfinished, by this replica or a dead one: retries, untried records older
   * than a few seconds, and claims past the timeout. Returns how many were posted.
   */
  public int recover() {
    Instant now = clock.instant();
    int posted = 0;
    for (String key : ledger.unfinished(now.minus(PENDING_GRACE), staleBefore(now), 100)) {
      posted += deliver(key) ? 1 : 0;
    }
    return posted;
  }

  /** Recovers at once and then every {@code every}; forgets old replies hourly. */
  public Outbox start(Duration every) {
    timer.scheduleWithFixedDelay(
        () -> run("recovery", this::recover), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(
        () -> run("clean-up", () -> ledger.forget(REPLY, clock.instant().minus(KEEP_REPLIES))),
        1,
        60,
        TimeUnit.MINUTES);
    return this;
  }

  private static void run(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("Outbox {} failed; will try again: {}", what, e.getMessage(), e);
    }
  }

  /** Lets posts in flight finish (up to 10 s), then closes the ledger. */
  @Override
  public void close() {
    timer.shutdownNow();
    Timers.stop(workers, Duration.ofSeconds(10));
    ledger.close();
  }
}
