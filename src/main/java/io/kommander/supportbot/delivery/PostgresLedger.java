package io.kommander.supportbot.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The ledger for several replicas: one row per post in the {@code outbox} table, whose primary key
 * lets exactly one replica record or claim it ({@code INSERT ... ON CONFLICT}, conditional {@code
 * UPDATE}), with no lock held while posting.
 */
public final class PostgresLedger implements Ledger {
  private static final String COLUMNS =
      "key, state, owner, updated, slack_ts, error, attempts, channel, thread_ts, text, blocks";

  private final DataSource db;

  public PostgresLedger(DataSource db) {
    this.db = db;
    Schema.migrate(db);
  }

  @Override
  public Optional<Entry> get(String key) {
    List<Entry> found = query("SELECT " + COLUMNS + " FROM outbox WHERE key = ?", key);
    return found.stream().findFirst();
  }

  @Override
  public boolean add(Post post, Instant now) {
    return update(
            "INSERT INTO outbox (key, state, updated, channel, thread_ts, text, blocks)"
                + " VALUES (?, 'PENDING', ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                + " channel = EXCLUDED.channel, thread_ts = EXCLUDED.thread_ts,"
                + " text = EXCLUDED.text, blocks = EXCLUDED.blocks"
                + " WHERE outbox.channel IS NULL AND outbox.state NOT IN ('SENT', 'FAILED')"
                + " RETURNING (xmax = 0)",
            post.key(),
            Timestamp.from(now),
            post.channel(),
            post.threadTs(),
            post.text(),
            post.blocksJson())
        == 1;
  }

  @Override
  public boolean claim(String key, String owner, Instant now) {
    return update(
            "UPDATE outbox SET state = 'CLAIMED', owner = ?, updated = ?"
                + " WHERE key = ? AND state IN ('PENDING', 'RETRY')",
            owner,
            Timestamp.from(now),
            key)
        == 1;
  }

  @Override
  public boolean takeOver(String key, String owner, Instant staleBefore, Instant now) {
    return update(
            "UPDATE outbox SET owner = ?, updated = ? WHERE key = ? AND state = 'CLAIMED' AND updated < ?",
            owner,
            Timestamp.from(now),
            key,
            Timestamp.from(staleBefore))
        == 1;
  }

  @Override
  public void sent(String key, String slackTs, Instant now) {
    update(
        "UPDATE outbox SET state = 'SENT', slack_ts = ?, error = NULL, updated = ?, attempts = attempts + 1 WHERE key = ?",
        slackTs,
        Timestamp.from(now),
        key);
  }

  @Override
  public void failed(String key, String error, Instant now) {
    update(
        "UPDATE outbox SET state = 'FAILED', error = ?, updated = ?, attempts = attempts + 1 WHERE key = ?",
        error,
        Timestamp.from(now),
        key);
  }

  @Override
  public void release(String key, String error, Instant now) {
    update(
        "UPDATE outbox SET state = 'RETRY', owner = NULL, error = ?, updated = ?, attempts = attempts + 1 WHERE key = ?",
        error,
        Timestamp.from(now),
        key);
  }

  @Override
  public List<String> unfinished(Instant pendingBefore, Instant staleBefore, int limit) {
    return query(
            "SELECT "
                + COLUMNS
                + " FROM outbox WHERE channel IS NOT NULL AND ((state = 'PENDING' AND updated < ?)"
                + " OR state = 'RETRY' OR (state = 'CLAIMED' AND updated < ?))"
                + " ORDER BY updated LIMIT ?",
            Timestamp.from(pendingBefore),
            Timestamp.from(staleBefore),
            limit)
        .stream()
        .map(Entry::key)
        .toList();
  }

  @Override
  public int forget(String prefix, Instant finishedBefore) {
    return update(
        "DELETE FROM outbox WHERE starts_with(key, ?) AND state IN ('SENT', 'FAILED') AND updated < ?",
        prefix,
        Timestamp.from(finishedBefore));
  }

  private List<Entry> query(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = prepare(c, sql, args);
        ResultSet r = s.executeQuery()) {
      List<Entry> entries = new ArrayList<>();
      while (r.next()) {
        String channel = r.getString(8);
        entries.add(
            new Entry(
                r.getString(1),
                State.valueOf(r.getString(2)),
                r.getString(3),
                r.getTimestamp(4).toInstant(),
                r.getString(5),
                r.getString(6),
                r.getInt(7),
                channel == null
                    ? null
                    : new Post(
                        r.getString(1),
                        channel,
                        r.getString(9),
                        r.getString(10),
                        r.getString(11))));
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("outbox read failed: " + e.getMessage(), e);
    }
  }

  /** Rows changed; for a statement with RETURNING, rows returned whose first column is true. */
  private int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = prepare(c, sql, args)) {
      if (!sql.contains("RETURNING")) {
        return s.executeUpdate();
      }
      int rows = 0;
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows += r.getBoolean(1) ? 1 : 0;
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("outbox write failed: " + e.getMessage(), e);
    }
  }

  /** A statement with its arguments bound, closed again if binding fails. */
  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s;
    } catch (SQLException | RuntimeException e) {
      s.close(); // the caller's try-with-resources never sees a statement that failed to bind
      throw e;
    }
  }
}
