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

  /** Errors worth retrying; any other error is reported and recorded, not retried. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");

  private final MethodsClient slack;
  private final SlackHistory history;
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
    this.history = new SlackHistory(this.slack);
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
   * Posts under {@code lease}: renewed while waiting out a 429 or a back-off, and checked (which
   * renews it) right before each send, so a poster whose post was taken over stops without sending.
   *
   * @param claimedAt when this post was claimed: history from a minute before it is searched
   */
  public Outcome post(Post post, Instant claimedAt, Lease lease) {
    String reason = "not attempted";
    boolean mayHavePosted = false;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (mayHavePosted) {
        Optional<Outcome> found = alreadyPosted(post, claimedAt);
        if (found.isPresent()) {
          return found.get();
        }
      }
      Paused paused = waitForChannel(post.channel(), lease);
      if (paused != Paused.DONE) {
        return ended(paused, post, claimedAt, mayHavePosted, reason);
      }
      if (!lease.renew()) {
        return new Outcome.Lost("the claim was lost before attempt " + attempt);
      }
      Duration wait = backoff.multipliedBy(1L << (attempt - 1));
      try {
        ChatPostMessageResponse r = send(post);
        if (r.isOk()) {
          return new Outcome.Sent(r.getTs());
        }
        if (!TRANSIENT.contains(r.getError())) {
          return new Outcome.Permanent(r.getError()); // channel_not_found, not_in_channel…
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
          return new Outcome.Permanent(reason);
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
      if (attempt < attempts) {
        paused = pause(wait, lease);
        if (paused != Paused.DONE) {
          return ended(paused, post, claimedAt, mayHavePosted, reason);
        }
      }
    }
    return ended(Paused.DONE, post, claimedAt, mayHavePosted, reason);
  }

  /** How a wait ended: waited out, interrupted (stop trying), or the lease could not be renewed. */
  private enum Paused {
    DONE,
    INTERRUPTED,
    LOST
  }

  /**
   * Where the post stands when the poster stops trying: lost, found in history after an attempt
   * that may have reached Slack, or a transient failure.
   */
  private Outcome ended(
      Paused paused, Post post, Instant claimedAt, boolean mayHavePosted, String reason) {
    if (paused == Paused.LOST) {
      return new Outcome.Lost("the claim was lost while waiting after: " + reason);
    }
    if (mayHavePosted) {
      return alreadyPosted(post, claimedAt).orElse(new Outcome.Transient(reason, false));
    }
    return new Outcome.Transient(reason, false);
  }

  /** Sent if history shows the post; unsure if history cannot tell; empty if it is not there. */
  private Optional<Outcome> alreadyPosted(Post post, Instant since) {
    try {
      return findPosted(post, since).map(Outcome.Sent::new);
    } catch (SlackHistory.HistoryUnavailable e) {
      return Optional.of(
          new Outcome.Transient("cannot tell whether the post went out: " + e.getMessage(), true));
    }
  }

  /** Waits out a 429 pause on this channel. */
  private Paused waitForChannel(String channel, Lease lease) {
    Instant until = pausedUntil.get(channel);
    if (until == null) {
      return Paused.DONE;
    }
    Duration left = Duration.between(clock.instant(), until);
    if (left.isNegative() || left.isZero()) {
      pausedUntil.remove(channel, until);
      return Paused.DONE;
    }
    return pause(left, lease);
  }

  /**
   * Waits {@code wait} in pieces no longer than the lease's renewal interval, renewing it after
   * each, so a wait longer than the lease (a 60 s Retry-After) never lets the claim lapse.
   */
  private Paused pause(Duration wait, Lease lease) {
    Duration left = wait;
    while (left.compareTo(Duration.ZERO) > 0) {
      Duration piece = left.compareTo(lease.renewEvery()) < 0 ? left : lease.renewEvery();
      if (!sleeper.sleep(piece)) {
        return Paused.INTERRUPTED;
      }
      left = left.minus(piece);
      if (!lease.renew()) {
        return Paused.LOST;
      }
    }
    return Paused.DONE;
  }

  /** Sends once; protected so tests can simulate a crash around it. */
  protected ChatPostMessageResponse send(Post post) throws IOException, SlackApiException {
    ChatPostMessageRequest request =
        ChatPostMessageRequest.builder()
            .channel(post.channel())
            .threadTs(post.threadTs())
            .text(post.text())
            .blocksAsString(post.blocksJson())
            .metadata(new Message.Metadata(SlackHistory.EVENT_TYPE, Map.of("key", post.key())))
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

  /** The ts of our message with this post's key, if history shows it: see {@link SlackHistory}. */
  public Optional<String> findPosted(Post post, Instant since)
      throws SlackHistory.HistoryUnavailable {
    return history.find(post, since);
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
