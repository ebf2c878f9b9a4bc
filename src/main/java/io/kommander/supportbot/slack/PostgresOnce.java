package io.kommander.supportbot.slack;

import io.kommander.supportbot.delivery.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Handled keys shared by every replica in one PostgreSQL table: the primary key lets exactly one
 * replica claim a key; a key older than the time to live may be claimed again, and old rows are
 * swept now and then.
 */
public final class PostgresOnce implements Once {
  private final DataSource db;
  private final long ttlSeconds;

  public PostgresOnce(DataSource db, Duration ttl) {
    this.db = db;
    this.ttlSeconds = ttl.toSeconds();
    Schema.migrate(db);
  }

  @Override
  public boolean first(String key) {
    String claim =
        "INSERT INTO slack_once (key) VALUES (?) ON CONFLICT (key) DO UPDATE SET claimed_at = now()"
            + " WHERE slack_once.claimed_at < now() - make_interval(secs => ?) RETURNING key";
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(claim)) {
      s.setString(1, key);
      s.setLong(2, ttlSeconds);
      boolean won;
      try (ResultSet r = s.executeQuery()) {
        won = r.next();
      }
      if (ThreadLocalRandom.current().nextInt(100) == 0) {
        sweep(c);
      }
      return won;
    } catch (SQLException e) {
      // Unsure whether another replica has it: answering twice is worse than Slack retrying.
      throw new IllegalStateException("Cannot record " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void forget(String key) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM slack_once WHERE key = ?")) {
      s.setString(1, key);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot forget " + key + ": " + e.getMessage(), e);
    }
  }

  private void sweep(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM slack_once WHERE claimed_at < now() - make_interval(secs => ?)")) {
      s.setLong(1, ttlSeconds);
      s.executeUpdate();
    }
  }
}
