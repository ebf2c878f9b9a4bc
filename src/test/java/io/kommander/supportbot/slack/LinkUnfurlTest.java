package io.kommander.supportbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kommander.supportbot.testing.SlackMock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A support page link pasted in a channel: Slack's signed {@code link_shared} event in, one {@code
 * chat.unfurl} out (WireMock over HTTP) with the line's answer, for the page's links only.
 */
class LinkUnfurlTest {
  static final String SECRET = "unfurl-secret-0123456789abcdef";
  static final String PAGE = "https://support.example.com";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final SignedBot it =
      new SignedBot(
          SECRET,
          s -> s.server().stubFor(post("/api/chat.unfurl").willReturn(okJson("{\"ok\":true}"))),
          c -> c.withPublicUrl(PAGE));

  /** Slack's {@code link_shared} event callback, as documented, for the given links. */
  static String linkShared(String eventId, String... urls) {
    var p = JSON.createObjectNode();
    p.put("token", "legacy").put("team_id", "T0001").put("api_app_id", "A0001");
    p.put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000000);
    var e = p.putObject("event");
    e.put("type", "link_shared").put("channel", "C0001").put("is_bot_user_member", true);
    e.put("user", "U0001").put("message_ts", "1700000000.000300");
    e.put("unfurl_id", "C0001.1700000000.000300.5a1b").put("source", "conversations_history");
    var links = e.putArray("links");
    for (String url : urls) {
      links.addObject().put("domain", java.net.URI.create(url).getHost()).put("url", url);
    }
    e.put("event_ts", "1700000000.000400");
    return p.toString();
  }

  @Test
  void aLinePagesLinkUnfurlsIntoItsAnswerAndOtherLinksAreLeftAlone() throws Exception {
    String body =
        linkShared(
            "EvUnfurl-1", PAGE + "/nkp/2.16", PAGE + "/about", "https://example.org/nkp/2.16");
    assertThat(it.requests.post("/slack/events", body, "application/json").statusCode())
        .isEqualTo(200);
    var calls = it.slack.awaitCalls("/api/chat.unfurl", 1);
    assertThat(calls).hasSize(1);
    Map<String, String> form = SlackMock.form(calls.get(0).getBodyAsString());
    assertThat(form)
        .containsEntry("channel", "C0001")
        .containsEntry("ts", "1700000000.000300")
        .containsEntry("unfurl_id", "C0001.1700000000.000300.5a1b")
        .containsEntry("source", "conversations_history");
    JsonNode unfurls = JSON.readTree(form.get("unfurls"));
    assertThat(unfurls.size()).isEqualTo(1);
    JsonNode blocks = unfurls.get(PAGE + "/nkp/2.16").get("blocks");
    assertThat(blocks.toString()).contains("NKP 2.16");
    assertThat(blocks.size()).isBetween(1, 12);
  }

  @Test
  void thePagesRootUnfurlsIntoTheMatrixAndForeignLinksGetNoCall() throws Exception {
    it.requests.post("/slack/events", linkShared("EvUnfurl-2", PAGE + "/"), "application/json");
    JsonNode unfurls =
        JSON.readTree(
            SlackMock.form(it.slack.awaitCalls("/api/chat.unfurl", 1).get(0).getBodyAsString())
                .get("unfurls"));
    assertThat(unfurls.get(PAGE + "/").get("blocks").toString()).contains("Support matrix");
    it.slack.server().resetRequests();
    assertThat(
            it.requests
                .post(
                    "/slack/events",
                    linkShared("EvUnfurl-3", "https://example.org/", PAGE + "/nkp/9.9/../x"),
                    "application/json")
                .statusCode())
        .isEqualTo(200);
    it.slack.awaitNoCalls("/api/chat.unfurl");
  }

  @Test
  void malformedLinksAreAckedAndNothingIsUnfurled() throws Exception {
    String body =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\","
            + "\"type\":\"event_callback\",\"event_id\":\"EvUnfurl-4\",\"event_time\":1700000000,"
            + "\"event\":{\"type\":\"link_shared\",\"channel\":\"C0001\",\"message_ts\":\"1.2\","
            + "\"links\":[{\"url\":\"http://[::1\"},{\"url\":null},{}]}}";
    assertThat(it.requests.post("/slack/events", body, "application/json").statusCode())
        .isEqualTo(200);
    it.slack.awaitNoCalls("/api/chat.unfurl");
  }

  @Test
  void theManifestAsksForTheUnfurlDomainEventAndScopes() throws Exception {
    JsonNode manifest =
        new YAMLMapper().readTree(Path.of("config/slack-app-manifest.yml").toFile());
    assertThat(manifest.at("/features/unfurl_domains/0").asText()).isEqualTo("your-host");
    assertThat(manifest.at("/settings/event_subscriptions/bot_events").toString())
        .contains("\"link_shared\"");
    assertThat(manifest.at("/oauth_config/scopes/bot").toString())
        .contains("\"links:read\"", "\"links:write\"");
  }
}
