package io.kommander.supportbot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Slack unreachable at start (DNS, egress, an outage) is not fatal: the page, the API and {@code
 * /ask} serve, readiness says "cannot reach Slack", {@code auth.test} is retried with back-off, and
 * the bot is ready once Slack answers. A token Slack refuses still stops it, with a clean message.
 */
class SlackOutageAtStartTest {
  static final String SECRET = "outage-signing-secret-31c9";
  static final String AUTH_TEST = "/api/auth.test";

  final PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  SlackMock slack;

  @BeforeEach
  void listen() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logged);
    if (slack != null) {
      slack.close();
    }
  }

  @Test
  void unreachableAtStartServesThePageAndIsReadyOnceSlackAnswers() throws Exception {
    int port = freePort(); // nothing listens there yet: connection refused
    Config config = TestConfigs.http("http://127.0.0.1:" + port + "/api/", "xoxb-outage", SECRET);
    try (Bot bot = Bot.start(config, "127.0.0.1", () -> policy)) {
      SlackRequests http = new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET);
      assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = http.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body())
          .isEqualTo("not ready\nslack: cannot reach Slack: connection refused\n");
      assertThat(http.get("/").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v1/matrix").statusCode()).isEqualTo(200);
      assertThat(http.get("/ask?q=nkp+2.16").body()).contains("NKP 2.16");
      HttpResponse<String> early = http.slash("2.15", "http://127.0.0.1:1/response");
      assertThat(early.statusCode()).isEqualTo(503);
      assertThat(early.headers().firstValue("Retry-After")).contains("5");
      assertThat(early.body()).startsWith("Not connected to Slack yet: cannot reach Slack");

      slack = SlackMock.start(port);
      await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/readyz").statusCode() == 200);
      assertThat(http.get("/readyz").body()).isEqualTo("ready\n");
      HttpResponse<String> answered = http.slash("2.15", slack.responseUrl());
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(answered.body()).contains("NKP 2.15");
    }
    assertThat(said(Level.WARN))
        .containsExactly(
            "Cannot reach Slack at http://127.0.0.1:"
                + port
                + "/api/ (connection refused): the page, the API and /ask serve meanwhile; trying"
                + " again in 1 s, then less often (up to every 30 s)");
    assertThat(said(Level.INFO)).anyMatch(m -> m.startsWith("Slack answers at http://127.0.0.1:"));
    assertThat(logged.list).allMatch(e -> e.getThrowableProxy() == null, "no stack trace");
  }

  @Test
  void faultsAndErrorsAreRetriedWithBackOffUntilSlackAnswers() throws Exception {
    slack = SlackMock.start();
    slack
        .server()
        .stubFor(
            post(AUTH_TEST)
                .inScenario("outage")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("5xx"));
    slack
        .server()
        .stubFor(
            post(AUTH_TEST)
                .inScenario("outage")
                .whenScenarioStateIs("5xx")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("trouble"));
    slack
        .server()
        .stubFor(
            post(AUTH_TEST)
                .inScenario("outage")
                .whenScenarioStateIs("trouble")
                .willReturn(okJson("{\"ok\":false,\"error\":\"service_unavailable\"}"))
                .willSetStateTo("up"));
    slack
        .server()
        .stubFor(
            post(AUTH_TEST)
                .inScenario("outage")
                .whenScenarioStateIs("up")
                .willReturn(
                    okJson(
                        "{\"ok\":true,\"team_id\":\"T0001\",\"user_id\":\"UBOT\",\"bot_id\":\"B\"}")));
    Config config = TestConfigs.http(slack.apiUrl(), "xoxb-outage", SECRET);
    try (Bot bot = Bot.start(config, "127.0.0.1", () -> policy)) {
      SlackRequests http = new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET);
      assertThat(http.get("/readyz").body())
          .isEqualTo("not ready\nslack: cannot reach Slack: the connection failed\n");
      await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/readyz").statusCode() == 200);
      assertThat(http.slash("2.15", slack.responseUrl()).body()).contains("NKP 2.15");
    }
    // Each reason said once, as it changed; waits of 1, 2 and 4 s between the four looks.
    assertThat(said(Level.WARN))
        .extracting(m -> m.replaceAll(".*\\((.*)\\): the page.*in (\\d+) s,.*", "$1 / $2"))
        .containsExactly(
            "the connection failed / 1", "HTTP 503 / 2", "Slack answered service_unavailable / 4");
    assertThat(slack.calls(AUTH_TEST)).hasSizeGreaterThanOrEqualTo(4);
    assertThat(logged.list).allMatch(e -> e.getThrowableProxy() == null, "no stack trace");
  }

  @Test
  void aTokenSlackRefusesStopsTheStartWithACleanMessageAndNoTrace() {
    slack = SlackMock.start();
    slack.refuse("auth.test", "invalid_auth");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new String[] {"serve"},
            Map.of(
                "PORT", "0",
                "SLACK_BOT_TOKEN", "xoxb-refused",
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(),
                "UPSTREAM_TAGS_URL", "off"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Bad configuration: Slack refused SLACK_BOT_TOKEN (invalid_auth): check the token on"
                + " the app's OAuth & Permissions page\n");
    assertThat(logged.list).allMatch(e -> e.getThrowableProxy() == null, "no stack trace");
    assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
  }

  @Test
  void aTokenRefusedOnceSlackIsBackStopsTheBotSayingSo() throws Exception {
    slack = SlackMock.start();
    slack
        .server()
        .stubFor(
            post(AUTH_TEST)
                .inScenario("revoked")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("back"));
    slack
        .server()
        .stubFor(
            post(AUTH_TEST)
                .inScenario("revoked")
                .whenScenarioStateIs("back")
                .willReturn(okJson("{\"ok\":false,\"error\":\"token_revoked\"}")));
    Config config = TestConfigs.http(slack.apiUrl(), "xoxb-revoked", SECRET);
    try (Bot bot = Bot.start(config, "127.0.0.1", () -> policy)) {
      CompletableFuture<Void> stopped =
          CompletableFuture.runAsync(
              () -> {
                try {
                  bot.join();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThatThrownBy(() -> stopped.get(20, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(IllegalArgumentException.class)
          .rootCause()
          .hasMessage(
              "Slack refused SLACK_BOT_TOKEN (token_revoked): check the token on the app's"
                  + " OAuth & Permissions page");
    }
    assertThat(said(Level.ERROR)).singleElement().asString().endsWith("; stopping");
    assertThat(logged.list).allMatch(e -> e.getThrowableProxy() == null, "no stack trace");
  }

  private List<String> said(Level level) {
    return List.copyOf(logged.list).stream()
        .filter(e -> e.getLevel() == level)
        .filter(e -> e.getLoggerName().startsWith("io.kommander"))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
