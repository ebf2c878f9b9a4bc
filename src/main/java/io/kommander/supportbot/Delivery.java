package io.kommander.supportbot;

import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.delivery.FileLedger;
import io.kommander.supportbot.delivery.Ledger;
import io.kommander.supportbot.delivery.OpeningLedger;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.PostgresLedger;
import io.kommander.supportbot.delivery.SlackPoster;
import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.slack.MemoryOnce;
import io.kommander.supportbot.slack.Once;
import io.kommander.supportbot.slack.PostgresOnce;
import io.kommander.supportbot.slack.SlackClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where exactly-once decisions are kept: in PostgreSQL when {@code LEDGER_DATABASE_URL} is set
 * (every replica sees every decision), else in {@code DATA_DIR} and memory (one replica). Holds the
 * outbox that posts mention replies and announcements, the record of handled clicks, and the
 * channels' subscriptions.
 */
final class Delivery implements AutoCloseable {
  /** Posts that may wait on a slow Slack at once; replies beyond wait their turn in the ledger. */
  static final int WORKERS = 32;

  /**
   * Where mentions go, under {@code DATA_DIR}, when the ledger cannot record them before the ack
   * (the database down or slow); drained into it when it answers again.
   */
  static final String SPOOL = "outbox-spool.jsonl";

  private final Outbox outbox;
  private final Once once;
  private final Subscriptions subscriptions;
  private final Ledger ledger;

  private Delivery(Ledger ledger, Outbox outbox, Once once, Subscriptions subscriptions) {
    this.ledger = ledger;
    this.outbox = outbox;
    this.once = once;
    this.subscriptions = subscriptions;
  }

  /**
   * Empty when Slack is off (no token to post with).
   *
   * @param db the shared database's pool ({@link Database}, owned by the caller), if there is one
   */
  static Optional<Delivery> open(
      Config config, AnnouncementSettings settings, Clock clock, Optional<DataSource> db) {
    if (config.botToken().isEmpty()) {
      return Optional.empty();
    }
    // A journal is read in the background once the server is up (openLedger): a busy day's
    // replies would hold up start-up, and nothing the first requests need uses it.
    Ledger ledger =
        db.<Ledger>map(PostgresLedger::new)
            .orElseGet(() -> new OpeningLedger(() -> FileLedger.in(config.dataDir())));
    SlackPoster poster =
        new SlackPoster(
            SlackClients.forApi(config.slackApiUrl()),
            config.botToken().get(),
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60));
    Outbox outbox =
        new Outbox(
            ledger,
            poster,
            clock,
            config.delivery().lease(settings.claimTimeout()),
            WORKERS,
            Optional.of(config.dataDir().resolve(SPOOL)));
    // An hour covers Slack's retries of a click.
    Duration ttl = Duration.ofHours(1);
    Once once = db.<Once>map(d -> new PostgresOnce(d, ttl)).orElseGet(() -> new MemoryOnce(ttl));
    Subscriptions subscriptions =
        db.map(Subscriptions::postgres).orElseGet(() -> Subscriptions.file(config.dataDir()));
    return Optional.of(
        new Delivery(ledger, outbox.start(config.delivery().recoverEvery()), once, subscriptions));
  }

  /** Starts reading the journal, if the ledger is one; called once the server is up. */
  void openLedger() {
    if (ledger instanceof OpeningLedger opening) {
      opening.open();
    }
  }

  /** Empty when the ledger can be used; else why not (a journal still being read). */
  Optional<String> ledgerProblem() {
    return ledger instanceof OpeningLedger opening ? opening.problem() : Optional.empty();
  }

  Outbox outbox() {
    return outbox;
  }

  Once once() {
    return once;
  }

  /** Which channels asked for which lines' announcements; shared like the outbox. */
  Subscriptions subscriptions() {
    return subscriptions;
  }

  @Override
  public void close() {
    outbox.close();
  }
}
