package io.kommander.supportbot.delivery;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import io.kommander.supportbot.timing.Timers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to Slack. Each post carries its ledger key in the message metadata, so whether a post went
 * out can be read back from the channel (or thread): after a timeout (Slack may have posted) and
 * after a crash between posting and recording. Honours 429 Retry-After per channel (other posts to
 * that channel wait too), retries 5xx and timeouts a bounded number of times, and gives up at once
 * on errors retrying won't fix.
 */
public class SlackPoster {
  private static final Logger log = LoggerFactory.getLogger(SlackPoster.class);
  static final String EVENT_TYPE = "kommander_support_post";

  /** What posts were marked with before replies shared the outbox; still recognised. */
  static final Set<String> EVENT_TYPES = Set.of(EVENT_TYPE, "kommander_support_announcement");

  /** Errors worth retrying; any other error is reported and recorded, not retried. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");

  /** What posting came to. */
  public sealed interface Outcome permits Sent, Permanent, Transient {}

  public record Sent(String ts) implements Outcome {}

  public record Permanent(String error) implements Outcome {}

  /**
   * @param unsure whether the post may have reached Slack though no answer said so (history could
   *     not be read to tell)
   */
  public record Transient(String reason, boolean unsure) implements Outcome {}

  /** The channel's history could not be read, so whether a post went out is unknown. */
  public static final class HistoryUnavailable extends Exception {
    public HistoryUnavailable(String message) {
      super(message, null, false, false);
    }
  }

  private final MethodsClient slack;
  private final String token;

  /**
   * Reads every answer: the SDK's own {@code chatPostMessage} builds a new Gson, and with it a type
   * adapter for each class a response may hold, on every call; that was ~40% of the bot's CPU per
   * mention (JFR).
   */
  private final Gson gson;

  private final SlackConfig config;
  private final int attempts;
  private final Duration backoff;
  private final Duration maxRetryAfter;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

  /** How the poster waits between attempts; false when interrupted (stop trying). */
  @FunctionalInterface
  public interface Sleeper {
    boolean sleep(Duration duration);
  }

  /**
   * @param slack the Web API's client settings (its URL among them)
   * @param token the bot token posts are made with
   */
  public SlackPoster(
      Slack slack, String token, int attempts, Duration backoff, Duration maxRetryAfter) {
    this(slack, token, attempts, backoff, maxRetryAfter, Clock.systemUTC(), Timers::sleep);
  }

  /**
   * @param clock and {@code sleeper}: real time, or a test's clock that a sleep moves on at once
   */
  public SlackPoster(
      Slack slack,
      String token,
      int attempts,
      Duration backoff,
      Duration maxRetryAfter,
      Clock clock,
      Sleeper sleeper) {
    this.slack = slack.methods(token);
    this.token = token;
    this.config = slack.getConfig();
    this.gson = GsonFactory.createSnakeCase(config);
    this.attempts = attempts;
    this.backoff = backoff;
    this.maxRetryAfter = maxRetryAfter;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * @param claimedAt when this post was claimed: history from a minute before it is searched
   */
  public Outcome post(Post post, Instant claimedAt) {
    String reason = "not attempted";
    boolean mayHavePosted = false;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (mayHavePosted) {
        Optional<Outcome> found = alreadyPosted(post, claimedAt);
        if (found.isPresent()) {
          return found.get();
        }
      }
      if (!waitForChannel(post.channel())) {
        break;
      }
      Duration wait = backoff.multipliedBy(1L << (attempt - 1));
      try {
        ChatPostMessageResponse r = send(post);
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
          Duration after = retryAfter(e).orElse(wait);
          pausedUntil.merge(
              post.channel(), clock.instant().plus(after), (a, b) -> a.isAfter(b) ? a : b);
          wait = Duration.ZERO; // the channel's pause is the wait
        } else if (code < 500) {
          return new Permanent(reason);
        }
        mayHavePosted |= code >= 500;
      } catch (IOException e) {
        reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        mayHavePosted = true; // a timeout may have reached Slack
      }
      log.warn(
          "Posting {} to {} failed (attempt {} of {}): {}",
          post.key(),
          post.channel(),
          attempt,
          attempts,
          reason);
      if (attempt < attempts && wait.compareTo(Duration.ZERO) > 0 && !sleeper.sleep(wait)) {
        break;
      }
    }
    if (mayHavePosted) {
      Optional<Outcome> found = alreadyPosted(post, claimedAt);
      return found.orElse(new Transient(reason, false));
    }
    return new Transient(reason, false);
  }

  /** Sent if history shows the post; unsure if history cannot tell; empty if it is not there. */
  private Optional<Outcome> alreadyPosted(Post post, Instant since) {
    try {
      return findPosted(post, since).map(Sent::new);
    } catch (HistoryUnavailable e) {
      return Optional.of(
          new Transient("cannot tell whether the post went out: " + e.getMessage(), true));
    }
  }

  /** Waits out a 429 pause on this channel; false if interrupted. */
  private boolean waitForChannel(String channel) {
    Instant until = pausedUntil.get(channel);
    if (until == null) {
      return true;
    }
    Duration left = Duration.between(clock.instant(), until);
    if (left.isNegative() || left.isZero()) {
      pausedUntil.remove(channel, until);
      return true;
    }
    return sleeper.sleep(left);
  }

  /** Sends once; protected so tests can simulate a crash around it. */
  protected ChatPostMessageResponse send(Post post) throws IOException, SlackApiException {
    ChatPostMessageRequest request =
        ChatPostMessageRequest.builder()
            .channel(post.channel())
            .threadTs(post.threadTs())
            .text(post.text())
            .blocksAsString(post.blocksJson())
            .metadata(new Message.Metadata(EVENT_TYPE, Map.of("key", post.key())))
            .build();
    // As the SDK posts it (same form, bearer token), read with this poster's one Gson.
    try (Response response =
        slack.runPostFormWithToken(
            RequestFormBuilder.toForm(request), Methods.CHAT_POST_MESSAGE, token)) {
      String body = response.body() == null ? "" : response.body().string();
      if (!response.isSuccessful()) {
        throw new SlackApiException(config, response, body);
      }
      ChatPostMessageResponse answer = gson.fromJson(body, ChatPostMessageResponse.class);
      if (answer == null) {
        throw new IOException("an empty answer");
      }
      return answer;
    } catch (JsonParseException notSlacks) {
      // A proxy's page, say: whether Slack posted is unknown, as after a timeout.
      throw new IOException("an answer that is not Slack's JSON", notSlacks);
    }
  }

  /**
   * The ts of a message we posted with this post's key since {@code since}, if any: from the
   * thread's replies for a threaded post (channel history leaves replies out), else the channel's.
   */
  public Optional<String> findPosted(Post post, Instant since) throws HistoryUnavailable {
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
