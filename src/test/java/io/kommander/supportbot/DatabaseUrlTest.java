package io.kommander.supportbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kommander.supportbot.testing.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code LEDGER_DATABASE_URL} in the forms providers hand out and in the driver's own, taken apart
 * so that no URL the bot holds carries the password; and a real login with a password that needs
 * percent-encoding, against a PostgreSQL that checks it.
 */
class DatabaseUrlTest {
  static final String ROLE = "kbot";
  static final String PASSWORD = "p@ss:w/0rd+x %&?";

  @RegisterExtension
  static final EmbeddedDatabase postgres =
      new EmbeddedDatabase(Map.of("hba_file", hbaFile().toString()));

  /** Trust for the test's own superuser; a password for everyone else. */
  static Path hbaFile() {
    try {
      Path file = Files.createTempFile("pg_hba", ".conf");
      Files.writeString(
          file,
          """
          local all postgres trust
          host all postgres 127.0.0.1/32 trust
          host all postgres ::1/128 trust
          host all all 127.0.0.1/32 scram-sha-256
          host all all ::1/128 scram-sha-256
          """);
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theProvidersFormIsSplitIntoADriverUrlAndCredentials() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgres://bot:p%40ss%3Aw0rd+x@db.example.com:5432/kbot?sslmode=require");
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.com:5432/kbot?sslmode=require");
    assertThat(url.user()).contains("bot");
    assertThat(url.password()).contains("p@ss:w0rd+x");
    assertThat(url.where()).isEqualTo("db.example.com:5432/kbot");
    assertThat(url.toString()).doesNotContain("p@ss", "w0rd");
  }

  @Test
  void otherSpellingsOfTheSameForm() {
    assertThat(DatabaseUrl.parse("postgresql://bot@host/db"))
        .isEqualTo(
            new DatabaseUrl(
                "jdbc:postgresql://host/db", Optional.of("bot"), Optional.empty(), "host/db"));
    assertThat(DatabaseUrl.parse("POSTGRES://host").jdbcUrl()).isEqualTo("jdbc:postgresql://host/");
    assertThat(DatabaseUrl.parse("postgres://u:p@h1:5432,h2:5433/db?target_session_attrs=any"))
        .extracting(DatabaseUrl::jdbcUrl, DatabaseUrl::where)
        .containsExactly(
            "jdbc:postgresql://h1:5432,h2:5433/db?target_session_attrs=any", "h1:5432,h2:5433/db");
    assertThat(DatabaseUrl.parse("postgres://u:p@[::1]:5432/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5432/db");
  }

  @Test
  void aJdbcUrlLosesItsCredentialsToo() {
    DatabaseUrl url =
        DatabaseUrl.parse("jdbc:postgresql://db:5432/kbot?user=bot&password=a%2Bb+c&ssl=true");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/kbot?ssl=true");
    assertThat(url.user()).contains("bot");
    assertThat(url.password()).contains("a+b c"); // the driver's own reading: + is a space
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql://bot:SECRET-1@db/kbot",
        "postgres://bot:SECRET-1@/kbot",
        "postgres://bot:SECRET-1%zz@db/kbot",
        "bot:SECRET-1@db/kbot"
      })
  void whatIsNotADatabaseUrlIsRefusedWithoutRepeatingIt(String text) {
    assertThatThrownBy(() -> DatabaseUrl.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("LEDGER_DATABASE_URL must be postgres://USER:PASSWORD@HOST")
        .message()
        .doesNotContain("SECRET-1");
  }

  @Test
  void aPasswordThatNeedsEscapingLogsInThroughThePool() throws Exception {
    try (Connection c = postgres.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP ROLE IF EXISTS " + ROLE);
      s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
    }
    String port = postgres.jdbcUrl().replaceAll(".*://[^:]+:(\\d+)/.*", "$1");
    String url =
        "postgres://"
            + ROLE
            + ":p%40ss%3Aw%2F0rd+x%20%25%26%3F@127.0.0.1:"
            + port
            + "/postgres?sslmode=disable";
    Config config = Config.fromEnv(Map.of("LEDGER_DATABASE_URL", url));
    try (Database db = Database.open(config).orElseThrow();
        Connection c = db.pool().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT current_user")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo(ROLE);
      assertThat(db.problem()).isEmpty();
    }
    Config wrong = Config.fromEnv(Map.of("LEDGER_DATABASE_URL", url.replace("%40", "%41")));
    try (Database db = Database.open(wrong).orElseThrow()) {
      assertThat(db.problem()).contains(Database.DOWN);
    }
  }
}
