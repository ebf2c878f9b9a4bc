package io.kommander.supportbot.delivery;

import io.kommander.supportbot.delivery.Ledger.Claim;
import io.kommander.supportbot.delivery.Ledger.Entry;
import io.kommander.supportbot.timing.Timers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * marked sent after Slack confirms. A claim is a lease with a fencing token: the poster renews it
 * while it waits (429s, back-off) and checks it before each send, and stops without sending once it
 * is lost. A claim whose lease lapsed (its holder died) is taken over and resolved by reading Slack
 * for the post's key, posting only if it is missing. Any replica sharing the ledger recovers what
 * another left unfinished.
 */
public final class Outbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  /** A post recorded this long ago and still untried was left by a process that died. */
  static final Duration PENDING_GRACE = Duration.ofSeconds(10);

  /** Transient failures and takeovers (each after the poster's own retries) before giving up. */
  static final int MAX_ATTEMPTS = 30;

  /** Finished replies are kept this long: longer than Slack goes on redelivering an event. */
  static final Duration KEEP_REPLIES = Duration.ofDays(1);

  /** How often the spool is handed to the ledger (a look at a file when there is nothing). */
  static final Duration DRAIN_EVERY = Duration.ofSeconds(2);

  public static final String REPLY = "reply:";

  /** The error a question post fails with when its answerer had nothing to post. */
  public static final String NOTHING_TO_ANSWER = "nothing_to_answer";

  private final Ledger ledger;
  private final SlackPoster poster;
  private final Clock clock;
  private final Duration lease;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer = Timers.daemon("outbox-recovery");
  private final Outcomes outcomes;
  private final Intake intake;
  private final Answerers answerers;
  private final Claims claims;

  /** An outbox without a spool: a post its ledger cannot take on an ack's path is refused. */
  public Outbox(Ledger ledger, SlackPoster poster, Clock clock, Duration lease, int workers) {
    this(ledger, poster, clock, lease, workers, Optional.empty());
  }

  /**
   * @param lease how long a claim lasts unless its holder renews it (every third of it): longer
   *     than one attempt to post can take, since a send checked at the start of the lease must end
   *     before another process may take the post over
   * @param workers how many posts may wait on Slack at once
   * @param spool where posts go on an ack's path when the ledger cannot take them in time
   */
  public Outbox(
      Ledger ledger,
      SlackPoster poster,
      Clock clock,
      Duration lease,
      int workers,
      Optional<Path> spool) {
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("The outbox's lease must be at least 1 s, was " + lease);
    }
    this.ledger = ledger;
    this.poster = poster;
    this.clock = clock;
    this.lease = lease;
    this.workers = Timers.pool("outbox", workers);
    this.outcomes = new Outcomes(ledger, clock);
    this.answerers = new Answerers(outcomes);
    String owner = "bot-" + UUID.randomUUID().toString().substring(0, 8);
    this.claims = new Claims(ledger, poster, outcomes, owner, lease);
    this.intake =
        new Intake(ledger, spool.map(Spool::new), clock, Intake.BUDGET, Math.min(workers, 8));
  }

  /**
   * Hears of each post that failed for good, with Slack's error, whichever path posted it (at once,
   * or a later recovery): e.g. to stop announcing to a channel that is gone.
   */
  public void onFailure(BiConsumer<Post, String> listener) {
    outcomes.onFailure(listener);
  }

  /** Answers question posts whose record names {@code name}; until then they wait. */
  public void answerWith(String name, Answerer answerer) {
    answerers.register(name, answerer);
  }

  /** Records a post; false if its key was already recorded (by this replica or another). */
  public boolean record(Post post) {
    return ledger.add(post, clock.instant());
  }

  /**
   * Records a post and posts it in the background, so the caller need not wait on Slack. False if
   * the key was already recorded: nothing more to do.
   */
  public boolean send(Post post) {
    boolean recorded = record(post);
    if (recorded) {
      inBackground(post.key());
    }
    return recorded;
  }

  /**
   * On an event's ack: records a post within {@link Intake#BUDGET} (in the spool if the ledger
   * cannot take it in time) and posts it in the background.
   *
   * @throws Receipt.NotRecorded if neither the ledger nor the spool could keep it: the event must
   *     not be acknowledged, so that Slack delivers it again
   */
  public Receipt receive(Post post) {
    Receipt receipt = intake.receive(post);
    if (receipt == Receipt.RECORDED) {
      inBackground(post.key());
    }
    return receipt;
  }

  /**
   * As {@link #send}, then reports where the post stands after this replica's attempt, for a caller
   * that has something else to do when it failed (an ephemeral fallback). A key recorded before is
   * not posted again: the report says so.
   */
  public CompletableFuture<Attempt> sendAndReport(Post post) {
    return report(post.key(), record(post));
  }

  /**
   * As {@link #receive}, then reports as {@link #sendAndReport} does; a post kept in the spool has
   * nothing to report yet (an empty entry).
   */
  public CompletableFuture<Attempt> receiveAndReport(Post post) {
    Receipt receipt = intake.receive(post);
    return receipt == Receipt.SPOOLED
        ? CompletableFuture.completedFuture(new Attempt(true, Optional.empty()))
        : report(post.key(), receipt == Receipt.RECORDED);
  }

  private CompletableFuture<Attempt> report(String key, boolean recorded) {
    try {
      return CompletableFuture.supplyAsync(
          () -> {
            if (recorded) {
              safely(key);
            }
            return new Attempt(recorded, ledger.get(key));
          },
          workers);
    } catch (RejectedExecutionException closing) {
      log.info("Shutting down: {} is left to the next recovery", key);
      return CompletableFuture.completedFuture(new Attempt(recorded, Optional.empty()));
    }
  }

  private void inBackground(String key) {
    try {
      workers.execute(() -> safely(key));
    } catch (RejectedExecutionException closing) {
      log.info("Shutting down: {} is left to the next recovery", key);
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
   * Posts a recorded key now, on this thread, unless it is sent, failed or in someone else's hands
   * (a claim whose lease has not lapsed). True if this call posted it.
   */
  public boolean deliver(String key) {
    Optional<Entry> found = ledger.get(key);
    if (found.isEmpty() || found.get().post() == null) {
      return false;
    }
    Entry entry = found.get();
    if (!answerers.canAnswer(entry.post())) {
      return false; // nobody here can answer it yet (the app is still starting)
    }
    Instant now = clock.instant();
    Optional<Claim> claim = claims.take(entry, now);
    if (claim.isEmpty()) {
      return false; // another worker or replica holds it, or it was found in Slack
    }
    if (entry.attempts() >= MAX_ATTEMPTS) {
      outcomes.gaveUp(entry, claim.get());
      return false;
    }
    ClaimLease held = new ClaimLease(ledger, claim.get(), clock, lease);
    return answerers
        .words(entry.post(), claim.get())
        .map(post -> poster.post(post, now, held).accept(outcomes.of(entry.post(), claim.get())))
        .orElse(false);
  }

  /**
   * Posts what is left unfinished, by this replica or a dead one: retries, untried records older
   * than a few seconds, and claims whose lease lapsed. Returns how many were posted.
   */
  public int recover() {
    Instant now = clock.instant();
    int posted = 0;
    for (String key : ledger.unfinished(now.minus(PENDING_GRACE), now, 100)) {
      posted += deliver(key) ? 1 : 0;
    }
    return posted;
  }

  /**
   * Once the ledger answers again: records what was posted while it was down, then hands it the
   * spool and posts what is new there.
   */
  public void drainSpool() {
    outcomes.recordUnrecorded();
    intake.drain(post -> inBackground(post.key()));
  }

  /**
   * Recovers at once and then every {@code every}; drains the spool every {@link #DRAIN_EVERY};
   * forgets old replies hourly.
   */
  public Outbox start(Duration every) {
    timer.scheduleWithFixedDelay(
        () -> run("recovery", this::recover), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(
        () -> run("spool drain", this::drainSpool),
        0,
        DRAIN_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
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
    intake.close();
    Timers.stop(workers, Duration.ofSeconds(10));
    ledger.close();
  }
}
