package io.kommander.supportbot.announce;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import io.kommander.supportbot.timing.Timers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts announcements to Slack. Each post carries its ledger key in the message metadata, so
 * whether a post went out can be read back from the channel's history: after a timeout (Slack may
 * have posted) and after a crash between posting and recording. Honours 429 Retry-After, retries
 * 5xx and timeouts a bounded number of times, and gives up at once on errors retrying won't fix.
 */
public class SlackPoster {
  private static final Logger log = LoggerFactory.getLogger(SlackPoster.class);
  static final String EVENT_TYPE = "kommander_support_announcement";

  /** Errors worth retrying; any other error is reported and recorded, not retried. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");

  /** What posting came to. */
  public sealed interface Outcome permits Sent, Permanent, Transient {}

  public record Sent(String ts) implements Outcome {}

  public record Permanent(String error) implements Outcome {}

  public record Transient(String reason) implements Outcome {}

  /** The channel's history could not be read, so whether a post went out is unknown. */
  public static final class HistoryUnavailable extends Exception {
    public HistoryUnavailable(String message) {
      super(message, null, false, false);
    }
  }

  private final MethodsClient slack;
  private final int attempts;
  private final Duration backoff;
  private final Duration maxRetryAfter;

  public SlackPoster(MethodsClient slack, int attempts, Duration backoff, Duration maxRetryAfter) {
    this.slack = slack;
    this.attempts = attempts;
    this.backoff = backoff;
    this.maxRetryAfter = maxRetryAfter;
  }

  public Outcome post(String channel, SlackMessage message, String key, Instant claimedAt) {
    String reason = "not attempted";
    boolean mayHavePosted = false;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (mayHavePosted) {
        try {
          Optional<String> ts = findPosted(channel, key, claimedAt);
          if (ts.isPresent()) {
            return new Sent(ts.get()); // the timed-out attempt went through after all
          }
        } catch (HistoryUnavailable e) {
          return new Transient("cannot tell whether the post went out: " + e.getMessage());
        }
      }
      Duration wait = backoff.multipliedBy(1L << (attempt - 1));
      try {
        ChatPostMessageResponse r = send(channel, message, key);
        if (r.isOk()) {
          return new Sent(r.getTs());
        }
        if (!TRANSIENT.contains(r.getError())) {
          return new Permanent(r.getError()); // channel_not_found, not_in_channel, invalid_auth…
        }
        reason = r.getError();
      } catch (SlackApiException e) {
        int code = e.getResponse().code();
        reason = "HTTP " + code;
        if (code == 429) {
          wait = retryAfter(e).orElse(wait);
        } else if (code < 500) {
          return new Permanent(reason);
        }
        mayHavePosted = code >= 500;
      } catch (IOException e) {
        reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        mayHavePosted = true; // a timeout may have reached Slack
      }
      log.warn("Posting to {} failed (attempt {} of {}): {}", channel, attempt, attempts, reason);
      if (attempt < attempts && !Timers.sleep(wait)) {
        break;
      }
    }
    return new Transient(reason);
  }

  /** Sends once; protected so tests can simulate a crash around it. */
  protected ChatPostMessageResponse send(String channel, SlackMessage message, String key)
      throws IOException, SlackApiException {
    return slack.chatPostMessage(
        r ->
            r.channel(channel)
                .text(message.text())
                .blocks(message.blocks())
                .metadata(new Message.Metadata(EVENT_TYPE, Map.of("key", key))));
  }

  /** The ts of a message we posted with this key since {@code since}, if any. */
  public Optional<String> findPosted(String channel, String key, Instant since)
      throws HistoryUnavailable {
    try {
      ConversationsHistoryResponse r =
          slack.conversationsHistory(
              h ->
                  h.channel(channel)
                      .oldest(since.minusSeconds(60).getEpochSecond() + ".000000")
                      .limit(200)
                      .includeAllMetadata(true));
      if (!r.isOk()) {
        throw new HistoryUnavailable(r.getError());
      }
      return r.getMessages().stream()
          .filter(m -> m.getMetadata() != null && EVENT_TYPE.equals(m.getMetadata().getEventType()))
          .filter(m -> key.equals(String.valueOf(m.getMetadata().getEventPayload().get("key"))))
          .map(Message::getTs)
          .findFirst();
    } catch (IOException | SlackApiException e) {
      throw new HistoryUnavailable(e.getMessage());
    }
  }

  private Optional<Duration> retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      long seconds = header == null ? 1 : Long.parseLong(header.strip());
      Duration d = Duration.ofSeconds(Math.max(0, seconds));
      return Optional.of(d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d);
    } catch (NumberFormatException bad) {
      return Optional.empty();
    }
  }
}
