package io.kommander.supportbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.BotProcess;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.SlackMock;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * No token, signing secret or password leaves the process (issue 34): the packaged jar in each of
 * its modes, given marker secrets, and made to fail every way an operator meets (a wrong token,
 * Slack or the database unreachable, Slack refusing posts, badly signed requests); every log line
 * it wrote and every answer it gave are searched for the markers.
 */
@Tag("packaged")
class SecretsStayInTest {
  static final String TOKEN = "xoxb-MARKER-token-4c1d";
  static final String SIGNING_SECRET = "MARKER-signing-5a2b";
  static final String PASSWORD = "MARKER-pw-8e3f";
  static final String APP_TOKEN = "xapp-MARKER-app-77b0";
  static final String GITHUB_TOKEN = "ghp_MARKER-github-19aa";
  static final List<String> MARKERS =
      List.of(TOKEN, SIGNING_SECRET, PASSWORD, APP_TOKEN, GITHUB_TOKEN, "MARKER");

  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();

  static SlackMock slack;
  static int closed;

  @TempDir Path dir;
  final List<String> seen = new ArrayList<>(); // every log and every answer, to search

  @BeforeAll
  static void start() throws Exception {
    slack = SlackMock.start();
    // Posting is refused: the failure is logged, and must be logged without the token.
    slack.refuse("chat.postMessage", "invalid_auth");
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens here: refused
    }
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @Test
  void noModeAndNoFailureShowsASecret() throws Exception {
    for (Mode mode :
        List.<Mode>of(
            this::slackWithAnUnreachableDatabase,
            this::offlineWithAnUnreachableDatabase,
            this::offlineWithGitHubUnreachable,
            () -> httpSlackWithTheDatabase("jdbc"),
            () -> httpSlackWithTheDatabase("postgres"),
            this::aWrongToken,
            () -> slackUnreachable("SLACK_SIGNING_SECRET", SIGNING_SECRET),
            () -> slackUnreachable("SLACK_APP_TOKEN", APP_TOKEN))) {
      int before = seen.size();
      mode.run();
      assertThat(seen.size()).isGreaterThan(before);
      for (String text : seen.subList(before, seen.size())) {
        for (String marker : MARKERS) {
          assertThat(text).as("a log or an answer shows a secret").doesNotContain(marker);
        }
      }
    }
  }

  /** One way to run the bot, adding its log and its answers to {@link #seen}. */
  interface Mode {
    void run() throws Exception;
  }

