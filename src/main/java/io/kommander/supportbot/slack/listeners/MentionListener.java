package io.kommander.supportbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.event.AppMentionEvent;
import io.kommander.supportbot.slack.Once;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code @bot ...}: answers in a thread. Slack redelivers events it did not see acked in time (with
 * {@code X-Slack-Retry-Num}); each {@code event_id} is answered once. Bots, itself included, are
 * ignored so two bots can never talk in a loop.
 */
public final class MentionListener implements BoltEventHandler<AppMentionEvent> {
  private static final Logger log = LoggerFactory.getLogger(MentionListener.class);

  private final SlackAnswers answers;

  private final Once once;

  /**
   * @param once which event ids were answered (this process's memory, or shared by replicas)
   */
  public MentionListener(SlackAnswers answers, Once once) {
    this.answers = answers;
    this.once = once;
  }

  @Override
  public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx)
      throws IOException, SlackApiException {
    AppMentionEvent event = payload.getEvent();
    if (event.getBotId() != null || event.getUser() == null) {
      return ctx.ack();
    }
    String eventId = payload.getEventId();
    if (eventId != null && !once.first("event:" + eventId)) {
      log.info("Ignoring redelivered event {} (retry {})", eventId, ctx.getRetryNum());
      return ctx.ack();
    }
    SlackMessage message = answers.answer(event.getText());
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    try {
      ChatPostMessageResponse sent =
          ctx.client()
              .chatPostMessage(
                  r ->
                      r.channel(event.getChannel())
                          .threadTs(thread)
                          .text(message.text())
                          .blocks(message.blocks()));
      if (!sent.isOk()) {
        log.warn("chat.postMessage to {} failed: {}", event.getChannel(), sent.getError());
      }
    } catch (IOException | SlackApiException | RuntimeException e) {
      if (eventId != null) {
        once.forget("event:" + eventId); // let Slack's retry try again: nothing lost
      }
      throw e;
    }
    return ctx.ack();
  }
}
