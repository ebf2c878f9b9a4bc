package io.kommander.supportbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.slack.SlackAnswers;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code @bot ...}: answers in a thread. The reply is recorded in the outbox and the event acked at
 * once; the outbox posts it, so a slow Slack never delays the ack past Slack's 3 seconds. The
 * reply's key is the mention's channel and ts: Slack's redelivery of the event (to this replica or
 * another) finds it recorded and is only acked. Bots, itself included, are ignored so two bots can
 * never talk in a loop.
 */
public final class MentionListener implements BoltEventHandler<AppMentionEvent> {
  private static final Logger log = LoggerFactory.getLogger(MentionListener.class);

  /**
   * "@bot subscribe nkp 2.16": a channel's subscriptions change through the slash command, whose
   * answers reach the person alone, not as a version question about the line named.
   */
  public static final String USE_THE_COMMAND =
      "Channels subscribe with the slash command, here: `/kommander-support subscribe nkp 2.16`"
          + " (or `subscribe` for every line). `/kommander-support subscriptions` shows what this"
          + " channel gets.";

  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]++(?:\\|[^<>]*+)?>");

  private final SlackAnswers answers;
  private final Outbox outbox;

  public MentionListener(SlackAnswers answers, Outbox outbox) {
    this.answers = answers;
    this.outbox = outbox;
  }

  @Override
  public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent event = payload.getEvent();
    if (event.getBotId() != null || event.getUser() == null) {
      return ctx.ack();
    }
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    String key = Outbox.REPLY + event.getChannel() + ":" + event.getTs();
    MDC.put("event_id", payload.getEventId());
    try {
      // A failure to record throws: Bolt answers 500 and Slack redelivers, so nothing is lost.
      SlackAnswers.Reply reply =
          SubscriptionCommand.verb(withoutMentions(event.getText())).isPresent()
              ? new SlackAnswers.Reply(USE_THE_COMMAND, null)
              : answers.reply(event.getText());
      if (!outbox.send(
          new Post(key, event.getChannel(), thread, reply.text(), reply.blocksJson()))) {
        log.info("Ignoring redelivered event (retry {}): {} is recorded", ctx.getRetryNum(), key);
      }
    } finally {
      MDC.remove("event_id");
    }
    return ctx.ack();
  }

  private static String withoutMentions(String text) {
    return text == null ? "" : MENTION.matcher(text).replaceAll(" ").strip();
  }
}
