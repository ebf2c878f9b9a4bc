package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes every endpoint as an outsider would, unsigned and (for Slack's) correctly signed, with
 * malformed paths, methods and payloads: no answer may be a 5xx, and none may show a stack trace or
 * a Java class name.
 */
class EdgeFuzzProperties {
  static final String SECRET = "fuzz-signing-secret-1b2c";
  static SlackMock slack;
  static Bot bot;
  static final AtomicInteger sent = new AtomicInteger();

  @BeforeContainer
  static void start() throws Exception {
    slack = SlackMock.start();
    Config config = TestConfigs.http(slack.apiUrl(), "xoxb-fuzz", SECRET);
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    bot = Bot.start(config, "127.0.0.1", () -> policy);
  }

  @AfterContainer
  static void stop() {
    System.out.println("EdgeFuzzProperties: " + sent.get() + " requests, none 5xx or traced");
    bot.close();
    slack.close();
  }

  static void assertClean(RawHttp.Response r, String what) {
    sent.incrementAndGet();
    assertThat(r.status()).as(what + " -> " + r.head()).isBetween(200, 499);
    assertThat(r.body())
        .as(what)
        .doesNotContain("Exception", "\tat ", "java.", "javax.", "org.eclipse", "com.slack");
  }

  static RawHttp.Response signed(String contentType, String body) throws Exception {
    String ts = String.valueOf(Instant.now().getEpochSecond());
    Map<String, String> headers = new LinkedHashMap<>(SlackRequests.signed(SECRET, ts, body));
    headers.put("Content-Type", contentType);
    return RawHttp.send(
        bot.port(), "POST", "/slack/events", headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A share click as Slack sends it, with {@code responseUrl} (null: the field is absent). */
  static String shareClick(String responseUrl, boolean channel) {
    return "payload="
        + enc(
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0001\"},\"api_app_id\":\"A0001\","
                + "\"team\":{\"id\":\"T0001\"},\"trigger_id\":\"1.2.3\","
                + (channel ? "\"channel\":{\"id\":\"C0001\"}," : "")
                + (responseUrl == null ? "" : "\"response_url\":\"" + responseUrl + "\",")
                + "\"actions\":[{\"action_id\":\"share_in_channel\",\"block_id\":\"b1\","
                + "\"value\":\"1.4\",\"type\":\"button\",\"action_ts\":\""
                + System.nanoTime()
                + "\"}]}");
  }

  /**
   * The signed payloads Slack itself could send that once got a 500 (found by this fuzzer): each is
   * acknowledged, and a share click with nowhere to answer posts nothing.
   */
  @Example
  void signedPayloadsBoltCannotHandleAreAcknowledgedNot500() throws Exception {
    String form = "application/x-www-form-urlencoded";
    int before = slack.calls("/response").size();
    for (String[] c :
        new String[][] {
          {form, shareClick(null, false)},
          {form, shareClick("not a url", true)},
          {form, shareClick("ftp://example.com/x", true)},
          {
            "application/json",
            "{\"type\":\"event_callback\",\"team_id\":[1],\"event_id\":{},\"event_time\":\"x\","
                + "\"event\":{\"type\":\"app_mention\",\"user\":7,\"text\":[\"a\"],"
                + "\"channel\":{\"id\":1},\"ts\":true}}"
          },
        }) {
      RawHttp.Response r = signed(c[0], c[1]);
      assertClean(r, c[1]);
      assertThat(r.status()).as(c[1]).isIn(200, 400);
    }
    assertThat(slack.calls("/response")).hasSize(before);
  }

  /** The cases found by hand against the shipped jar, each once. */
  @Example
  void knownOffendersAreAnsweredCleanly() throws Exception {
    for (String target :
        List.of(
            "/ask?q=%ff%fe",
            "/ask?q=%",
            "/api/v1/compatibility?kommander=%00&konvoy=%ff",
            "/api/v1/kommander/%ff",
            "/api/v1/eol/%00",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/api/v1/upgrade-path?from=%ff")) {
      assertClean(RawHttp.send(bot.port(), "GET", target, Map.of(), new byte[0]), target);
    }
    String json = "application/json";
    String form = "application/x-www-form-urlencoded";
    for (String[] c :
        new String[][] {
          {json, "[]"},
          {json, "{}"},
          {json, "null"},
          {json, "{\"type\":\"event_callback\"}"},
          {json, "{\"type\":\"event_callback\",\"event\":{}}"},
          {json, "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\"}}"},
          {json, "{\"type\":\"url_verification\"}"},
          {
            json,
            "{\"type\":\"event_callback\",\"event\":{\"type\":\"link_shared\",\"channel\":\"C1\","
                + "\"message_ts\":\"1.2\",\"links\":[{\"url\":\"http://[::1\"},{\"url\":null},{}]}}"
          },
          {json, "{\"type\":\"nonsense\"}"},
          {json, "{"},
          {form, "payload={"},
          {form, "payload=" + enc("{\"type\":\"block_actions\"}")},
          {form, "payload=" + enc("{\"type\":\"block_actions\",\"actions\":[]}")},
          {form, "payload=" + enc("{\"type\":\"view_submission\"}")},
          {form, "payload=" + enc("{\"type\":\"shortcut\"}")},
          {form, "payload=" + enc("{\"type\":\"message_action\"}")},
          {
            form,
            "payload=" + enc("{\"type\":\"message_action\",\"callback_id\":\"check_versions\"}")
          },
          {
            form,
            "payload="
                + enc(
                    "{\"type\":\"message_action\",\"callback_id\":\"check_versions\","
                        + "\"channel\":{\"id\":\"C0001\"},\"message\":{\"text\":[1],\"ts\":{}}}")
          },
          {
            form,
            "payload="
                + enc(
                    "{\"type\":\"message_action\",\"callback_id\":\"check_versions\","
                        + "\"channel\":{\"id\":\"C0001\"},\"response_url\":\"not a url\","
                        + "\"message\":{\"text\":\"no versions here\",\"ts\":\"1.2\"}}")
          },
          {form, "command=/kommander-support"},
          {form, "command=/other&text=1.4"},
          {form, "%%%"},
          {"text/plain", "hello"},
        }) {
      assertClean(signed(c[0], c[1]), c[0] + " " + c[1]);
    }
  }

  @Property(tries = 300)
  void anyMethodOnAnyPathIsAnsweredCleanly(
      @ForAll("methods") String method, @ForAll("targets") String target) throws Exception {
    assertClean(RawHttp.send(bot.port(), method, target, Map.of(), new byte[0]), method + target);
  }

  @Property(tries = 300)
  void anySignedPayloadIsAnsweredCleanly(@ForAll("payloads") String[] c) throws Exception {
    assertClean(signed(c[0], c[1]), c[0] + " " + c[1]);
  }

  @Property(tries = 200)
  void anyUnsignedOrBadlySignedPostIsRefusedCleanly(
      @ForAll("payloads") String[] c, @ForAll("badHeaders") Map<String, String> headers)
      throws Exception {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Content-Type", c[0]);
    RawHttp.Response r =
        RawHttp.send(bot.port(), "POST", "/slack/events", h, c[1].getBytes(StandardCharsets.UTF_8));
    assertClean(r, c[1]);
    assertThat(r.status()).isIn(400, 401, 413);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of(
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "FOO");
  }

  @Provide
  Arbitrary<String> targets() {
    Arbitrary<String> base =
        Arbitraries.of(
            "/",
            "/healthz",
            "/metrics",
            "/ask",
            "/ask?q=",
            "/slack/events",
            "/api/v1/",
            "/api/v1/kommander/",
            "/api/v1/nkp/",
            "/api/v1/kubernetes/",
            "/api/v1/compatibility?kommander=",
            "/api/v1/upgrade-path?from=",
            "/api/v1/matrix?asOf=",
            "/api/v1/eol/",
            "/api/v1/openapi.yaml",
            "/nope/");
    Arbitrary<String> tail =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("0123456789.-vx%abcdef?&=/").ofMaxLength(20),
            Arbitraries.of("%ff", "%00", "%", "%2", "..", "1.4", "2.15", "%e2%80%ae", "a%20b"));
    return Combinators.combine(base, tail).as((b, t) -> b + t);
  }

  @Provide
  Arbitrary<String[]> payloads() {
    Arbitrary<String> type =
        Arbitraries.of("application/json", "application/x-www-form-urlencoded", "text/plain", "");
    Arbitrary<String> kind =
        Arbitraries.of(
            "event_callback",
            "url_verification",
            "block_actions",
            "view_submission",
            "view_closed",
            "shortcut",
            "message_action",
            "block_suggestion",
            "app_rate_limited",
            "");
    Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]\":,=&%abc123 ").ofMaxLength(40);
    Arbitrary<String> body =
        Combinators.combine(kind, noise, Arbitraries.integers().between(0, 4))
            .as(
                (k, n, shape) ->
                    switch (shape) {
                      case 0 -> "{\"type\":\"" + k + "\"" + n + "}";
                      case 1 -> "payload=" + enc("{\"type\":\"" + k + "\"," + n + "}");
                      case 2 -> "command=/kommander-support&text=" + enc(n);
                      case 3 ->
                          "{\"type\":\"event_callback\",\"event_id\":\"Ev"
                              + n.hashCode()
                              + "\",\"event\":{\"type\":\""
                              + k
                              + "\",\"text\":\""
                              + n.replace("\"", "")
                              + "\"}}";
                      default -> n;
                    });
    return Combinators.combine(type, body).as((t, b) -> new String[] {t, b});
  }

  @Provide
  Arbitrary<Map<String, String>> badHeaders() {
    String now = String.valueOf(Instant.now().getEpochSecond());
    return Arbitraries.of(
        Map.of(),
        Map.of("X-Slack-Request-Timestamp", now),
        Map.of("X-Slack-Signature", "v0=abc"),
        Map.of("X-Slack-Request-Timestamp", now, "X-Slack-Signature", "v0=" + "0".repeat(64)),
        Map.of("X-Slack-Request-Timestamp", "1", "X-Slack-Signature", "v0=abc"),
        Map.of("X-Slack-Request-Timestamp", "abc", "X-Slack-Signature", "v0=abc"),
        Map.of("X-Slack-Request-Timestamp", now, "X-Slack-Signature", "v1=abc"));
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
