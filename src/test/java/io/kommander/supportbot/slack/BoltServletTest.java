package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import io.kommander.supportbot.http.BotServer;
import io.kommander.supportbot.testing.SlackMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BoltServlet} on its own over HTTP (the signature is {@code SlackEventsServlet}'s job, so
 * Bolt here checks none; its Web API calls go to WireMock): a slash command reaches its listener
 * with what Bolt's parser would have given it, and a listener that fails gets Bolt's 500 without a
 * trace.
 */
class BoltServletTest {
  private final SlackMock slack = SlackMock.start();
  private final App app =
      new App(
          AppConfig.builder()
              .slack(SlackClients.forApi(slack.apiUrl()))
              .singleTeamBotToken("xoxb-test")
              .signingSecret("unused")
              .requestVerificationEnabled(false)
              .build());
  private BotServer server;

  @AfterEach
  void stop() {
    server.close();
    slack.close();
  }

  @Test
  void aCommandReachesItsListenerWithItsPayloadContextAndClientAddress() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    app.command(
        "/kommander-support",
        (req, ctx) -> {
          seen.set(
              String.join(
                  "|",
                  req.getPayload().getText(),
                  ctx.getResponseUrl(),
                  ctx.getChannelId(),
                  ctx.getRequestUserId(),
                  ctx.getBotToken(),
                  req.getClientIpAddress(),
                  String.valueOf(req.getQueryString().get("from"))));
          return ctx.ack("fine");
        });
    HttpResponse<String> r =
        post(
            "?from=test",
            SlackRequests.slashCommand("1.4 on konvoy 1.8", "https://hooks.example/r"),
            "X-Forwarded-For",
            "203.0.113.9");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("fine");
    assertThat(seen.get())
        .isEqualTo(
            "1.4 on konvoy 1.8|https://hooks.example/r|C0001|U0001|xoxb-test|203.0.113.9|[test]");
  }

  @Test
  void aReplyGoesOutWithItsStatusHeadersTypeAndLengthInBytes() throws Exception {
    app.command(
        "/kommander-support",
        (req, ctx) ->
            Response.builder()
                .statusCode(200)
                .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .headers(Map.of("X-Reply", List.of("one", "two")))
                .body("{\"text\":\"NKP 2.17 · supported…\"}")
                .build());
    HttpResponse<String> r =
        post("", SlackRequests.slashCommand("1.4", "https://hooks.example/r"), "X-Trace", "-");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"text\":\"NKP 2.17 · supported…\"}");
    assertThat(r.headers().firstValueAsLong("Content-Length"))
        .hasValue(r.body().getBytes(StandardCharsets.UTF_8).length);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    assertThat(r.headers().allValues("X-Reply")).containsExactly("one", "two");
  }

  @Test
  void aFailingListenerIsAcknowledgedNotAFiveHundredSlackWouldRetry() throws Exception {
    app.command(
        "/kommander-support",
        (req, ctx) -> {
          throw new IllegalStateException("listener bug");
        });
    HttpResponse<String> r =
        post("", SlackRequests.slashCommand("1.4", "https://hooks.example/r"), "X-Trace", "-");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("listener bug", "Exception", "\tat ");
  }

  @Test
  void anEventNothingCouldRecordIsRefusedWithA503SoSlackDeliversItAgain() throws Exception {
    app.event(
        com.slack.api.model.event.AppMentionEvent.class,
        (payload, ctx) -> {
          throw new io.kommander.supportbot.delivery.Receipt.NotRecorded("database down");
        });
    HttpResponse<String> r =
        post("", SlackRequests.mention("Ev-503", "<@UBOT> nkp 2.16", null), "X-Trace", "-");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).isEqualTo("Not recorded; deliver it again.");
  }

  @Test
  void otherRequestsAreParsedByBolt() throws Exception {
    HttpResponse<String> r =
        post("", "{\"type\":\"url_verification\",\"challenge\":\"c-42\"}", "X-Trace", "-");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("c-42");
    assertThat(post("", "neither=json&nor=command", "X-Trace", "-").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> post(String query, String body, String header, String value)
      throws Exception {
    server = new BotServer("127.0.0.1", 0, Map.of("/slack/events", new BoltServlet(app))).start();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/slack/events" + query))
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
