package io.kommander.supportbot.delivery;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.Message;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads back from Slack whether a post went out: each post carries its ledger key in its message
 * metadata, so after a timeout (Slack may have posted) or a crash between posting and recording,
 * the channel's (or thread's) recent history tells.
 */
final class SlackHistory {
  static final String EVENT_TYPE = "kommander_support_post";

  /** What posts were marked with before replies shared the outbox; still recognised. */
  static final Set<String> EVENT_TYPES = Set.of(EVENT_TYPE, "kommander_support_announcement");

  /** The channel's history could not be read, so whether a post went out is unknown. */
  public static final class HistoryUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public HistoryUnavailable(String message) {
      super(message, null, false, false);
    }
  }

  private final MethodsClient slack;

  SlackHistory(MethodsClient slack) {
    this.slack = slack;
  }

  /**
   * The ts of a message we posted with this post's key since {@code since}, if any: from the
   * thread's replies for a threaded post (channel history leaves replies out), else the channel's.
   */
  Optional<String> find(Post post, Instant since) throws HistoryUnavailable {
    String oldest = since.minusSeconds(60).getEpochSecond() + ".000000";
    try {
      List<Message> messages;
      String error;
      if (post.threadTs() != null) {
        var r =
            slack.conversationsReplies(
                q ->
                    q.channel(post.channel())
                        .ts(post.threadTs())
                        .oldest(oldest)
                        .limit(200)
                        .includeAllMetadata(true));
        messages = r.getMessages();
        error = r.isOk() ? null : r.getError();
      } else {
        var r =
            slack.conversationsHistory(
                q -> q.channel(post.channel()).oldest(oldest).limit(200).includeAllMetadata(true));
        messages = r.getMessages();
        error = r.isOk() ? null : r.getError();
      }
      if (error != null) {
        throw new HistoryUnavailable(error);
      }
      return messages == null
          ? Optional.empty()
          : messages.stream()
              .filter(m -> m.getMetadata() != null)
              .filter(m -> EVENT_TYPES.contains(m.getMetadata().getEventType()))
              .filter(m -> m.getMetadata().getEventPayload() != null)
              .filter(
                  m ->
                      post.key()
                          .equals(String.valueOf(m.getMetadata().getEventPayload().get("key"))))
              .map(Message::getTs)
              .findFirst();
    } catch (IOException | SlackApiException e) {
      throw new HistoryUnavailable(e.getMessage());
    }
  }
}
