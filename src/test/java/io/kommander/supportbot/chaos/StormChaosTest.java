package io.kommander.supportbot.chaos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.delivery.Subscriptions.Subscription;
import io.kommander.supportbot.testing.SlackMock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 429 storm: Slack answers the first {@link #STORM} posts with 429 and a Retry-After longer than
 * the outbox's lease, so the poster holds its claim through waits that outlast it. A claim taken
 * over by its age alone was posted twice here: another replica (or the bot's own recovery) read the
 * history, found nothing yet, and posted, while the first poster went on to post after its wait.
 * With leases renewed through the waits and checked before each send: one post. Two replicas on one
 * PostgreSQL, then one bot on the file ledger.
 */
@Tag("chaos")
class StormChaosTest {
  static final String SECRET = "storm-chaos-secret-1a2b";

  /** 429s in a row before Slack takes posts again. */
  static final int STORM = 3;

  /** Slack's Retry-After, in seconds: longer than the lease. */
  static final int RETRY_AFTER = 3;

  /** The outbox's lease, in seconds (OUTBOX_LEASE_SECONDS). */
  static final String LEASE = "2";

  @TempDir Path dir;
  WireMockServer slack;

  @BeforeEach
  void storm() throws Exception {
    slack = FileLedgerChaosTest.slowSlack(0); // history shows what Slack took, 3 s after
    String state = STARTED;
    for (int i = 1; i <= STORM; i++) {
      slack.stubFor(
          post("/api/chat.postMessage")
              .inScenario("storm")
              .whenScenarioStateIs(state)
              .willReturn(
                  aResponse()
                      .withStatus(429)
                      .withHeader("Retry-After", String.valueOf(RETRY_AFTER))
                      .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
              .willSetStateTo("429 #" + i));
      state = "429 #" + i;
    } // then the stub every post matches: 200
    FileLedgerChaosTest.endingToday(dir.resolve("releases.yaml"));
  }

  @AfterEach
  void calm() {
    slack.stop();
  }

  @Test
  void twoReplicasOnOnePostgresqlPostTheAnnouncementOnceThroughTheStorm() throws Exception {
    String channel = "C0STORM0PG";
    Path config = announcements();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      ReplicaKillChaosTest replicas = new ReplicaKillChaosTest();
      replicas.dir = dir;
      Map<String, String> lease = Map.of("OUTBOX_LEASE_SECONDS", LEASE);
      ReplicaKillChaosTest.Replica a = replicas.start("storm-a", url, config, catalog(), lease);
      ReplicaKillChaosTest.Replica b = replicas.start("storm-b", url, config, catalog(), lease);
      try {
        // Subscribed once both look, so both see the post due and the storm begin.
        Subscriptions.postgres(pg.getPostgresDatabase())
            .add(new Subscription(channel, "2.15", "U0", Instant.now()));
        String key = key(channel);
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> ReplicaKillChaosTest.state(pg, key).equals("SENT"));
        assertOnePost(channel);
      } finally {
        a.process().destroy();
        b.process().destroy();
        a.process().waitFor();
        b.process().waitFor();
      }
    }
  }

  @Test
  void oneBotOnTheFileLedgerPostsTheAnnouncementOnceThroughTheStorm() throws Exception {
    String channel = "C0STORM0FL";
    Path data = Files.createDirectories(dir.resolve("data"));
    ProcessBuilder pb = FileLedgerChaosTest.bot(FileLedgerChaosTest.freePort(), SECRET);
    Map<String, String> env = pb.environment();
    env.put("CATALOG_FILE", catalog().toString());
    env.put("ANNOUNCE_CONFIG", announcements().toString());
    env.put("ANNOUNCE_CHANNELS", channel);
    env.put("DATA_DIR", data.toString());
    env.put("OUTBOX_LEASE_SECONDS", LEASE);
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("storm-file.log").toFile());
    Process bot = pb.start();
    try {
      Path journal = data.resolve("outbox.jsonl");
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  Files.exists(journal)
                      && Files.readString(journal).contains(FileLedgerChaosTest.SENT));
      assertOnePost(channel);
    } finally {
      bot.destroy();
      bot.waitFor();
    }
  }

  /**
   * Once the post is recorded as sent, waits as long as a second poster would take to post through
   * the rest of the storm, then counts the posts Slack took: one, after {@link #STORM} 429s.
   */
  void assertOnePost(String channel) throws InterruptedException {
    Thread.sleep(Duration.ofSeconds(2L * RETRY_AFTER + Long.parseLong(LEASE)).toMillis());
    List<ServeEvent> posts =
        slack.getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().equals("/api/chat.postMessage"))
            .filter(
                e ->
                    channel.equals(SlackMock.form(e.getRequest().getBodyAsString()).get("channel")))
            .toList();
    long taken = posts.stream().filter(e -> e.getResponseDefinition().getStatus() == 200).count();
    long limited = posts.stream().filter(e -> e.getResponseDefinition().getStatus() == 429).count();
    System.out.printf(
        "StormChaosTest %s: %d posts answered 429 (Retry-After %d s, lease %s s), %d taken%n",
        channel, limited, RETRY_AFTER, LEASE, taken);
    assertThat(limited).as("the storm happened; logs in %s", dir).isEqualTo(STORM);
    assertThat(taken).as("posts Slack took; logs in %s", dir).isEqualTo(1);
  }

  Path catalog() {
    return dir.resolve("releases.yaml");
  }

  /** Announcements due at once, looked at every second; the lease is set in the environment. */
  Path announcements() throws Exception {
    return Files.writeString(
        dir.resolve("announcements.yaml"),
        "enabled: true\nchannels: []\nleadDays: [30]\ntime: \"00:00\"\nzone: UTC\n"
            + "maxLateDays: 3\nlookEverySeconds: 1\n");
  }

  static String key(String channel) {
    return "ended:kommander-2.15:" + channel + ":" + LocalDate.now(ZoneOffset.UTC);
  }
}
