package io.kommander.supportbot.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.Serve;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.ManualClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of {@code serve} on one PostgreSQL: a channel subscribed through one replica gets
 * its announcement from the other, once.
 */
class SubscriptionReplicasTest {
  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();

  @Test
  void aSubscriptionMadeThroughOneReplicaIsHonouredByTheOther(@TempDir Path dir) throws Exception {
    WireMockServer slack = AnnouncementFixture.startSlack();
    Path catalog = Files.writeString(dir.resolve("releases.yaml"), TestCatalogs.withPlannedText());
    Path announcing =
        Files.writeString(
            dir.resolve("announcements.yaml"),
            "enabled: true\nchannels: []\nleadDays: [30, 7]\ntime: \"09:00\"\nzone: UTC\n"
                + "maxLateDays: 3\nlookEverySeconds: 1\nclaimTimeoutSeconds: 180\n");
    Map<String, String> env =
        Map.of(
            "PORT",
            "0",
            "CATALOG_FILE",
            catalog.toString(),
            "ANNOUNCE_CONFIG",
            announcing.toString(),
            "SLACK_BOT_TOKEN",
            "xoxb-replicas",
            "SLACK_SIGNING_SECRET",
            "replica-secret",
            "SLACK_API_URL",
            slack.baseUrl() + "/api/",
            "LEDGER_DATABASE_URL",
            postgres.jdbcUrl(),
            "ANNOUNCE_CHANNELS",
            "C0FIXED01",
            "UPSTREAM_TAGS_URL",
            "off");
    ManualClock clock = new ManualClock("2026-12-01T08:00:00Z");
    Serve one = Serve.start(Config.fromEnv(env), "127.0.0.1", clock);
    Serve two = Serve.start(Config.fromEnv(env), "127.0.0.1", clock);
    try {
      SlackRequests toOne =
          new SlackRequests("http://127.0.0.1:" + one.bot().port(), "replica-secret");
      toOne.post(
          "/slack/events",
          SlackRequests.slashCommand(
              "subscribe nkp 2.15", slack.baseUrl() + "/response", "C0TEAM215", "U0A", "t.1"),
          "application/x-www-form-urlencoded");
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> AnnouncementFixture.posts(slack).size() == 1); // the channel's notice
      // A channel the operator named gets every line, and Slack cannot change that.
      HttpResponse<String> fixed =
          toOne.post(
              "/slack/events",
              SlackRequests.slashCommand(
                  "unsubscribe", slack.baseUrl() + "/response", "C0FIXED01", "U0A", "t.2"),
              "application/x-www-form-urlencoded");
      assertThat(fixed.body()).contains("cannot be changed from Slack");
      one.close(); // only the other replica is left to announce

      slack.resetRequests();
      clock.set("2026-12-16T09:00:00Z"); // NKP 2.15's 30-day warning is due
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> AnnouncementFixture.posts(slack).size() >= 2);
      Awaitility.await() // through two more looks of the scheduler, nothing more comes
          .during(Duration.ofMillis(2_500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> AnnouncementFixture.posts(slack).size() == 2);
      assertThat(AnnouncementFixture.posts(slack))
          .allSatisfy(
              p ->
                  assertThat(AnnouncementFixture.form(p).get("text"))
                      .startsWith("Support for NKP 2.15.x ends in 30 days"))
          .extracting(p -> AnnouncementFixture.form(p).get("channel"))
          .containsExactlyInAnyOrder("C0TEAM215", "C0FIXED01");
    } finally {
      one.close(); // idempotent
      two.close();
      slack.stop();
    }
  }
}
