package io.kommander.supportbot.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Subscriptions shared by every replica: one row per channel and line. */
final class PostgresSubscriptions implements Subscriptions {
  private static final String SELECT =
      "SELECT channel, line, subscribed_by, subscribed_at FROM channel_subscriptions";

  private final DataSource db;

  PostgresSubscriptions(DataSource db) {
    this.db = db;
    Schema.migrate(db);
  }

  @Override
  public boolean add(Subscription s) {
    return update(
            "INSERT INTO channel_subscriptions (channel, line, subscribed_by, subscribed_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            s.channel(),
            s.line(),
            s.by(),
            Timestamp.from(s.at()))
        == 1;
  }

  @Override
  public boolean remove(String channel, String line) {
    return update("DELETE FROM channel_subscriptions WHERE channel = ? AND line = ?", channel, line)
        == 1;
  }

  @Override
  public int removeChannel(String channel) {
    return update("DELETE FROM channel_subscriptions WHERE channel = ?", channel);
  }

  @Override
  public List<Subscription> of(String channel) {
    return query(SELECT + " WHERE channel = ? ORDER BY subscribed_at, line", channel);
  }

  @Override
  public List<Subscription> all() {
    return query(SELECT + " ORDER BY channel, subscribed_at, line");
  }

  private int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = PostgresLedger.prepare(c, sql, args)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot change subscriptions: " + e.getMessage(), e);
    }
  }

  private List<Subscription> query(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = PostgresLedger.prepare(c, sql, args);
        ResultSet r = s.executeQuery()) {
      List<Subscription> out = new ArrayList<>();
      while (r.next()) {
        out.add(
            new Subscription(
                r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read subscriptions: " + e.getMessage(), e);
    }
  }
}
