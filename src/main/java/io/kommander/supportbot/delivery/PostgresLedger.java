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
 * UPDATE}), with no lock held while posting. A claim's lease ({@code lease_until}) and fencing
 * token ({@code fence}) are columns of the row: a takeover is one conditional {@code UPDATE} on the
 * lease having ended, and the holder's later changes are conditional on owner and token.
 */
public final class PostgresLedger implements Ledger {
  private static final String COLUMNS =
      "key, state, owner, updated, slack_ts, error, attempts, channel, thread_ts, text, blocks,"
          + " fence, lease_until, question, answerer";

  /** When a claim lapses: its lease, or for a claim made before leases, the old timeout. */
  private static final String LEASE_ENDS =
      "COALESCE(lease_until, updated + interval '" + LEGACY_LEASE.toSeconds() + " seconds')";

  /** The claim is still the caller's: same owner, same fencing token, not finished. */
  private static final String HELD =
      " WHERE key = ? AND state = 'CLAIMED' AND owner = ? AND fence = ?";

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
            "INSERT INTO outbox (key, state, updated, channel, thread_ts, text, blocks, question,"
                + " answerer) VALUES (?, 'PENDING', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE"
                + " SET channel = EXCLUDED.channel, thread_ts = EXCLUDED.thread_ts,"
                + " text = EXCLUDED.text, blocks = EXCLUDED.blocks,"
                + " question = EXCLUDED.question, answerer = EXCLUDED.answerer"
                + " WHERE outbox.channel IS NULL AND outbox.state NOT IN ('SENT', 'FAILED')"
                + " RETURNING (xmax = 0)",
            post.key(),
            Timestamp.from(now),
            post.channel(),
            post.threadTs(),
            post.text(),
            post.blocksJson(),
            post.question(),
            post.answerer())
        == 1;
  }

  @Override
  public Optional<Claim> claim(String key, String owner, Instant now, Instant leaseUntil) {
    return fence(
            "UPDATE outbox SET state = 'CLAIMED', owner = ?, updated = ?, lease_until = ?,"
                + " fence = fence + 1 WHERE key = ? AND state IN ('PENDING', 'RETRY')"
                + " RETURNING fence",
            owner,
            Timestamp.from(now),
            Timestamp.from(leaseUntil),
            key)
        .map(fence -> new Claim(key, owner, fence));
  }

  @Override
  public Optional<Claim> takeOver(String key, String owner, Instant now, Instant leaseUntil) {
    return fence(
            "UPDATE outbox SET owner = ?, updated = ?, lease_until = ?, fence = fence + 1,"
                + " attempts = attempts + 1 WHERE key = ? AND state = 'CLAIMED' AND "
                + LEASE_ENDS
                + " < ? RETURNING fence",
            owner,
            Timestamp.from(now),
            Timestamp.from(leaseUntil),
            key,
            Timestamp.from(now))
        .map(fence -> new Claim(key, owner, fence));
  }

  @Override
  public boolean renew(Claim claim, Instant leaseUntil) {
    return changeHeld(claim, "lease_until = ?", Timestamp.from(leaseUntil));
  }

  @Override
  public void sent(String key, String slackTs, Instant now) {
    update(
        "UPDATE outbox SET state = 'SENT', slack_ts = ?, error = NULL, updated = ?,"
            + " lease_until = NULL, attempts = attempts + 1 WHERE key = ?",
        slackTs,
        Timestamp.from(now),
        key);
  }

  @Override
  public boolean failed(Claim claim, String error, Instant now) {
    return changeHeld(
        claim,
        "state = 'FAILED', error = ?, updated = ?, lease_until = NULL, attempts = attempts + 1",
        error,
        Timestamp.from(now));
  }

  @Override
  public boolean release(Claim claim, String error, Instant now) {
    return changeHeld(
        claim,
        "state = 'RETRY', owner = NULL, error = ?, updated = ?, lease_until = NULL,"
            + " attempts = attempts + 1",
        error,
        Timestamp.from(now));
  }

  /**
   * Sets {@code assignments} (with {@code values}) on the claim's row if the claim still holds it:
   * same owner, same fencing token, not finished. False if it was lost.
   */
  private boolean changeHeld(Claim claim, String assignments, Object... values) {
    Object[] args = java.util.Arrays.copyOf(values, values.length + 3);
    args[values.length] = claim.key();
    args[values.length + 1] = claim.owner();
    args[values.length + 2] = claim.fence();
    return update(
            "UPDATE outbox SET "
                + assignments
                + " WHERE key = ? AND state = 'CLAIMED' AND owner = ? AND fence = ?",
            args)
        == 1;
  }

  @Override
  public List<String> unfinished(Instant pendingBefore, Instant now, int limit) {
    return query(
            "SELECT "
                + COLUMNS
                + " FROM outbox WHERE channel IS NOT NULL AND ((state = 'PENDING' AND updated < ?)"
                + " OR state = 'RETRY' OR (state = 'CLAIMED' AND "
                + LEASE_ENDS
                + " < ?)) ORDER BY updated LIMIT ?",
            Timestamp.from(pendingBefore),
            Timestamp.from(now),
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
                        r.getString(11),
                        r.getString(14),
                        r.getString(15)),
                r.getLong(12),
                instant(r.getTimestamp(13))));
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("outbox read failed: " + e.getMessage(), e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** The fencing token an UPDATE ... RETURNING fence gave, if it changed a row. */
  private Optional<Long> fence(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = prepare(c, sql, args);
        ResultSet r = s.executeQuery()) {
      return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("outbox write failed: " + e.getMessage(), e);
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
