package io.kommander.supportbot.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records posts on an ack's path within a time budget: in the ledger when it answers in time, else
 * in the {@link Spool}, so a database that is down or slow neither loses an acknowledged post nor
 * holds the ack past Slack's 3 seconds. Once the ledger has failed, posts go straight to the spool
 * (no ack waits on a ledger known to be down) until a drain hands the spool to the ledger again.
 * Without a spool, each post is tried in the ledger and refused if it cannot be recorded there.
 */
final class Intake implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Intake.class);

  /** How long an ack waits for the ledger; the rest of Slack's 3 s is the request's own. */
  static final Duration BUDGET = Duration.ofSeconds(1);

  /** Ledger writes waiting for a thread beyond which an ack spools at once: never a long queue. */
  private static final int QUEUE = 64;

  private final Ledger ledger;
  private final Optional<Spool> spool;
  private final Clock clock;
  private final Duration budget;
  private final ThreadPoolExecutor writers;

  /** Why the ledger last failed an ack; null while it answers. */
  private volatile String ledgerDown;

  /**
   * @param spool where posts go when the ledger cannot take them; empty: such a post is refused
   *     ({@link Receipt.NotRecorded}), for the event to be redelivered
   * @param threads ledger writes at once (the pool's connections)
   */
  Intake(Ledger ledger, Optional<Spool> spool, Clock clock, Duration budget, int threads) {
    this.ledger = ledger;
    this.spool = spool;
    this.clock = clock;
    this.budget = budget;
    AtomicInteger n = new AtomicInteger();
    this.writers =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "outbox-intake-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    spool.ifPresent(
        s ->
            Gauge.builder("outbox.spooled.posts", s, Spool::waiting)
                .description("Posts kept in DATA_DIR until the ledger takes them")
                .register(Metrics.globalRegistry));
  }

  /**
   * Records {@code post}, in the ledger or the spool; throws if neither can keep it. While the
   * ledger is known to be down the spool is tried first, and the ledger only if the spool fails.
   */
  Receipt receive(Post post) {
    boolean ledgerTried = ledgerDown == null;
    Optional<Receipt> kept = ledgerTried ? record(post) : Optional.empty();
    String spoolFailure = null;
    if (kept.isEmpty() && spool.isPresent()) {
      try {
        spool.get().append(post);
        count("spooled");
        log.error(
            "Could not record {} in the outbox ({}); kept in the spool until it can",
            post.key(),
            ledgerDown);
        kept = Optional.of(Receipt.SPOOLED);
      } catch (IOException e) {
        spoolFailure = e.getMessage();
      }
    }
    if (kept.isEmpty() && !ledgerTried) {
      kept = record(post); // the spool failed: the ledger is the last chance
    }
    if (kept.isPresent()) {
      return kept.get();
    }
    count("refused");
    log.error(
        "Could not record {} in the outbox ({}){}; not acknowledged, for Slack to deliver again",
        post.key(),
        ledgerDown,
        spoolFailure == null ? "" : " nor in the spool (" + spoolFailure + ")");
    throw new Receipt.NotRecorded("the outbox cannot record " + post.key() + ": " + ledgerDown);
  }

  /** The post in the ledger within the budget; empty (and the ledger taken as down) if not. */
  private Optional<Receipt> record(Post post) {
    String problem;
    try {
      Receipt receipt = recordWithin(post) ? Receipt.RECORDED : Receipt.KNOWN;
      count(receipt == Receipt.RECORDED ? "recorded" : "known");
      return Optional.of(receipt);
    } catch (TimeoutException e) {
      problem = "no answer within " + budget.toMillis() + " ms";
    } catch (ExecutionException e) {
      problem = e.getCause().getMessage();
    } catch (RejectedExecutionException e) {
      problem = "too many writes waiting";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    }
    ledgerDown = problem;
    return Optional.empty();
  }

  /** True if new: as {@link Ledger#add}, on a writer thread, waited for up to the budget. */
  private boolean recordWithin(Post post)
      throws TimeoutException, ExecutionException, InterruptedException {
    // A write that outlasts the budget still completes: the post is then in the ledger and the
    // spool both, and its key makes the second record a no-op.
    return CompletableFuture.supplyAsync(() -> addTwice(post), writers)
        .get(budget.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * As {@link Ledger#add}, tried a second time if the first fails: after a database restart the
   * pool's connections from before fail once each and are replaced.
   */
  private boolean addTwice(Post post) {
    try {
      return ledger.add(post, clock.instant());
    } catch (RuntimeException first) {
      return ledger.add(post, clock.instant());
    }
  }

  /**
   * Hands the spool to the ledger, calling {@code recorded} with each post that is new there; acks
   * use the ledger again once it has taken everything. A ledger still down ends the drain: the rest
   * waits for the next.
   */
  void drain(Consumer<Post> recorded) {
    spool.ifPresent(
        s ->
            s.drain(
                post -> {
                  if (ledger.add(post, clock.instant())) {
                    recorded.accept(post);
                  }
                }));
    if (ledgerDown != null) {
      ledger.get(""); // a spool that was empty proves nothing: this throws while it is still down
      log.info("The outbox ledger answers again; acks record there ({} waiting)", waiting());
      ledgerDown = null;
    }
  }

  /** Posts in the spool, waiting for the ledger. */
  int waiting() {
    return spool.map(Spool::waiting).orElse(0);
  }

  /** {@code outbox_received_total}: what became of posts handed over on an ack's path. */
  private static void count(String outcome) {
    Counter.builder("outbox.received")
        .description("Posts handed to the outbox on an ack's path, by what became of them")
        .tag("outcome", outcome)
        .register(Metrics.globalRegistry)
        .increment();
  }

  @Override
  public void close() {
    writers.shutdownNow();
  }
}
