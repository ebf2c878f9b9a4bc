package io.kommander.supportbot.slack.listeners;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import io.kommander.supportbot.slack.Once;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Share in channel": re-answers the question and posts it for everyone via {@code response_url}.
 */
public final class ShareAction implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(ShareAction.class);

  private final SlackAnswers answers;

  private final Once once;

  /**
   * @param once which clicks were shared (a click delivered twice, or to two replicas, shares once)
   */
  public ShareAction(SlackAnswers answers, Once once) {
    this.answers = answers;
    this.once = once;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) throws IOException {
    var payload = req.getPayload();
    if (payload.getActions() == null || payload.getActions().isEmpty()) {
      log.warn("Share click without an action; nothing posted");
      return ctx.ack();
    }
    var action = payload.getActions().get(0);
    if (!ResponseUrls.answerable(payload.getResponseUrl())) {
      log.warn(
          "Share click with nowhere to answer (response_url {}); nothing posted",
          payload.getResponseUrl() == null ? "missing" : "not an http(s) URL");
      return ctx.ack();
    }
    String click =
        "share:"
            + (payload.getUser() == null ? "" : payload.getUser().getId())
            + ":"
            + action.getActionTs();
    if (action.getActionTs() != null && !once.first(click)) {
      return ctx.ack();
    }
    String question = action.getValue();
    SlackMessage message = answers.answer(question);
    List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
    String user = payload.getUser() == null ? null : payload.getUser().getId();
    if (user != null && user.matches("[A-Z0-9]+")) {
      blocks.add(context(c -> c.elements(List.of(markdownText("Shared by <@" + user + ">")))));
    }
    try {
      WebhookResponse sent =
          ctx.respond(
              r ->
                  r.responseType("in_channel")
                      .replaceOriginal(false)
                      .text(message.text())
                      .blocks(blocks));
      if (sent.getCode() != 200) {
        log.warn("Sharing an answer failed: response_url answered HTTP {}", sent.getCode());
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Sharing an answer failed: {}: {}", e.getClass().getSimpleName(), e.getMessage());
    }
    return ctx.ack();
  }
}
