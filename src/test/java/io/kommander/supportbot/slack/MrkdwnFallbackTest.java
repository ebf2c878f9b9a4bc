package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kommander.supportbot.Bot;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.json.Json;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code text} fallback of a reply is mrkdwn too (issue 34): a question it echoes back can
 * neither ping {@code @here} nor form a link. {@code <!here<x>>} used to come back as {@code <!here
 * >}.
 */
class MrkdwnFallbackTest {
  static final String SECRET = "mrkdwn-signing-secret-0d4e";

  SlackMock slack;
  Bot bot;
  SlackRequests requests;

  @BeforeEach
  void start() throws Exception {
    slack = SlackMock.start();
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    bot =
        Bot.start(
            TestConfigs.http(slack.apiUrl(), "xoxb-mrkdwn", SECRET), "127.0.0.1", () -> policy);
    requests = new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET);
  }

  @AfterEach
  void stop() {
    bot.close();
    slack.close();
  }

  @Test
  void aSlashCommandsFallbackEscapesTheEchoedQuestion() throws Exception {
    String reply = requests.slash("<!here<x>>", slack.responseUrl()).body();
    String text = Json.MAPPER.readTree(reply).path("text").asText();
    assertThat(text)
        .contains("I couldn't find a version in \"&lt;!here &gt;\"")
        .doesNotContain("<!here", "<x>");
  }

  @Test
  void aMentionReplysFallbackEscapesAmpersandsAndBrackets() throws Exception {
    requests.post(
        "/slack/events",
        SlackRequests.mention("Ev-mrkdwn", "<@UBOT> <!channel> & <https://evil.example|x>", null),
        "application/json");
    String text =
        SlackMock.form(slack.awaitCalls("/api/chat.postMessage", 1).get(0).getBodyAsString())
            .get("text");
    assertThat(text).doesNotContainPattern("<(?!@)").doesNotContain("&amp;lt;");
    assertThat(text.replaceAll("&(amp|lt|gt);", "")).doesNotContain("&", "<", ">");
  }

  @Test
  void aSubscriptionThatNamesNoLineEscapesWhatItEchoes() throws Exception {
    String reply = requests.slash("subscribe <!here> now", slack.responseUrl()).body();
    JsonNode json = Json.MAPPER.readTree(reply);
    assertThat(json.path("text").asText()).contains("&lt;!here&gt;").doesNotContain("<!here>");
  }
}
