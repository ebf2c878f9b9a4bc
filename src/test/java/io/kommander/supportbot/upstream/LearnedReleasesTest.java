package io.kommander.supportbot.upstream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.Serve;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.ManualClock;
import io.kommander.supportbot.testing.SlackMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases learned upstream persist and apply whatever else is configured (issue 34): in PostgreSQL
 * when {@code LEDGER_DATABASE_URL} is set, with or without Slack, else in {@code DATA_DIR}; {@code
 * UPSTREAM_TAGS_URL=off} stops the looking, not the knowing. They used to be kept in PostgreSQL
 * only with a bot token, and ignored once the watcher was off.
 */
class LearnedReleasesTest {
  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();

  static final String FOUND =
      "Found upstream as a release tag dated 2026-08-21, not yet reviewed (provisional).";

  final ManualClock clock = new ManualClock("2026-11-29T10:00:00Z");
  final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;
  WireMockServer github;
  SlackMock slack;

  @BeforeEach
  void start() throws Exception {
    github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    github.start();
    GitHubStub.twoPages(github);
    slack = SlackMock.start();
    UpstreamStore.postgres(postgres.dataSource()).load(); // creates the table
    postgres.truncate("upstream_state");
  }

  @AfterEach
  void stop() {
    github.stop(); // stopping twice is harmless
    slack.close();
  }

  @Test
  void aReplicaWithoutSlackAnswersWhatOneWithSlackLearnedAndARestartWithTheWatcherOffToo()
      throws Exception {
    String nkp219;
    String tags = upstream();
    try (Serve withSlack = Serve.start(slackConfig("a"), "127.0.0.1", clock)) {
      nkp219 =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> ask(withSlack), a -> a.contains(FOUND));
      github.stop(); // the next replica cannot look for itself
      try (Serve withoutSlack = Serve.start(config("b", tags), "127.0.0.1", clock)) {
        assertThat(ask(withoutSlack)).isEqualTo(nkp219);
      }
    }
    try (Serve restarted = Serve.start(config("c", "off"), "127.0.0.1", clock)) {
      assertThat(ask(restarted)).isEqualTo(nkp219);
    }
  }

  @Test
  void withoutADatabaseARestartWithTheWatcherOffStillKnowsWhatItFound() throws Exception {
    Map<String, String> env = env("alone", upstream());
    env.remove("LEDGER_DATABASE_URL");
    String nkp219;
    try (Serve alone = Serve.start(Config.fromEnv(env), "127.0.0.1", clock)) {
      nkp219 =
          await().atMost(Duration.ofSeconds(20)).until(() -> ask(alone), a -> a.contains(FOUND));
    }
    env.put("UPSTREAM_TAGS_URL", "off");
    try (Serve restarted = Serve.start(Config.fromEnv(env), "127.0.0.1", clock)) {
      assertThat(ask(restarted)).isEqualTo(nkp219);
    }
  }

  private String upstream() {
    return github.baseUrl() + GitHubStub.TAGS;
  }

  private String ask(Serve serve) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + serve.bot().port() + "/ask?q=nkp+2.19");
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private Config config(String name, String tagsUrl) {
    return Config.fromEnv(env(name, tagsUrl));
  }

  private Config slackConfig(String name) {
    Map<String, String> env = env(name, upstream());
    env.put("SLACK_BOT_TOKEN", "xoxb-learned");
    env.put("SLACK_SIGNING_SECRET", "learned-secret");
    env.put("SLACK_API_URL", slack.apiUrl());
    return Config.fromEnv(env);
  }

  /** A replica of its own: its own DATA_DIR, the shared database. */
  private Map<String, String> env(String name, String tagsUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("DATA_DIR", dir.resolve(name).toString());
    env.put("LEDGER_DATABASE_URL", postgres.jdbcUrl());
    env.put("UPSTREAM_TAGS_URL", tagsUrl);
    return env;
  }
}
