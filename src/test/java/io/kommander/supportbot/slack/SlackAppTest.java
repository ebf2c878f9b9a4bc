package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kommander.supportbot.Bot;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real app on a random port, hit over HTTP with Slack-signed requests; Slack's Web API and
 * {@code response_url} are a WireMock server over real HTTP.
 */
class SlackAppTest {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String BOT_TOKEN = "xoxb-0000-test-token";
  static final ObjectMapper JSON = new ObjectMapper();
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.april(), Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC));

  static SlackMock slack;
  static Bot bot;
  static SlackRequests requests;

  @BeforeAll
  static void start() throws Exception {
    slack = SlackMock.start();
    bot = Bot.start(TestConfigs.http(slack.apiUrl(), BOT_TOKEN, SECRET), "127.0.0.1", () -> POLICY);
    requests = new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET);
  }

  @AfterAll
  static void stop() {
    bot.close();
    slack.close();
  }

  @BeforeEach
  void clearRequests() {
    slack.server().resetRequests();
  }

  private static HttpResponse<String> slash(String text) throws Exception {
    return requests.post(
        "/slack/events",
        SlackRequests.slashCommand(text, slack.responseUrl()),
        "application/x-www-form-urlencoded");
  }

  private static List<LoggedRequest> posted(String path) {
    return slack.calls(path);
  }

  private static Map<String, String> formOf(String body) {
    return SlackMock.form(body);
  }

  /** What any answer to "Kommander 1.2 on Konvoy 1.7" must say, from the catalog's pairings. */
  private static String[] pairingFacts() {
    Catalog c = POLICY.catalog();
    ReleaseLine k12 = c.line(Product.KOMMANDER, Minor.parse("1.2")).orElseThrow();
    ReleaseLine v17 = c.line(Product.KONVOY, Minor.parse("1.7")).orElseThrow();
    return new String[] {
      "No: Kommander 1.2 on Konvoy 1.7 is not supported: mixing minor versions is prohibited.",
      "Kommander 1.2 pairs with Konvoy " + k12.konvoy() + ".",
      "Konvoy 1.7 pairs with Kommander " + v17.kommander() + "."
    };
  }

  /** What any answer about Kommander 1.4 must say: when and why its support ended. */
  private static String[] kommander14Facts() {
    Catalog c = POLICY.catalog();
    ReleaseLine k14 = c.line(Product.KOMMANDER, Minor.parse("1.4")).orElseThrow();
    ReleaseLine ender = c.lines().get(c.lines().indexOf(k14) + c.settings().window());
    return new String[] {
      "Kommander 1.4 (on Konvoy " + k14.konvoy() + "): expired",
      "Support ended on " + ender.released() + ", when " + ender.label() + " shipped."
    };
  }

  private static JsonNode golden(String name) throws Exception {
    return JSON.readTree(Files.readString(Path.of("src/test/resources/golden", name)));
  }

  // --- slash command ---------------------------------------------------------------------------

  @Test
  void aSignedSlashCommandGetsAnEphemeralBlockKitAnswerWithAShareButton() throws Exception {
    HttpResponse<String> r = slash("1.2 on konvoy 1.7");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.get("text").asText()).contains(pairingFacts());
    assertThat(body.get("blocks")).isEqualTo(golden("slash-1.2-on-konvoy-1.7.json"));
  }

  @Test
  void aLineAnswerHasHeaderStatusPairingUntilWhenAndUpgradeFields() throws Exception {
    HttpResponse<String> r = slash("1.4.2");
    JsonNode blocks = JSON.readTree(r.body()).get("blocks");
    // Today (2026-11-25) the catalog is stale for its own data: the warning comes first.
    assertThat(blocks.get(0).at("/text/text").asText())
        .isEqualTo(
            ":warning: Release data last reviewed 2026-04-30, upstream not checked: if a line"
                + " newer than NKP 2.17 has shipped, NKP 2.15 is no longer supported.");
    assertThat(blocks.get(1).get("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).at("/text/text").asText())
        .isEqualTo(":x: Kommander 1.4.2 (on Konvoy 1.8): expired");
    List<String> fields = blocks.get(2).get("fields").findValuesAsText("text");
    assertThat(fields)
        .containsExactly(
            "*Status*\n:x: expired since 2022-04-08",
            "*Konvoy*\nKonvoy 1.8.x",
            "*Support*\nSupport ended on 2022-04-08, when DKP 2.2 shipped.",
            "*Upgrade*\nUpgrade 1.4.2 to 1.4.4, the latest patch of the line: features and fixes arrive in patches.\n"
                + "Upgrade to Kommander 2.1.5 on Konvoy 2.1.5 next, by adoption (Konvoy 1.8.x to"
                + " DKP 2.1.x is not just an upgrade: install DKP 2.1, adopt each cluster into"
                + " Cluster API one at a time, then migrate the platform applications (Kommander"
                + " 2.1). Not supported with Kaptain enabled. DKP 2.1 is the only adoption target"
                + " (1.8.x to 2.2 is marked No).), then one minor at a time to NKP"
                + " 2.17.1 (14 hops; ask `upgrade path from 1.4` for each).");
    assertThat(blocks.get(blocks.size() - 1).at("/elements/0/value").asText()).isEqualTo("1.4.2");
  }

  @Test
  void aSlashReplyGoesOutAsAsciiJsonOfItsStatedLengthAndReadsAsWritten() throws Exception {
    HttpResponse<String> r = slash("1.4");
    // The footer's middle dot is escaped on the wire and read back as the character.
    assertThat(r.body()).hasSize(r.body().getBytes(StandardCharsets.UTF_8).length);
    assertThat(r.body()).matches("\\p{ASCII}+").contains("\\u00B7");
    assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().length());
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    assertThat(JSON.readTree(r.body()).findValuesAsText("text")).anyMatch(t -> t.contains(" · "));
  }

  @ParameterizedTest(name = "\"{0}\" gets help, not an error")
  @ValueSource(strings = {"", "garbage", "1.4.2.1", "-1.4", "99999999999.1"})
  void anythingElseGetsTheHelpTextWithoutAShareButton(String text) throws Exception {
    HttpResponse<String> r = slash(text);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("blocks").get(1).at("/text/text").asText())
        .isEqualTo(":wave: Ask me about Kommander, Konvoy, DKP and NKP versions.");
    assertThat(body.get("blocks").findValues("type").stream().map(JsonNode::asText))
        .doesNotContain("actions");
    assertThat(r.body()).doesNotContain("Exception");
  }

  @Test
  void moreThanSlacksFortyThousandCharactersAreRefusedPolitely() throws Exception {
    HttpResponse<String> r = slash("1.4 ".repeat(10_001));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("text").asText())
        .contains("Your message is 40,004 characters long");
  }

  // --- signature checks ------------------------------------------------------------------------

  @Test
  void theTestSignerMatchesSlacksDocumentedExample() {
    String body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    assertThat(SlackRequests.sign(SECRET, "1531420618", body))
        .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  }

  @Test
  void aWrongSignatureIsRefusedAndNothingIsAnswered() throws Exception {
    String body = SlackRequests.slashCommand("1.4", slack.responseUrl());
    String ts = String.valueOf(Instant.now().getEpochSecond());
    HttpResponse<String> r =
        requests.post(
            "/slack/events",
            body,
            "application/x-www-form-urlencoded",
            SlackRequests.signed("another-secret", ts, body));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).doesNotContain("Kommander");
  }

  @Test
  void missingSignatureHeadersAreRefused() throws Exception {
    HttpResponse<String> r =
        requests.post(
            "/slack/events",
            SlackRequests.slashCommand("1.4", slack.responseUrl()),
            "application/x-www-form-urlencoded",
            Map.of());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).doesNotContain("Kommander");
  }

  @Test
  void aReplayedRequestOlderThanFiveMinutesIsRefused() throws Exception {
    String body = SlackRequests.mention("Ev-replay", "<@UBOT> 1.4", null);
    String ts = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());
    HttpResponse<String> r =
        requests.post(
            "/slack/events", body, "application/json", SlackRequests.signed(SECRET, ts, body));
    assertThat(r.statusCode()).isEqualTo(401);
    assertOnlyTheNextMentionIsAnswered();
  }

  /**
   * Instead of waiting and seeing nothing: a later valid mention is answered (mentions are answered
   * before they are acked), and its reply is the only one, so the one before got none.
   */
  private static void assertOnlyTheNextMentionIsAnswered() throws Exception {
    String later = "Ev-later-" + System.nanoTime();
    assertThat(
            requests
                .post(
                    "/slack/events",
                    SlackRequests.mention(later, "<@UBOT> nkp 2.16", null),
                    "application/json")
                .statusCode())
        .isEqualTo(200);
    List<LoggedRequest> posts = slack.awaitCalls("/api/chat.postMessage", 1);
    assertThat(posts).hasSize(1);
    assertThat(formOf(posts.get(0).getBodyAsString()).get("text")).contains("NKP 2.16: supported");
  }

  @Test
  void anEventTypeNoListenerHandlesIsAckedWith200NotBolts404() throws Exception {
    String reaction =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
            + "\"event_id\":\"Ev-reaction\",\"event_time\":1700000000,\"event\":{\"type\":\"reaction_added\","
            + "\"user\":\"U0001\",\"reaction\":\"tada\",\"item\":{\"type\":\"message\",\"channel\":\"C0001\","
            + "\"ts\":\"1700000000.000100\"},\"event_ts\":\"1700000000.000200\"}}";
    HttpResponse<String> r = requests.post("/slack/events", reaction, "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("no handler");
    assertThat(posted("/api/chat.postMessage")).isEmpty(); // acked at once, nothing posted
  }

  @Test
  void urlVerificationReturnsTheChallenge() throws Exception {
    HttpResponse<String> r =
        requests.post(
            "/slack/events",
            "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
            "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  // --- mentions --------------------------------------------------------------------------------

  @Test
  void aMentionIsAnsweredInAThreadWithTheSameBlocksAsTheCommand() throws Exception {
    HttpResponse<String> r =
        requests.post(
            "/slack/events",
            SlackRequests.mention(
                "Ev-thread", "<@UBOT> can I run Kommander 1.2 on Konvoy 1.7?", null),
            "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    List<LoggedRequest> posts = slack.awaitCalls("/api/chat.postMessage", 1);
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).getHeader("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
    Map<String, String> form = formOf(posts.get(0).getBodyAsString());
    assertThat(form)
        .containsEntry("channel", "C0001")
        .containsEntry("thread_ts", SlackRequests.tsOf("Ev-thread"));
    assertThat(form.get("text")).contains(pairingFacts());
    JsonNode expected = golden("slash-1.2-on-konvoy-1.7.json");
    ((com.fasterxml.jackson.databind.node.ArrayNode) expected)
        .remove(expected.size() - 1); // no share button
    assertThat(JSON.readTree(form.get("blocks"))).isEqualTo(expected);
  }

  @Test
  void aRedeliveredMentionIsAnsweredOnce() throws Exception {
    String body =
        SlackRequests.mention("Ev-retry", "<@UBOT> is 1.3 still supported, and 1.4?", null);
    assertThat(requests.post("/slack/events", body, "application/json").statusCode())
        .isEqualTo(200);
    String ts = String.valueOf(Instant.now().getEpochSecond());
    for (int retry = 1; retry <= 2; retry++) {
      HttpResponse<String> r =
          requests.post(
              "/slack/events",
              body,
              "application/json",
              Map.of(
                  "X-Slack-Request-Timestamp",
                  ts,
                  "X-Slack-Signature",
                  SlackRequests.sign(SECRET, ts, body),
                  "X-Slack-Retry-Num",
                  String.valueOf(retry),
                  "X-Slack-Retry-Reason",
                  "http_timeout"));
      assertThat(r.statusCode()).isEqualTo(200);
    }
    assertThat(slack.awaitCalls("/api/chat.postMessage", 1)).hasSize(1);
  }

  @Test
  void mentionsFromBotsAreIgnored() throws Exception {
    assertThat(
            requests
                .post(
                    "/slack/events",
                    SlackRequests.mention("Ev-bot", "<@UBOT> 1.4", "B0002"),
                    "application/json")
                .statusCode())
        .isEqualTo(200);
    assertOnlyTheNextMentionIsAnswered();
  }

  // --- share button, App Home, health ------------------------------------------------------------

  @Test
  void shareInChannelRepostsTheAnswerViaResponseUrl() throws Exception {
    HttpResponse<String> r =
        requests.post(
            "/slack/events",
            SlackRequests.shareClick(slack.responseUrl(), "1.4"),
            "application/x-www-form-urlencoded");
    assertThat(r.statusCode()).isEqualTo(200);
    List<LoggedRequest> sent = posted("/response");
    assertThat(sent).hasSize(1);
    JsonNode body = JSON.readTree(sent.get(0).getBodyAsString());
    assertThat(body.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(body.get("replace_original").asBoolean()).isFalse();
    assertThat(body.get("text").asText()).contains(kommander14Facts());
    JsonNode last = body.get("blocks").get(body.get("blocks").size() - 1);
    assertThat(last.at("/elements/0/text").asText()).isEqualTo("Shared by <@U0001>");
  }

  @Test
  void openingAppHomePublishesTheMatrixAndNextEndings() throws Exception {
    String body =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\",\"event_id\":\"Ev-home\",\"event_time\":1700000000,"
            + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"U0001\",\"channel\":\"D0001\",\"tab\":\"home\",\"event_ts\":\"1700000000.1\"}}";
    assertThat(requests.post("/slack/events", body, "application/json").statusCode())
        .isEqualTo(200);
    List<LoggedRequest> sent = posted("/api/views.publish");
    assertThat(sent).hasSize(1);
    Map<String, String> form = formOf(sent.get(0).getBodyAsString());
    assertThat(form).containsEntry("user_id", "U0001");
    JsonNode view = JSON.readTree(form.get("view"));
    assertThat(view.get("type").asText()).isEqualTo("home");
    List<String> texts =
        view.get("blocks").findValues("text").stream()
            .map(t -> t.isTextual() ? t.asText() : t.path("text").asText())
            .toList();
    assertThat(texts)
        .contains(
            ":bar_chart: Support matrix today (2026-11-25)",
            ":calendar: Next end-of-support dates");
    assertThat(String.join("\n", texts))
        .contains("*NKP 2.15*: no end scheduled")
        .contains(":warning: Release data last reviewed 2026-04-30")
        .contains(
            "Release data reviewed 2026-04-30 (209 days ago); newest known line NKP 2.17,"
                + " released 2025-12-23. Upstream release tags not checked yet.");
  }

  @Test
  void healthAndMetricsAnswerOverHttp() throws Exception {
    assertThat(requests.get("/healthz").statusCode()).isEqualTo(200);
    slash("matrix");
    slash("  matrix "); // one entry whatever the spaces around; case is kept (cluster names)
    HttpResponse<String> metrics = requests.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("cache_gets_total\\{cache=\"answers\",result=\"hit\"\\} [1-9]")
        .contains("catalog_review_age_days 209.0\n")
        .contains("catalog_newest_line_age_days 337.0\n")
        .contains("catalog_may_be_stale 1.0\n");
  }
}
