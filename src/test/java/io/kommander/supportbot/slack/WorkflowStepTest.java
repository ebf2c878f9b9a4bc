package io.kommander.supportbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.slack.listeners.VersionCheckStep;
import io.kommander.supportbot.testing.SlackMock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Workflow Builder step over real HTTP: Slack's signed {@code function_executed} event in,
 * {@code functions.completeSuccess} with the outputs (or {@code completeError}) out, on WireMock.
 */
class WorkflowStepTest {
  static final String SECRET = "step-secret-0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();
  static final PolicyService POLICY = SignedBot.APRIL;

  @RegisterExtension
  static final SignedBot it =
      new SignedBot(
          SECRET,
          s -> {
            s.server()
                .stubFor(
                    post("/api/functions.completeSuccess").willReturn(okJson("{\"ok\":true}")));
            s.server()
                .stubFor(post("/api/functions.completeError").willReturn(okJson("{\"ok\":true}")));
          },
          c -> c);

  /** Slack's {@code function_executed} event callback for the step, as documented. */
  static String functionExecuted(String eventId, String question) {
    var p = JSON.createObjectNode();
    p.put("token", "legacy").put("team_id", "T0001").put("api_app_id", "A0001");
    p.put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000000);
    var e = p.putObject("event");
    e.put("type", "function_executed");
    var f = e.putObject("function");
    f.put("id", "Fn0001").put("callback_id", VersionCheckStep.CALLBACK_ID);
    f.put("title", "Check a Kommander, DKP or NKP version").put("type", "app");
    f.put("app_id", "A0001").put("date_created", 1700000000).put("date_updated", 1700000000);
    e.putObject("inputs").put("question", question);
    e.put("function_execution_id", "Fx" + eventId).put("workflow_execution_id", "Wx0001");
    e.put("event_ts", "1700000000.000100").put("bot_access_token", "xwfp-step-token");
    return p.toString();
  }

  @Test
  void aVersionCompletesTheStepWithOutputsAWorkflowCanBranchOn() throws Exception {
    assertThat(
            it.requests
                .post(
                    "/slack/events",
                    functionExecuted("EvStep1", "is dkp 2.6 still ok?"),
                    "application/json")
                .statusCode())
        .isEqualTo(200);
    var calls = it.slack.awaitCalls("/api/functions.completeSuccess", 1);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).getHeader("Authorization")).isEqualTo("Bearer xwfp-step-token");
    Map<String, String> form = SlackMock.form(calls.get(0).getBodyAsString());
    assertThat(form).containsEntry("function_execution_id", "FxEvStep1");
    JsonNode outputs = JSON.readTree(form.get("outputs"));
    Catalog c = POLICY.catalog();
    ReleaseLine dkp26 = c.line(Product.DKP, Minor.parse("2.6")).orElseThrow();
    ReleaseLine ender = c.lines().get(c.lines().indexOf(dkp26) + c.settings().window());
    assertThat(outputs.get("status").asText()).isEqualTo("expired");
    assertThat(outputs.get("supported").asBoolean()).isFalse();
    assertThat(outputs.get("supported").isBoolean()).isTrue();
    assertThat(outputs.get("ends_on").asText()).isEqualTo(ender.released().toString());
    assertThat(outputs.get("newest_line").asText()).startsWith("NKP 2.17");
    assertThat(outputs.get("answer").asText()).contains("DKP 2.6: expired");
    assertThat(it.slack.calls("/api/functions.completeError")).isEmpty();
  }

  @Test
  void aSupportedLineSaysSoAndNoVersionFailsTheStepWithAReason() throws Exception {
    it.requests.post("/slack/events", functionExecuted("EvStep2", "nkp 2.17"), "application/json");
    JsonNode outputs =
        JSON.readTree(
            SlackMock.form(
                    it.slack
                        .awaitCalls("/api/functions.completeSuccess", 1)
                        .get(0)
                        .getBodyAsString())
                .get("outputs"));
    assertThat(outputs.get("supported").asBoolean()).isTrue();
    assertThat(outputs.get("status").asText()).isEqualTo("supported");
    it.slack.server().resetRequests();
    it.requests.post(
        "/slack/events", functionExecuted("EvStep3", "lunch at noon?"), "application/json");
    var failed = it.slack.awaitCalls("/api/functions.completeError", 1);
    assertThat(SlackMock.form(failed.get(0).getBodyAsString()).get("error"))
        .startsWith("No Kommander, Konvoy, DKP or NKP version in \"lunch at noon?\"");
    assertThat(it.slack.calls("/api/functions.completeSuccess")).isEmpty();
  }

  @Test
  void theManifestDeclaresTheStepWithItsInputAndOutputs() throws Exception {
    JsonNode manifest =
        new YAMLMapper().readTree(Path.of("config/slack-app-manifest.yml").toFile());
    JsonNode step = manifest.at("/functions/" + VersionCheckStep.CALLBACK_ID);
    assertThat(step.at("/input_parameters/question/type").asText()).isEqualTo("string");
    assertThat(step.at("/output_parameters/supported/type").asText()).isEqualTo("boolean");
    for (String output : new String[] {"status", "ends_on", "newest_line", "answer"}) {
      assertThat(step.at("/output_parameters/" + output + "/type").asText()).isEqualTo("string");
    }
    assertThat(manifest.at("/settings/event_subscriptions/bot_events").toString())
        .contains("\"function_executed\"");
    assertThat(manifest.at("/settings/org_deploy_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/settings/function_runtime").asText()).isEqualTo("remote");
  }
}
