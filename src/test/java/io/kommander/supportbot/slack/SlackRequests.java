package io.kommander.supportbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends requests to the bot over real HTTP, signed exactly as Slack signs them (v0, HMAC-SHA256).
 */
public final class SlackRequests {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String secret;

  public SlackRequests(String baseUrl, String secret) {
    this.baseUrl = baseUrl;
    this.secret = secret;
  }

  /** {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body}, by the SDK's own generator. */
  public static String sign(String secret, String timestamp, String body) {
    return new SlackSignature.Generator(secret).generate(timestamp, body);
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public static String slashCommand(String text, String responseUrl) {
    return slashCommand(text, responseUrl, "C0001", "U0001", "123.456.abc");
  }

  /** The command as typed by {@code user} in {@code channel}; each use has its own trigger id. */
  public static String slashCommand(
      String text, String responseUrl, String channel, String user, String triggerId) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "legacy-token");
    f.put("team_id", "T0001");
    f.put("team_domain", "example");
    f.put("channel_id", channel);
    f.put("channel_name", "support");
    f.put("user_id", user);
    f.put("user_name", "alice");
    f.put("command", "/kommander-support");
    f.put("text", text);
    f.put("api_app_id", "A0001");
    f.put("response_url", responseUrl);
    f.put("trigger_id", triggerId);
    return form(f);
  }

  /** Slack's signature headers for {@code body}, signed with {@code secret} at {@code ts}. */
  public static Map<String, String> signed(String secret, String ts, String body) {
    return Map.of(
        SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP,
        ts,
        SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
        sign(secret, ts, body));
  }

  /** An {@code app_mention} event callback; from a bot when {@code botId} is set. */
  /** Each message has its own ts in a channel; Slack's redelivery of an event keeps it. */
  public static String tsOf(String eventId) {
    return (1_700_000_000L + Math.floorMod(eventId.hashCode(), 90_000_000)) + ".000100";
  }

  public static String mention(String eventId, String text, String botId) {
    return mention(eventId, tsOf(eventId), text, botId);
  }

  /** An {@code app_mention} event of a message with the given ts. */
  public static String mention(String eventId, String ts, String text, String botId) {
    return "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
        + "\"event_id\":\""
        + eventId
        + "\",\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\","
        + (botId == null ? "\"user\":\"U0001\"," : "\"bot_id\":\"" + botId + "\",")
        + "\"text\":\""
        + text
        + "\",\"ts\":\""
        + ts
        + "\",\"channel\":\"C0001\",\"event_ts\":\""
        + ts
        + "\"}}";
  }

  /** A click on "Share in channel" carrying {@code question}, as the form Slack posts. */
  public static String shareClick(String responseUrl, String question) {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0001\",\"username\":\"alice\"},\"api_app_id\":\"A0001\",\"token\":\"legacy\","
            + "\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0001\"},\"channel\":{\"id\":\"C0001\"},\"response_url\":\""
            + responseUrl
            + "\","
            + "\"actions\":[{\"action_id\":\"share_in_channel\",\"block_id\":\"b1\",\"value\":\""
            + question
            + "\",\"type\":\"button\",\"action_ts\":\"1700000000.1\"}]}";
    return form(Map.of("payload", payload));
  }

  /**
   * The {@code message_action} payload Slack sends when someone uses the message shortcut on a
   * message (Slack's documented shape), as the form Slack posts; {@code threadTs} null for a
   * message that is not in a thread.
   */
  public static String messageShortcut(
      String responseUrl, String user, String channel, String ts, String threadTs, String text) {
    return form(
        Map.of("payload", messageShortcutPayload(responseUrl, user, channel, ts, threadTs, text)));
  }

  /** The payload alone, as Socket Mode carries it. */
  public static String messageShortcutPayload(
      String responseUrl, String user, String channel, String ts, String threadTs, String text) {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var p = json.createObjectNode();
    p.put("type", "message_action").put("token", "legacy").put("action_ts", "1700000100.000200");
    p.putObject("team").put("id", "T0001").put("domain", "example");
    p.putObject("user").put("id", user).put("username", "alice").put("team_id", "T0001");
    p.putObject("channel").put("id", channel).put("name", "support");
    p.put("is_enterprise_install", false);
    p.put("callback_id", "check_versions")
        .put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
    p.put("message_ts", ts);
    var m = p.putObject("message");
    m.put("type", "message")
        .put("user", "U0042")
        .put("text", text)
        .put("ts", ts)
        .put("team", "T0001");
    if (threadTs != null) {
      m.put("thread_ts", threadTs);
    }
    p.put("response_url", responseUrl);
    return p.toString();
  }

  /** A signed {@code /kommander-support TEXT} to {@code /slack/events}, as Slack sends it. */
  public HttpResponse<String> slash(String text, String responseUrl) throws Exception {
    return post(
        "/slack/events", slashCommand(text, responseUrl), "application/x-www-form-urlencoded");
  }

  public HttpResponse<String> post(String path, String body, String contentType) throws Exception {
    String ts = String.valueOf(Instant.now().getEpochSecond());
    return post(path, body, contentType, signed(secret, ts, body));
  }

  public HttpResponse<String> post(
      String path, String body, String contentType, Map<String, String> headers) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(req::header);
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
