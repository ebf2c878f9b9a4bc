package io.kommander.supportbot.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.Serve;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.ManualClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `serve` with announcements on: the schedule is shown by the slash command, over signed HTTP. */
class AnnouncementsServeTest {
  @Test
  void theSlashCommandShowsTheUpcomingSchedule(@TempDir Path dir) throws Exception {
    WireMockServer slack = AnnouncementFixture.startSlack();
    Path catalog = Files.writeString(dir.resolve("releases.yaml"), TestCatalogs.withPlannedText());
    Config config =
        Config.fromEnv(
            Map.of(
                "PORT",
                "0",
                "CATALOG_FILE",
                catalog.toString(),
                "SLACK_BOT_TOKEN",
                "xoxb-serve",
                "SLACK_SIGNING_SECRET",
                "serve-secret",
                "SLACK_API_URL",
                slack.baseUrl() + "/api/",
                "ANNOUNCE_CHANNELS",
                "C0ANNOUNCE1",
                "DATA_DIR",
                dir.resolve("data").toString(),
                "UPSTREAM_TAGS_URL",
                "off"));
    try (Serve serve = Serve.start(config, "127.0.0.1", new ManualClock("2026-12-01T08:00:00Z"))) {
      SlackRequests requests =
          new SlackRequests("http://127.0.0.1:" + serve.bot().port(), "serve-secret");
      HttpResponse<String> r =
          requests.post(
              "/slack/events",
              SlackRequests.slashCommand("announcements", slack.baseUrl() + "/response"),
              "application/x-www-form-urlencoded");
      assertThat(r.statusCode()).isEqualTo(200);
      String text = new ObjectMapper().readTree(r.body()).get("text").asText();
      assertThat(text)
          .contains("Posted to <#C0ANNOUNCE1> at 09:00 UTC, 30 and 7 days ahead and on the day.")
          .contains("• 2026-12-16T09:00:00Z: 30-day warning for NKP 2.15")
          .contains("• 2027-01-08T09:00:00Z: 7-day warning for NKP 2.15")
          .contains("• 2027-01-15T09:00:00Z: support for NKP 2.15 ends (NKP 2.18 ships)");
      assertThat(AnnouncementFixture.posts(slack)).isEmpty(); // nothing due on 2026-12-01
    } finally {
      slack.stop();
    }
  }
}
