package io.kommander.supportbot.announce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The ledger for several replicas: one row per delivery, whose primary key lets exactly one replica
 * claim it ({@code INSERT ... ON CONFLICT}), with no lock held while posting.
 */
public final class PostgresLedger implements Ledger {
  private final DataSource db;

  public PostgresLedger(DataSource db) {
    this.db = db;
    update(
        "CREATE TABLE IF NOT EXISTS announcement_ledger ("
            + " key text PRIMARY KEY, state text NOT NULL, owner text, updated timestamptz NOT NULL,"
            + " slack_ts text, error text, attempts int NOT NULL DEFAULT 0)");
  }

  @Override
  public Optional<Entry> get(String key) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT key, state, owner, updated, slack_ts, error, attempts FROM announcement_ledger WHERE key = ?")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Entry(
                r.getString(1),
                State.valueOf(r.getString(2)),
                r.getString(3),
                r.getTimestamp(4).toInstant(),
                r.getString(5),
                r.getString(6),
                r.getInt(7)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("ledger read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean claim(String key, String owner, Instant now) {
    return update(
            "INSERT INTO announcement_ledger (key, state, owner, updated) VALUES (?, 'CLAIMED', ?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET state = 'CLAIMED', owner = EXCLUDED.owner, updated = EXCLUDED.updated"
                + " WHERE announcement_ledger.state = 'RETRY'",
            key,
            owner,
            Timestamp.from(now))
        == 1;
  }

  @Override
  public boolean takeOver(String key, String owner, Instant staleBefore, Instant now) {
    return update(
            "UPDATE announcement_ledger SET owner = ?, updated = ? WHERE key = ? AND state = 'CLAIMED' AND updated < ?",
            owner,
            Timestamp.from(now),
            key,
            Timestamp.from(staleBefore))
        == 1;
  }

  @Override
  public void sent(String key, String slackTs, Instant now) {
    update(
        "UPDATE announcement_ledger SET state = 'SENT', slack_ts = ?, error = NULL, updated = ?, attempts = attempts + 1 WHERE key = ?",
        slackTs,
        Timestamp.from(now),
        key);
  }

  @Override
  public void failed(String key, String error, Instant now) {
    update(
        "UPDATE announcement_ledger SET state = 'FAILED', error = ?, updated = ?, attempts = attempts + 1 WHERE key = ?",
        error,
        Timestamp.from(now),
        key);
  }

  @Override
  public void release(String key, String error, Instant now) {
    update(
        "UPDATE announcement_ledger SET state = 'RETRY', owner = NULL, error = ?, updated = ?, attempts = attempts + 1 WHERE key = ?",
        error,
        Timestamp.from(now),
        key);
  }

  private int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("ledger write failed: " + e.getMessage(), e);
    }
  }
}
