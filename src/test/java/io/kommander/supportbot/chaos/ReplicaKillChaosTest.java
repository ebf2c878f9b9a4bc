package io.kommander.supportbot.chaos;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.SlackMock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes share one PostgreSQL; a mention reaches replica A, which acks, and is killed
 * with SIGKILL at a random moment while its reply is (or is about to be) on its way to a slow
 * Slack. Replica B, still running, must finish it: exactly one reply per round, none lost. {@code
 * mvn -B -Pchaos verify}; rounds: -Dchaos.replicaRounds (10).
 */
@Tag("chaos")
class ReplicaKillChaosTest {
  static final String SECRET = "replica-chaos-secret-3c4d";

  @TempDir Path dir;

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  record Replica(Process process, int port) {}

  Replica start(String name, String databaseUrl, Path config) throws Exception {
    return start(name, databaseUrl, config, null);
  }

  /** A replica on {@code catalog} (null: the shipped one). */
  Replica start(String name, String databaseUrl, Path config, Path catalog) throws Exception {
    return start(name, databaseUrl, config, catalog, Map.of());
  }

  /** The same, with {@code more} of the environment (or some of it changed). */
  Replica start(
      String name, String databaseUrl, Path config, Path catalog, Map<String, String> more)
      throws Exception {
    int port = freePort();
    ProcessBuilder pb = FileLedgerChaosTest.bot(port, SECRET);
    Map<String, String> env = pb.environment();
    env.putAll(more);
    if (catalog != null) {
      env.put("CATALOG_FILE", catalog.toString());
    }
    env.put("ANNOUNCE_CONFIG", config.toString());
    env.put("LEDGER_DATABASE_URL", databaseUrl);
    env.put("DATA_DIR", dir.resolve("data-" + name).toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    Process p = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return new Replica(p, port);
        }
      } catch (java.io.IOException notYet) {
        // starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("replica " + name + " did not become ready; see " + dir);
  }

  static String state(EmbeddedPostgres pg, String key) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT state FROM outbox WHERE key = ?")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : "none";
      }
    }
  }

  @Test
  void aReplicaKilledMidPostLeavesItsReplyToTheOtherExactlyOnce() throws Exception {
    int rounds = Integer.getInteger("chaos.replicaRounds", 10);
    Path config =
        Files.writeString(
            dir.resolve("announcements.yaml"), "enabled: false\nlookEverySeconds: 1\n");
    WireMockServer slack = FileLedgerChaosTest.slowSlack();
    Random random = new Random(7);
    List<String> outcomes = new ArrayList<>();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      Replica b = start("b", url, config);
      try {
        for (int round = 0; round < rounds; round++) {
          Replica a = start("a-" + round, url, config);
          String eventId = "Ev-chaos-" + round;
          String key = "reply:C0001:" + SlackRequests.tsOf(eventId);
          var ack =
              new SlackRequests("http://127.0.0.1:" + a.port(), SECRET)
                  .post(
                      "/slack/events",
                      SlackRequests.mention(eventId, "<@UBOT> nkp 2.16", null),
                      "application/json");
          assertThat(ack.statusCode()).isEqualTo(200);
          long killAfter = random.nextInt((int) FileLedgerChaosTest.POST_MILLIS + 500);
          Thread.sleep(killAfter);
          a.process().destroyForcibly().waitFor(); // SIGKILL
          String when = state(pg, key);
          long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
          while (System.nanoTime() < deadline && !state(pg, key).equals("SENT")) {
            Thread.sleep(100);
          }
          Thread.sleep(FileLedgerChaosTest.POST_MILLIS); // a duplicate would land by now
          List<LoggedRequest> replies =
              slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                  .filter(r -> SlackMock.form(r.getBodyAsString()).get("metadata").contains(key))
                  .toList();
          outcomes.add(
              "round "
                  + round
                  + ": killed after "
                  + killAfter
                  + " ms while "
                  + when
                  + ", "
                  + replies.size()
                  + " reply, "
                  + state(pg, key));
          assertThat(replies).as("round %d, logs in %s", round, dir).hasSize(1);
          assertThat(state(pg, key)).isEqualTo("SENT");
        }
      } finally {
        b.process().destroy();
        b.process().waitFor();
      }
    } finally {
      slack.stop();
    }
    System.out.println(
        "ReplicaKillChaosTest: "
            + rounds
            + " rounds, 0 duplicates, 0 lost\n  "
            + String.join("\n  ", outcomes));
  }
}
