package io.kommander.supportbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.SlackRequests;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no Slack variables, `serve` still runs a useful local server and says what to set. */
class BotWithoutSlackTest {
  @Test
  void servesHealthAndAnswersAndExplainsWhatToSetForSlack() throws Exception {
    Config config = Config.fromEnv(Map.of("PORT", "0"));
    assertThat(config.slackMode()).isEqualTo(Config.SlackMode.OFF);
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    try (Bot bot = Bot.start(config, "127.0.0.1", () -> policy)) {
      SlackRequests http = new SlackRequests("http://127.0.0.1:" + bot.port(), "unused");
      assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> ask =
          http.get("/ask?q=" + URLEncoder.encode("1.2 on konvoy 1.7", StandardCharsets.UTF_8));
      assertThat(ask.statusCode()).isEqualTo(200);
      assertThat(ask.body()).contains("No: Kommander 1.2 on Konvoy 1.7 is not supported");
      HttpResponse<String> events = http.post("/slack/events", "{}", "application/json", Map.of());
      assertThat(events.statusCode()).isEqualTo(503);
      assertThat(events.body())
          .contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN");
    }
  }

  @Test
  void aDatabaseOutageDegradesReadinessWithoutTakingThePodOutOfService() throws Exception {
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    try (Bot bot = Bot.start(Config.fromEnv(Map.of("PORT", "0")), "127.0.0.1", () -> policy)) {
      SlackRequests http = new SlackRequests("http://127.0.0.1:" + bot.port(), "unused");
      HttpResponse<String> ready = http.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ready\n");
    }
    Config withDatabase =
        Config.fromEnv(
            Map.of("PORT", "0", "LEDGER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/ledger"));
    try (Bot bot = Bot.start(withDatabase, "127.0.0.1", () -> policy)) {
      SlackRequests http = new SlackRequests("http://127.0.0.1:" + bot.port(), "unused");
      // The database is down: the pod serves what does not need it, and says what is degraded.
      HttpResponse<String> ready =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(() -> http.get("/readyz"), r -> r.body().contains("does not answer"));
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body())
          .isEqualTo(
              "degraded\ndatabase: does not answer: mention replies, announcements and"
                  + " subscriptions wait for it\n");
      assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v1/matrix").statusCode()).isEqualTo(200);
      assertThat(http.get("/metrics").body()).contains("readiness_degraded{check=\"database\"} 1");
    }
  }

  @Test
  void configNeverPrintsSecrets() {
    Config config =
        Config.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-secret-1",
                "SLACK_SIGNING_SECRET",
                "sign-secret-2",
                "SLACK_APP_TOKEN",
                "xapp-secret-3"));
    assertThat(config.slackMode()).isEqualTo(Config.SlackMode.SOCKET);
    assertThat(config.toString())
        .doesNotContain("xoxb-secret-1", "sign-secret-2", "xapp-secret-3")
        .contains("botToken=set");
  }

  @Test
  void theSlackApiUrlAlwaysEndsWithASlash() {
    assertThat(Config.fromEnv(Map.of("SLACK_API_URL", "https://slack-gov.com/api")).slackApiUrl())
        .isEqualTo("https://slack-gov.com/api/");
    assertThat(Config.fromEnv(Map.of()).slackApiUrl()).isEqualTo("https://slack.com/api/");
  }

  @Test
  void aBadPortIsAClearError() {
    assertThat(
            Main.run(
                new String[] {"serve"},
                Map.of("PORT", "eighty"),
                System.out,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
        .isEqualTo(2);
  }
}
