package io.kommander.supportbot.slack.listeners;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.blocks.SlackMessage;

/**
 * {@code /kommander-support TEXT}: answers in the ack itself (microseconds, far inside Slack's
 * 3-second limit), ephemeral, with a button to share the answer in the channel.
 */
public final class SupportCommand implements SlashCommandHandler {
  public static final String COMMAND = "/kommander-support";

  private final SlackAnswers answers;

  public SupportCommand(SlackAnswers answers) {
    this.answers = answers;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    SlackMessage message = answers.answerWithShareButton(req.getPayload().getText());
    return ctx.ack(r -> r.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
  }
}
