package io.kommander.supportbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import io.kommander.supportbot.delivery.Answerer;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.delivery.Receipt;
import io.kommander.supportbot.slack.SlackAnswers;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code @bot ...}: answers in a thread. The question is recorded in the outbox as it was asked and
 * the event acked at once; the outbox's worker reads it and posts the answer, so neither a slow
 * Slack nor the cost of reading the question delays the ack past Slack's 3 seconds. The reply's key
 * is the mention's channel and ts: Slack's redelivery of the event (to this replica or another)
 * finds it recorded and is only acked. When the outbox can record it neither in the database nor in
 * its spool, the event is answered 503 (not acked), and Slack delivers it again. Bots, itself
 * included, are ignored so two bots can never talk in a loop.
 */
public final class MentionListener implements BoltEventHandler<AppMentionEvent> {
  private static final Logger log = LoggerFactory.getLogger(MentionListener.class);

  /** The outbox's name for this listener's answers, kept in the records of its questions. */
  public static final String ANSWERER = "mention";

  /**
   * "@bot subscribe nkp 2.16": a channel's subscriptions change through the slash command, whose
   * answers reach the person alone, not as a version question about the line named.
   */
  public static final String USE_THE_COMMAND =
      "Channels subscribe with the slash command, here: `/kommander-support subscribe nkp 2.16`"
          + " (or `subscribe` for every line). `/kommander-support subscriptions` shows what this"
          + " channel gets.";

  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]++(?:\\|[^<>]*+)?>");

  private final Outbox outbox;

  /** Also makes {@code outbox} answer this listener's questions, whoever recorded them. */
  public MentionListener(SlackAnswers answers, Outbox outbox) {
    this.outbox = outbox;
    outbox.answerWith(ANSWERER, question -> Optional.of(reply(answers, question)));
  }

  /** The thread reply to a mention's text. */
  static Answerer.Words reply(SlackAnswers answers, String text) {
    if (SubscriptionCommand.verb(withoutMentions(text)).isPresent()) {
      return new Answerer.Words(USE_THE_COMMAND, null);
    }
    SlackAnswers.Reply reply = answers.reply(text);
    return new Answerer.Words(reply.text(), reply.blocksJson());
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
      // Throws Receipt.NotRecorded when neither the database nor the spool can keep it: the
      // request is then answered 503 (BoltServlet), and Slack delivers the event again.
      Receipt receipt =
          outbox.receive(Post.question(key, event.getChannel(), thread, ANSWERER, event.getText()));
      if (receipt == Receipt.KNOWN) {
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
