package io.kommander.supportbot.upstream;

import io.kommander.supportbot.delivery.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The watcher's state as one JSON row, shared by every replica on the database. */
final class PostgresUpstreamStore implements UpstreamStore {
  private final DataSource db;

  PostgresUpstreamStore(DataSource db) {
    this.db = db;
  }

  /**
   * A connection to a migrated schema: migrated at first use, so a database down at start only
   * delays it.
   */
  private Connection connect() throws SQLException {
    Schema.migrate(db);
    return db.getConnection();
  }

  @Override
  public UpstreamState load() {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("SELECT doc FROM upstream_state WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      return r.next() ? JSON.readValue(r.getString(1), UpstreamState.class) : UpstreamState.EMPTY;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("upstream_state cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(UpstreamState state) {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO upstream_state (id, doc) VALUES (1, ?) ON CONFLICT (id)"
                    + " DO UPDATE SET doc = excluded.doc, updated = now()")) {
      s.setString(1, JSON.writeValueAsString(state));
      s.executeUpdate();
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("upstream_state cannot be written: " + e.getMessage(), e);
    }
  }
}
