package io.kommander.supportbot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/** Whether the shared database answers, for readiness. */
final class Database {
  private Database() {}

  /** Empty when {@code SELECT 1} answers within 2 seconds; else why not. */
  static Optional<String> problem(String url) {
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setURL(url);
    db.setConnectTimeout(2);
    db.setSocketTimeout(2);
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of("does not answer (" + e.getSQLState() + ")");
    }
  }
}
