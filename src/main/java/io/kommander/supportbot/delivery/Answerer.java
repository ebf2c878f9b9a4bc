package io.kommander.supportbot.delivery;

import java.util.Optional;

/**
 * Turns a recorded question into the words posted for it, on the outbox's worker after the ack: so
 * an event is acked once its question is recorded, whatever reading it costs. Registered by name
 * ({@link Outbox#answerWith}); a post is answered by the answerer its record names.
 */
@FunctionalInterface
public interface Answerer {
  /** The words of a reply: the fallback text and the Block Kit blocks as Slack's JSON. */
  record Words(String text, String blocksJson) {}

  /**
   * The reply to {@code question}, or empty when there is nothing to post (the post is then
   * recorded as failed with {@link Outbox#NOTHING_TO_ANSWER}, for its caller to tell the person).
   */
  Optional<Words> answer(String question);
}
