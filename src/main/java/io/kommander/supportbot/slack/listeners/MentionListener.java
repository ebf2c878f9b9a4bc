package io.kommander.supportbot.slack.listeners;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.event.AppMentionEvent;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code @bot ...}: answers in a thread. Slack redelivers events it did not see acked in time (with
 * {@code X-Slack-Retry-Num}); each {@code event_id} is answered once. Bots, itself included, are
 * ignored so two bots can never talk in a loop.
 */
public final class MentionListener implements BoltEventHandler<AppMentionEvent> {
  private static final Logger log = LoggerFactory.getLogger(MentionListener.class);

  /** Slack retries within minutes; an hour of event ids is ample and bounded. */
  private final Cache<String, Boolean> seen =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(100_000).build();

  private final SlackAnswers answers;

  public MentionListener(SlackAnswers answers) {
    this.answers = answers;
  }

  @Override
  public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx)
      throws IOException, SlackApiException {
    AppMentionEvent event = payload.getEvent();
    if (event.getBotId() != null || event.getUser() == null) {
      return ctx.ack();
    }
    String eventId = payload.getEventId();
    if (eventId != null && seen.asMap().putIfAbsent(eventId, Boolean.TRUE) != null) {
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
      seen.invalidate(eventId); // let Slack's retry try again: nothing lost
      throw e;
    }
    return ctx.ack();
  }
}
