package io.kommander.supportbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.FunctionExecutedEvent;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.render.StepOutputs;
import io.kommander.supportbot.slack.SlackAnswers;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Check a Kommander/NKP version", a Workflow Builder step (a Slack custom function): reads its
 * {@code question} input as a mention is read, and completes with outputs a workflow can branch on
 * ({@code status}, {@code supported}, {@code ends_on}, {@code newest_line}, {@code answer}), or
 * fails with a reason a workflow author can read. Acked at once; completed after the ack.
 */
public final class VersionCheckStep implements BoltEventHandler<FunctionExecutedEvent> {
  public static final String CALLBACK_ID = "check_versions_step";
  static final String INPUT = "question";

  private static final Logger log = LoggerFactory.getLogger(VersionCheckStep.class);

  private final SlackAnswers answers;
  private final ExecutorService executor;

  /**
   * @param executor where completions run, after the ack (Bolt's own pool)
   */
  public VersionCheckStep(SlackAnswers answers, ExecutorService executor) {
    this.answers = answers;
    this.executor = executor;
  }

  @Override
  public Response apply(EventsApiPayload<FunctionExecutedEvent> payload, EventContext ctx) {
    FunctionExecutedEvent event = payload.getEvent();
    var input = event.getInputs() == null ? null : event.getInputs().get(INPUT);
    String question = input == null || input.asString() == null ? "" : input.asString();
    executor.execute(() -> complete(question, ctx));
    return ctx.ack();
  }

  private void complete(String question, EventContext ctx) {
    try {
      PolicyService service = answers.policy();
      Optional<Map<String, Object>> outputs = StepOutputs.of(answers.replyTo(question), service);
      if (outputs.isPresent()) {
        ctx.complete(outputs.get());
      } else {
        ctx.fail(
            "No Kommander, Konvoy, DKP or NKP version in \""
                + QueryParser.shorten(question.strip(), 80)
                + "\": give one, like nkp 2.16 or kommander 1.2 on konvoy 1.7.");
      }
    } catch (Exception e) {
      log.warn(
          "Completing workflow step {} failed: {}", ctx.getFunctionExecutionId(), e.toString());
    }
  }
}
