package io.kommander.supportbot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The shared PostgreSQL ({@code LEDGER_DATABASE_URL}), with or without Slack: one connection pool
 * for every store that lives there (the outbox, handled clicks, subscriptions, what upstream
 * showed), and whether it answers, for readiness. Opening it needs no connection: a database that
 * is down at start degrades what needs it instead of stopping the page and the API.
 */
final class Database implements AutoCloseable {
  /** Connections per replica; the outbox's workers and the stores share them. */
  static final int POOL_SIZE = 8;

  static final String APPLICATION_NAME = "kommander-support-bot";

  private final HikariDataSource pool;

  private Database(DatabaseUrl url) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url.jdbcUrl()); // no credentials in it: nothing a library logs holds them
    url.user().ifPresent(c::setUsername);
    url.password().ifPresent(c::setPassword);
    c.setPoolName("database");
    // pg_stat_activity names the bot's connections, for an operator counting them.
    c.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
    c.setMaximumPoolSize(POOL_SIZE);
    c.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
    c.setInitializationFailTimeout(-1); // connect when first needed, not at start
    pool = new HikariDataSource(c);
  }

  /** The pool, when {@code LEDGER_DATABASE_URL} is set. */
  static Optional<Database> open(Config config) {
    return config.ledgerDatabaseUrl().map(Database::new);
  }

  DataSource pool() {
    return pool;
  }

  /**
   * Empty when a pooled connection answers; else why not, in words that hold no host, path or
   * driver message (the log has those).
   */
  Optional<String> problem() {
    try (Connection c = pool.getConnection()) {
      return c.isValid(2) ? Optional.empty() : Optional.of(DOWN);
    } catch (SQLException e) {
      return Optional.of(DOWN);
    }
  }

  static final String DOWN =
      "does not answer: mention replies, announcements and subscriptions wait for it";

  @Override
  public void close() {
    pool.close();
  }
}
