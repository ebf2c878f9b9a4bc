package io.kommander.supportbot.slack.listeners;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /kommander-support TEXT}: answers in the ack itself (microseconds, far inside Slack's
 * 3-second limit), ephemeral, with a button to share the answer in the channel.
 */
public final class SupportCommand implements SlashCommandHandler {
  public static final String COMMAND = "/kommander-support";
  private static final Set<String> SCHEDULE_WORDS = Set.of("announcements", "schedule");

  private final SlackAnswers answers;
  private final Supplier<SlackMessage> schedule;
  private final SubscriptionCommand subscriptions;

  /**
   * @param schedule renders the announcement schedule, for {@code /kommander-support announcements}
   * @param subscriptions {@code subscribe}, {@code unsubscribe} and {@code subscriptions}
   */
  public SupportCommand(
      SlackAnswers answers, Supplier<SlackMessage> schedule, SubscriptionCommand subscriptions) {
    this.answers = answers;
    this.schedule = schedule;
    this.subscriptions = subscriptions;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    String text = req.getPayload().getText();
    Optional<String> verb = SubscriptionCommand.verb(text);
    if (verb.isPresent()) {
      return subscriptions.apply(verb.get(), req.getPayload(), ctx);
    }
    if (text != null && SCHEDULE_WORDS.contains(text.strip().toLowerCase(Locale.ROOT))) {
      SlackMessage message = schedule.get();
      return ctx.ack(
          r -> r.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
    }
    return Response.builder()
        .statusCode(200)
        .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
        .body(answers.commandReply(text))
        .build();
  }
}
