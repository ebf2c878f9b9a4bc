package io.kommander.supportbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.SlackMock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode against a fake of Slack's side: {@code apps.connections.open} (the Web API mock)
 * hands out a WebSocket URL on a local Jetty; the fake says hello, sends events_api, slash_commands
 * and interactive envelopes, reads the acks, and asks the bot to reconnect.
 */
class SocketModeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<Session> SESSIONS = new CopyOnWriteArrayList<>();
  static final BlockingQueue<JsonNode> ACKS = new LinkedBlockingQueue<>();
  static Server sockets;
  static SlackMock slack;
  static Bot bot;

  /** Slack's end of one Socket Mode connection. */
  public static final class SlackSide extends Session.Listener.AbstractAutoDemanding {
    @Override
    public void onWebSocketOpen(Session session) {
      super.onWebSocketOpen(session);
      SESSIONS.add(session);
      send(
          session,
          "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
              + "\"connection_info\":{\"app_id\":\"A0001\"}}");
    }

    @Override
    public void onWebSocketText(String message) {
      try {
        ACKS.add(JSON.readTree(message));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static void send(Session session, String text) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    session.sendText(text, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
    sent.orTimeout(5, TimeUnit.SECONDS).join();
  }

  @BeforeAll
  static void start() throws Exception {
    sockets = new Server();
    ServerConnector connector = new ServerConnector(sockets);
    connector.setHost("127.0.0.1");
    sockets.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    context.setHandler(
        WebSocketUpgradeHandler.from(
            sockets, context, ws -> ws.addMapping("/link", (req, resp, cb) -> new SlackSide())));
    sockets.setHandler(context);
    sockets.start();
    slack = SlackMock.start();
    slack
        .server()
        .stubFor(
            post("/api/apps.connections.open")
                .willReturn(
                    okJson(
                        "{\"ok\":true,\"url\":\"ws://127.0.0.1:"
                            + connector.getLocalPort()
                            + "/link\"}")));
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    Config config =
        Config.of(
            0,
            TestCatalogs.APRIL,
            Optional.of("xoxb-socket"),
            Optional.empty(),
            Optional.of("xapp-socket"),
            slack.apiUrl());
    bot = Bot.start(config, "127.0.0.1", () -> policy);
  }

  @AfterAll
  static void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    slack.close();
    sockets.stop();
  }

  static Session session(int n) throws InterruptedException {
    await().atMost(Duration.ofSeconds(10)).until(() -> SESSIONS.size() >= n);
    return SESSIONS.get(n - 1);
  }

  static JsonNode ackFor(String envelopeId) throws InterruptedException {
    for (JsonNode ack; (ack = ACKS.poll(10, TimeUnit.SECONDS)) != null; ) {
      if (envelopeId.equals(ack.path("envelope_id").asText())) {
        return ack;
      }
    }
    throw new AssertionError("no ack for " + envelopeId);
  }

  static String envelope(String id, String type, String payload) {
    return "{\"envelope_id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"accepts_response_payload\":"
        + type.equals("slash_commands")
        + ",\"payload\":"
        + payload
        + "}";
  }

  @Test
  void eventsCommandsAndClicksArriveOverTheSocketAndTheBotReconnects() throws Exception {
    Session first = session(1);

    send(
        first,
        envelope(
            "env-1", "events_api", SlackRequests.mention("Ev-sm-1", "<@UBOT> nkp 2.15", null)));
    assertThat(ackFor("env-1")).isNotNull();
    assertThat(
            SlackMock.form(slack.awaitCalls("/api/chat.postMessage", 1).get(0).getBodyAsString())
                .get("text"))
        .contains("NKP 2.15: supported");

    String command =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"channel_id\":\"C0001\",\"user_id\":\"U0001\","
            + "\"command\":\"/kommander-support\",\"text\":\"dkp 2.4\",\"api_app_id\":\"A0001\","
            + "\"response_url\":\""
            + slack.responseUrl()
            + "\",\"trigger_id\":\"1.2.3\"}";
    send(first, envelope("env-2", "slash_commands", command));
    JsonNode reply = ackFor("env-2");
    assertThat(reply.at("/payload/response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.at("/payload/text").asText()).contains("DKP 2.4: expired");

    String click =
        java.net.URLDecoder.decode(
            SlackRequests.shareClick(slack.responseUrl(), "nkp 2.16")
                .substring("payload=".length()),
            java.nio.charset.StandardCharsets.UTF_8);
    send(first, envelope("env-3", "interactive", click));
    assertThat(ackFor("env-3")).isNotNull();
    // The share posts to response_url after the ack.
    assertThat(slack.awaitCalls("/response", 1).get(0).getBodyAsString()).contains("NKP 2.16");

    send(first, "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\"}");
    Session second = session(2);
    send(
        second,
        envelope(
            "env-4", "events_api", SlackRequests.mention("Ev-sm-2", "<@UBOT> nkp 2.17", null)));
    assertThat(ackFor("env-4")).isNotNull();
    assertThat(slack.awaitCalls("/api/chat.postMessage", 2)).hasSize(2);
    assertThat(slack.calls("/api/apps.connections.open")).hasSizeGreaterThanOrEqualTo(2);

    // The message shortcut: acked over the socket, answered in the message's thread.
    send(
        second,
        envelope(
            "env-5",
            "interactive",
            SlackRequests.messageShortcutPayload(
                slack.responseUrl(), "U0001", "C0001", "1700000009.000900", null, "dkp 2.4?")));
    assertThat(ackFor("env-5")).isNotNull();
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> posts =
        slack.awaitCalls("/api/chat.postMessage", 3);
    assertThat(posts).hasSize(3);
    assertThat(
            posts.stream()
                .map(p -> SlackMock.form(p.getBodyAsString()))
                .filter(f -> "1700000009.000900".equals(f.get("thread_ts")))
                .map(f -> f.get("text")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("DKP 2.4: expired");

    // The Workflow Builder step: its function_executed event over the socket, completed by HTTP.
    slack
        .server()
        .stubFor(post("/api/functions.completeSuccess").willReturn(okJson("{\"ok\":true}")));
    send(
        second,
        envelope(
            "env-6", "events_api", WorkflowStepTest.functionExecuted("Ev-sm-step", "nkp 2.15")));
    assertThat(ackFor("env-6")).isNotNull();
    assertThat(
            SlackMock.form(
                    slack.awaitCalls("/api/functions.completeSuccess", 1).get(0).getBodyAsString())
                .get("outputs"))
        .contains("\"status\":\"supported\"");
  }
}
