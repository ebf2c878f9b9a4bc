package io.kommander.supportbot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Slack's Web API over real HTTP (WireMock on loopback) with the calls every test needs answered:
 * {@code auth.test} at start, {@code chat.postMessage}, {@code views.publish}, an empty {@code
 * conversations.history}, and a {@code response_url} at {@code /response}.
 */
public final class SlackMock implements AutoCloseable {
  public static final String BOT_USER = "UBOT";

  private final WireMockServer server;

  private SlackMock(WireMockServer server) {
    this.server = server;
  }

  public static SlackMock start() {
    return start(0);
  }

  /** On {@code port} (0: any free one): a Slack that comes up where a bot has been looking. */
  public static SlackMock start(int port) {
    WireMockServer server = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
    server.start();
    stubAuthTest(server);
    server.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                okJson("{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1800000000.000100\"}")));
    server.stubFor(post("/api/views.publish").willReturn(okJson("{\"ok\":true}")));
    // Bolt's IgnoringSelfEvents asks who a bot_id belongs to.
    server.stubFor(
        post("/api/bots.info")
            .willReturn(
                okJson(
                    "{\"ok\":true,\"bot\":{\"id\":\"B0002\",\"user_id\":\"U0002\",\"name\":\"other\"}}")));
    server.stubFor(
        post("/api/conversations.history")
            .willReturn(okJson("{\"ok\":true,\"messages\":[],\"has_more\":false}")));
    server.stubFor(
        post("/api/conversations.replies")
            .willReturn(okJson("{\"ok\":true,\"messages\":[],\"has_more\":false}")));
    server.stubFor(post("/response").willReturn(aResponse().withStatus(200).withBody("ok")));
    return new SlackMock(server);
  }

  /**
   * Slack's answer to {@code auth.test}, which Bolt and the Web API client ask at start: the bot's
   * identity, the same for every WireMock server the tests start.
   */
  public static void stubAuthTest(WireMockServer server) {
    server.stubFor(
        post("/api/auth.test")
            .willReturn(
                okJson(
                    "{\"ok\":true,\"team_id\":\"T0001\",\"user_id\":\""
                        + BOT_USER
                        + "\",\"bot_id\":\"BBOT\"}")));
  }

  /** Slack answers {@code method} (e.g. {@code auth.test}) {@code ok: false} with {@code error}. */
  public void refuse(String method, String error) {
    server.stubFor(
        post("/api/" + method).willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));
  }

  public WireMockServer server() {
    return server;
  }

  /** The Web API base the bot is given ({@code SLACK_API_URL}). */
  public String apiUrl() {
    return server.baseUrl() + "/api/";
  }

  public String responseUrl() {
    return server.baseUrl() + "/response";
  }

  public List<LoggedRequest> calls(String path) {
    return server.findAll(postRequestedFor(urlEqualTo(path)));
  }

  /**
   * The calls to {@code path} once there are at least {@code n} (waiting up to 10 s: mention
   * replies are posted after the ack), once their number has held still for 200 ms: a duplicate in
   * that window shows in the list the caller asserts on.
   */
  public List<LoggedRequest> awaitCalls(String path, int n) {
    int seen = await().atMost(Duration.ofSeconds(10)).until(() -> calls(path).size(), c -> c >= n);
    await()
        .pollInterval(Duration.ofMillis(20))
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(5))
        .until(() -> calls(path).size(), c -> c == seen);
    return calls(path);
  }

  /**
   * Waits out a short window (300 ms) in which no call to {@code path} may arrive: for what is
   * answered after the ack, "nothing yet" is not "nothing".
   */
  public void awaitNoCalls(String path) {
    await()
        .pollInterval(Duration.ofMillis(20))
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> calls(path).isEmpty());
  }

  /** A form-encoded body (what the Slack SDK posts) as a map. */
  public static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&"))
        .map(kv -> kv.split("=", 2))
        .collect(
            Collectors.toMap(
                kv -> kv[0],
                kv -> URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8),
                (a, b) -> a));
  }

  @Override
  public void close() {
    server.stop();
  }
}
