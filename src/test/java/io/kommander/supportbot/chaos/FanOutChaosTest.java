package io.kommander.supportbot.chaos;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.delivery.Subscriptions.Subscription;
import io.kommander.supportbot.testing.SlackMock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An end-of-support day with hundreds of subscribed channels, delivered by two replicas on one
 * PostgreSQL; one is killed with SIGKILL midway through the fan-out. The survivor must finish:
 * every channel gets its post once, none twice, none lost. {@code -Dchaos.fanOutChannels} (400).
 */
@Tag("chaos")
class FanOutChaosTest {
  static final String SECRET = "fan-out-chaos-secret-7e8f";

  /** Slack's time to answer a post; the post shows in history 3 s after it landed. */
  static final int POST_MILLIS = 150;

  @TempDir Path dir;

  @Test
  void aReplicaKilledMidFanOutLeavesTheRestToTheOtherEachChannelOnce() throws Exception {
    int channels = Integer.getInteger("chaos.fanOutChannels", 400);
    WireMockServer slack = FileLedgerChaosTest.slowSlack(POST_MILLIS);
    FileLedgerChaosTest.endingToday(dir.resolve("releases.yaml"));
    Path config =
        Files.writeString(
            dir.resolve("announcements.yaml"),
            "enabled: true\nchannels: []\nleadDays: [30]\ntime: \"00:00\"\nzone: UTC\n"
                + "maxLateDays: 3\nlookEverySeconds: 1\n");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      Subscriptions subscribed = Subscriptions.postgres(pg.getPostgresDatabase());
      for (int i = 0; i < channels; i++) {
        subscribed.add(
            new Subscription(String.format("C0FAN%05d", i), "2.15", "U0", Instant.now()));
      }
      ReplicaKillChaosTest replicas = new ReplicaKillChaosTest();
      replicas.dir = dir;
      long start = System.nanoTime();
      ReplicaKillChaosTest.Replica a =
          replicas.start("fan-a", url, config, dir.resolve("releases.yaml"));
      ReplicaKillChaosTest.Replica b =
          replicas.start("fan-b", url, config, dir.resolve("releases.yaml"));
      try {
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> posts(slack).size() >= channels / 4);
        a.process().destroyForcibly().waitFor(); // SIGKILL, mid fan-out
        Map<String, Long> atKill = states(pg);
        Awaitility.await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> states(pg).getOrDefault("SENT", 0L) == channels);
        double seconds = (System.nanoTime() - start) / 1e9;
        // WireMock logs a post as it arrives, so every post made so far is counted, the dead
        // replica's in-flight ones included; a takeover that posted again would show here.
        Map<String, Long> perChannel =
            posts(slack).stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertThat(perChannel).as("logs in %s", dir).hasSize(channels);
        assertThat(perChannel.values()).as("posts per channel, logs in %s", dir).containsOnly(1L);
        System.out.printf(
            "FanOutChaosTest: %d channels, 2 replicas, one killed with %s; all delivered %.1f s"
                + " after start, each once; posted by owner: %s%n",
            channels, atKill, seconds, owners(pg));
      } finally {
        a.process().destroyForcibly().waitFor();
        b.process().destroy();
        b.process().waitFor();
      }
    } finally {
      slack.stop();
    }
  }

  /** The channel of each chat.postMessage Slack received. */
  static java.util.List<String> posts(WireMockServer slack) {
    return slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
        .map(r -> SlackMock.form(r.getBodyAsString()).get("channel"))
        .toList();
  }

  static Map<String, Long> states(EmbeddedPostgres pg) throws Exception {
    return count(pg, "SELECT state, count(*) FROM outbox WHERE key LIKE 'ended:%' GROUP BY state");
  }

  static Map<String, Long> owners(EmbeddedPostgres pg) throws Exception {
    return count(
        pg,
        "SELECT coalesce(owner, '-'), count(*) FROM outbox WHERE key LIKE 'ended:%' GROUP BY 1");
  }

  private static Map<String, Long> count(EmbeddedPostgres pg, String sql) throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.put(r.getString(1), r.getLong(2));
      }
    }
    return out;
  }
}