  private void offlineWithAnUnreachableDatabase() throws Exception {
    Map<String, String> env = env();
    env.put("LEDGER_DATABASE_URL", "postgres://bot:" + PASSWORD + "@127.0.0.1:" + closed + "/kb");
    env.put("UPSTREAM_TAGS_URL", "http://127.0.0.1:" + closed + "/repos/x/y/tags");
    try (BotProcess bot = BotProcess.start(env, dir.resolve("offline-database.log"))) {
      SlackRequests http = new SlackRequests(bot.baseUrl(), "unused");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> http.get("/readyz").body(), b -> b.contains("database: does not answer"));
      await().atMost(Duration.ofSeconds(20)).until(bot::log, l -> l.contains("look failed"));
      answers(http, "/readyz", "/metrics", "/", "/api/v1/matrix", "/slack/events");
      bot.stop();
      seen.add(bot.log());
    }
  }

  private void offlineWithGitHubUnreachable() throws Exception {
    Map<String, String> env = env();
    env.put("UPSTREAM_TAGS_URL", "http://127.0.0.1:" + closed + "/repos/x/y/tags");
    env.put("GITHUB_TOKEN", GITHUB_TOKEN);
    try (BotProcess bot = BotProcess.start(env, dir.resolve("offline-github.log"))) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(bot::log, l -> l.contains("Upstream watcher: cannot read"));
      answers(new SlackRequests(bot.baseUrl(), "unused"), "/readyz", "/metrics");
      bot.stop();
      seen.add(bot.log());
    }
  }

  private void httpSlackWithTheDatabase(String form) throws Exception {
    String port = postgres.jdbcUrl().replaceAll(".*://[^:]+:(\\d+)/.*", "$1");
    Map<String, String> env = slackEnv(slack.apiUrl());
    env.put(
        "LEDGER_DATABASE_URL",
        form.equals("jdbc")
            ? "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&password=" + PASSWORD
            : "postgres://postgres:" + PASSWORD + "@localhost:" + port + "/postgres");
    try (BotProcess bot = BotProcess.start(env, dir.resolve("http-" + form + ".log"))) {
      SlackRequests signed = new SlackRequests(bot.baseUrl(), SIGNING_SECRET);
      await().atMost(Duration.ofSeconds(20)).until(() -> signed.get("/readyz").statusCode() == 200);
      seen.add(signed.slash("nkp 2.16", slack.responseUrl()).body());
      String mention = SlackRequests.mention("Ev-" + form, "<@UBOT> nkp 2.16", null);
      seen.add(signed.post("/slack/events", mention, "application/json").body());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(bot::log, l -> l.contains("invalid_auth")); // the refused post is logged
      SlackRequests forged = new SlackRequests(bot.baseUrl(), "not-the-secret");
      HttpResponse<String> refused = forged.post("/slack/events", mention, "application/json");
      assertThat(refused.statusCode()).isEqualTo(401);
      seen.add(refused.body());
      answers(signed, "/readyz", "/metrics");
      bot.stop();
      seen.add(bot.log());
    }
  }

  private void aWrongToken() throws Exception {
    SlackMock refusing = SlackMock.start();
    refusing.refuse("auth.test", "invalid_auth");
    try (BotProcess bot =
        BotProcess.launch(slackEnv(refusing.apiUrl()), dir.resolve("wrong.log"))) {
      assertThat(bot.exitCode(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(bot.log())
          .contains("Bad configuration: Slack refused SLACK_BOT_TOKEN (invalid_auth)")
          .doesNotContain("\tat ");
      seen.add(bot.log());
    } finally {
      refusing.close();
    }
  }

  private void slackUnreachable(String variable, String secret) throws Exception {
    Map<String, String> env = slackEnv("http://127.0.0.1:" + closed + "/api/");
    env.remove("SLACK_SIGNING_SECRET");
    env.put(variable, secret);
    try (BotProcess bot = BotProcess.start(env, dir.resolve(variable + ".log"))) {
      SlackRequests http = new SlackRequests(bot.baseUrl(), SIGNING_SECRET);
      HttpResponse<String> ready = http.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("slack: cannot reach Slack: connection refused");
      answers(http, "/metrics", "/slack/events");
      bot.stop();
      assertThat(bot.log()).doesNotContain("\tat ");
      seen.add(bot.log());
    }
  }

  private void slackWithAnUnreachableDatabase() throws Exception {
    Map<String, String> env = slackEnv(slack.apiUrl());
    env.put("LEDGER_DATABASE_URL", "postgresql://bot:" + PASSWORD + "@127.0.0.1:" + closed + "/k");
    try (BotProcess bot = BotProcess.launch(env, dir.resolve("no-database.log"))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !bot.alive() || bot.log().contains("listening on port"));
      bot.stop();
      seen.add(bot.log());
    }
  }

  /** GETs each path (POST for Slack's), keeping what came back. */
  private void answers(SlackRequests http, String... paths) throws Exception {
    for (String path : paths) {
      seen.add(
          path.equals("/slack/events")
              ? http.post(path, "{}", "application/json").body()
              : http.get(path).body());
    }
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dir.resolve("data-" + Instant.now().toEpochMilli()).toString());
    env.put("UPSTREAM_TAGS_URL", "off");
    return env;
  }

  private Map<String, String> slackEnv(String apiUrl) {
    Map<String, String> env = env();
    env.put("SLACK_BOT_TOKEN", TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_URL", apiUrl);
    return env;
  }
}
