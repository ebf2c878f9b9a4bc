package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kommander.supportbot.slack.listeners.CheckMessageShortcut;
import io.kommander.supportbot.slack.listeners.SupportCommand;
import io.kommander.supportbot.testing.SlackMock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Check versions" over real HTTP: Slack's signed {@code message_action} payload in, {@code
 * chat.postMessage} and {@code response_url} (WireMock) out.
 */
class MessageShortcutTest {
  static final String SECRET = "shortcut-secret-0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TEAM_PASTE =
      "Our clusters: prod on `dkp 2.6`, staging on *nkp 2.13*, dev on nkp 2.17.1 - still fine?";

  @RegisterExtension
  static final SignedBot it = new SignedBot(SECRET, SignedBot.notInChannel("CNOTIN"), c -> c);

  private static HttpResponse<String> use(
      String user, String channel, String ts, String threadTs, String text) throws Exception {
    return it.requests.post(
        "/slack/events",
        SlackRequests.messageShortcut(it.slack.responseUrl(), user, channel, ts, threadTs, text),
        "application/x-www-form-urlencoded");
  }

  private static List<JsonNode> toThePerson(int n) throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (LoggedRequest r : it.slack.awaitCalls("/response", n)) {
      bodies.add(JSON.readTree(r.getBodyAsString()));
    }
    return bodies;
  }

  @Test
  void theAnswerGoesInTheMessagesThreadOnceHoweverOftenTheShortcutIsUsed() throws Exception {
    HttpResponse<String> first = use("U0001", "C0001", "1700000001.000100", null, TEAM_PASTE);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEmpty();
    List<LoggedRequest> posts = it.slack.awaitCalls("/api/chat.postMessage", 1);
    assertThat(posts).hasSize(1);
    Map<String, String> form = SlackMock.form(posts.get(0).getBodyAsString());
    assertThat(form)
        .containsEntry("channel", "C0001")
        .containsEntry("thread_ts", "1700000001.000100");
    assertThat(form.get("text"))
        .contains(
            "3 clusters: prod (DKP 2.6) and staging (NKP 2.13) expired; dev (NKP 2.17.1)"
                + " supported.",
            "\nprod on DKP 2.6: expired\n",
            "\nstaging on NKP 2.13: expired\n",
            "\ndev on NKP 2.17.1: supported\n")
        .doesNotContain("*nkp");
    assertThat(it.slack.calls("/response")).isEmpty();

    // Someone else uses it on the same message: no second answer in the thread; they are told.
    it.slack.server().resetRequests();
    assertThat(use("U0002", "C0001", "1700000001.000100", null, TEAM_PASTE).statusCode())
        .isEqualTo(200);
    JsonNode told = toThePerson(1).get(0);
    assertThat(told.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(told.get("text").asText())
        .isEqualTo("I have already answered this message in its thread.");
    assertThat(it.slack.calls("/api/chat.postMessage")).isEmpty();
  }

  @Test
  void aMessageInAThreadIsAnsweredInThatThread() throws Exception {
    use("U0001", "C0001", "1700000002.000200", "1700000000.000050", "is nkp 2.16 supported?");
    Map<String, String> form =
        SlackMock.form(it.slack.awaitCalls("/api/chat.postMessage", 1).get(0).getBodyAsString());
    assertThat(form).containsEntry("thread_ts", "1700000000.000050");
    assertThat(form.get("text")).contains("NKP 2.16");
  }

  @Test
  void aMessageWithoutVersionsIsNotAnsweredInTheChannelOnlyToThePerson() throws Exception {
    assertThat(
            use("U0001", "C0001", "1700000003.000300", null, "lunch at noon? :taco:").statusCode())
        .isEqualTo(200);
    JsonNode told = toThePerson(1).get(0);
    assertThat(told.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(told.get("text").asText()).startsWith("I found no Kommander, Konvoy, DKP or NKP");
    assertThat(it.slack.calls("/api/chat.postMessage")).isEmpty();
  }

  @Test
  void whereTheBotCannotPostThePersonGetsTheAnswerAloneAndIsToldWhy() throws Exception {
    use("U0001", "CNOTIN", "1700000004.000400", null, "we run dkp 2.6");
    JsonNode told = toThePerson(1).get(0);
    assertThat(told.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(told.get("replace_original").asBoolean()).isFalse();
    assertThat(told.get("text").asText()).contains("DKP 2.6: expired");
    JsonNode blocks = told.get("blocks");
    assertThat(blocks.get(blocks.size() - 1).at("/elements/0/text").asText())
        .contains("I cannot post in this conversation", "/invite @kommander-support");
    // Tried once: Slack's not_in_channel is not retried.
    assertThat(it.slack.calls("/api/chat.postMessage")).hasSize(1);
  }

  @Test
  void anUnsignedShortcutIsRefusedAndNothingIsPosted() throws Exception {
    String body =
        SlackRequests.messageShortcut(
            it.slack.responseUrl(), "U0001", "C0001", "1700000005.000500", null, "dkp 2.6");
    HttpResponse<String> r =
        it.requests.post(
            "/slack/events",
            body,
            "application/x-www-form-urlencoded",
            SlackRequests.signed(
                "wrong-secret", String.valueOf(Instant.now().getEpochSecond()), body));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(it.slack.calls("/api/chat.postMessage")).isEmpty();
    assertThat(it.slack.calls("/response")).isEmpty();
  }

  @Test
  void theManifestDeclaresWhatTheAppListensTo() throws Exception {
    JsonNode manifest =
        new YAMLMapper().readTree(Path.of("config/slack-app-manifest.yml").toFile());
    JsonNode shortcut = manifest.at("/features/shortcuts/0");
    assertThat(shortcut.get("type").asText()).isEqualTo("message");
    assertThat(shortcut.get("callback_id").asText()).isEqualTo(CheckMessageShortcut.CALLBACK_ID);
    assertThat(shortcut.get("name").asText()).isEqualTo("Check versions");
    assertThat(manifest.at("/features/slash_commands/0/command").asText())
        .isEqualTo(SupportCommand.COMMAND);
    assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/oauth_config/scopes/bot").toString()).contains("\"chat:write\"");
  }
}
