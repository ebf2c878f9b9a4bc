package io.kommander.supportbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.http.SlackEventsServlet;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Oversized and malformed requests, secrets in logs, and graceful shutdown. */
class HardeningTest {
  static final String SECRET = "hardening-signing-secret-4f1c";
  static final String BOT_TOKEN = "xoxb-hardening-token-9d2e";

  SlackMock slack;
  Bot bot;
  SlackRequests requests;
  final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  PrintStream stderr;

  @BeforeEach
  void start() throws Exception {
    stderr = System.err;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8)); // slf4j-simple logs here
    slack = SlackMock.start();
    slack.refuse("chat.postMessage", "invalid_auth");
    slack
        .server()
        .stubFor(
            post("/response")
                .willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(1_500)));
    Config config = TestConfigs.http(slack.apiUrl(), BOT_TOKEN, SECRET);
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    bot = Bot.start(config, "127.0.0.1", () -> policy);
    requests = new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET);
  }

  @AfterEach
  void stop() {
    bot.close();
    slack.close();
    System.setErr(stderr);
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
    String huge =
        SlackRequests.slashCommand(
            "1.4 " + "x".repeat((int) SlackEventsServlet.MAX_BODY_BYTES), slack.responseUrl());
    HttpResponse<String> r =
        requests.post("/slack/events", huge, "application/x-www-form-urlencoded");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).doesNotContain("Kommander");
  }

  @Test
  void aBodyOfUnknownLengthIsRefused() throws Exception {
    byte[] body = SlackRequests.slashCommand("1.4", "http://x/").getBytes(StandardCharsets.UTF_8);
    String ts = String.valueOf(Instant.now().getEpochSecond());
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", ts)
            .header(
                "X-Slack-Signature",
                SlackRequests.sign(SECRET, ts, new String(body, StandardCharsets.UTF_8)))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(body))) // chunked
            .build();
    assertThat(
            HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(411);
  }

  @Test
  void aTimestampFromTheFutureIsRefusedLikeAReplay() throws Exception {
    String body = SlackRequests.slashCommand("1.4", slack.responseUrl());
    String ts = String.valueOf(Instant.now().plusSeconds(10 * 60).getEpochSecond());
    HttpResponse<String> r =
        requests.post(
            "/slack/events",
            body,
            "application/x-www-form-urlencoded",
            SlackRequests.signed(SECRET, ts, body));
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void secretsNeverAppearInLogsOrReplies() throws Exception {
    String body = SlackRequests.slashCommand("1.4", slack.responseUrl());
    HttpResponse<String> bad =
        requests.post(
            "/slack/events",
            body,
            "application/x-www-form-urlencoded",
            Map.of(
                "X-Slack-Request-Timestamp",
                String.valueOf(Instant.now().getEpochSecond()),
                "X-Slack-Signature",
                "v0=deadbeef"));
    HttpResponse<String> good =
        requests.post("/slack/events", body, "application/x-www-form-urlencoded");
    String mention = SlackRequests.mention("Ev-secret", "<@UBOT> 1.4", null);
    requests.post(
        "/slack/events",
        mention,
        "application/json"); // chat.postMessage answers invalid_auth: logged
    bot.close();
    String everything = logs.toString(StandardCharsets.UTF_8) + bad.body() + good.body();
    assertThat(everything).contains("invalid_auth"); // the failure is logged clearly...
    assertThat(everything)
        .doesNotContain(
            BOT_TOKEN, SECRET, "hardening-token", "signing-secret"); // ...without secrets
  }

  @Test
  void gracefulShutdownFinishesTheRequestInFlight() throws Exception {
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return requests.post(
                    "/slack/events",
                    SlackRequests.shareClick(slack.responseUrl(), "1.4"),
                    "application/x-www-form-urlencoded");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    // The share is now waiting on the slow response_url (WireMock logs it as it arrives).
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("/response").size() == 1);
    long start = System.nanoTime();
    bot.close();
    assertThat(inFlight.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(System.nanoTime() - start)
        .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(300)); // it waited for the slow reply
    slack.server().verify(1, postRequestedFor(urlEqualTo("/response")));
  }
}
