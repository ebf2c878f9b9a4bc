package io.kommander.supportbot.delivery;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.kommander.supportbot.announce.AnnouncementFixture.posts;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.announce.AnnouncementFixture;
import io.kommander.supportbot.announce.AnnouncementScheduler;
import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.delivery.Ledger.State;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.ManualClock;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The replicas' ledger on a real PostgreSQL server started for the tests: the ledger contract, and
 * two schedulers sharing one database.
 */
class PostgresLedgerTest extends LedgerContract {
  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();

  @BeforeEach
  void emptyTable() throws Exception {
    new PostgresLedger(postgres.dataSource()); // creates the table
    postgres.truncate("outbox");
  }

  @Override
  Ledger ledger() {
    return new PostgresLedger(postgres.dataSource());
  }

  @Test
  void twoSchedulersOnOneDatabasePostEachAnnouncementExactlyOnce() throws Exception {
    WireMockServer slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    slack.start();
    try {
      AnnouncementFixture.stubOk(slack);
      ManualClock clock = new ManualClock("2027-01-15T09:00:00Z"); // the day-of post, two channels
      LiveCatalog live = new LiveCatalog(TestCatalogs.withPlanned(), clock);
      AnnouncementSettings settings = AnnouncementFixture.settings("C0ANNOUNCE1", "C0ANNOUNCE2");
      int rounds = 5;
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<Integer>> results = new ArrayList<>();
      for (int replica = 0; replica < 2; replica++) {
        AnnouncementScheduler s =
            new AnnouncementScheduler(
                live,
                settings,
                new Outbox(
                    new PostgresLedger(postgres.dataSource()),
                    AnnouncementFixture.poster(slack),
                    clock,
                    Duration.ofMinutes(2),
                    1),
                Subscriptions.postgres(postgres.dataSource()),
                clock);
        Callable<Integer> run =
            () -> {
              int posted = 0;
              for (int i = 0; i < rounds; i++) {
                together.await();
                posted += s.tick();
              }
              return posted;
            };
        results.add(pool.submit(run));
      }
      int total = results.get(0).get() + results.get(1).get();
      pool.shutdown();
      assertThat(total).isEqualTo(2);
      assertThat(posts(slack)).hasSize(2);
      assertThat(posts(slack).stream().map(p -> AnnouncementFixture.form(p).get("channel")))
          .containsExactlyInAnyOrder("C0ANNOUNCE1", "C0ANNOUNCE2");
      PostgresLedger ledger = new PostgresLedger(postgres.dataSource());
      assertThat(ledger.get("ended:kommander-2.15:C0ANNOUNCE1:2027-01-15").orElseThrow().state())
          .isEqualTo(State.SENT);
      assertThat(ledger.get("ended:kommander-2.15:C0ANNOUNCE2:2027-01-15").orElseThrow().state())
          .isEqualTo(State.SENT);
    } finally {
      slack.stop();
    }
  }

  @Test
  void theTableOfEarlierVersionsIsRenamedAndKeepsItsRows() throws Exception {
    // A database as a version before the outbox and before Flyway left it: one table, no history.
    try (Connection c = postgres.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
      s.execute(
          "CREATE TABLE announcement_ledger (key text PRIMARY KEY, state text NOT NULL,"
              + " owner text, updated timestamptz NOT NULL, slack_ts text, error text,"
              + " attempts int NOT NULL DEFAULT 0)");
      s.execute(
          "INSERT INTO announcement_ledger VALUES ('"
              + KEY
              + "', 'CLAIMED', 'bot-old', now(), NULL, NULL, 0)");
    }
    PGSimpleDataSource older = new PGSimpleDataSource(); // not yet migrated in this process
    older.setURL(postgres.jdbcUrl());
    PostgresLedger ledger = new PostgresLedger(older);
    assertThat(ledger.get(KEY).orElseThrow().post()).isNull();
    assertThat(ledger.unfinished(T0.plusSeconds(86_400 * 3650L), T0.plusSeconds(86_400 * 3650L), 9))
        .isEmpty(); // no content to post: the scheduler renders it again
    assertThat(ledger.add(post(KEY), T0)).isFalse();
    assertThat(ledger.get(KEY).orElseThrow().post()).isEqualTo(post(KEY));
    assertThat(ledger.get(KEY).orElseThrow().owner()).isEqualTo("bot-old");
  }

  @Test
  void aClaimMadeBeforeLeasesLapsesAfterTheOldClaimTimeout() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    // As a replica of the version before leases claims: owner and time, no lease, no new token.
    try (Connection c = postgres.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "UPDATE outbox SET state = 'CLAIMED', owner = 'bot-old', updated = '"
              + T0
              + "' WHERE key = '"
              + KEY
              + "'");
    }
    Ledger.Entry old = ledger.get(KEY).orElseThrow();
    assertThat(old.leaseUntil()).isNull();
    assertThat(old.leaseEnds()).isEqualTo(T0.plus(Ledger.LEGACY_LEASE));
    Instant within = T0.plus(Ledger.LEGACY_LEASE).minusSeconds(1);
    assertThat(ledger.takeOver(KEY, "new", within, within.plus(LEASE))).isEmpty();
    assertThat(ledger.unfinished(T0, within, 10)).isEmpty();
    Instant after = T0.plus(Ledger.LEGACY_LEASE).plusSeconds(1);
    assertThat(ledger.unfinished(T0, after, 10)).containsExactly(KEY);
    assertThat(ledger.takeOver(KEY, "new", after, after.plus(LEASE))).isPresent();
  }
}
