package io.kommander.supportbot.slack;

import io.kommander.supportbot.slack.SlackAuth.Answered;
import io.kommander.supportbot.slack.SlackAuth.Refused;
import io.kommander.supportbot.slack.SlackAuth.Result;
import io.kommander.supportbot.slack.SlackAuth.Unreachable;
import io.kommander.supportbot.timing.Backoff;
import io.kommander.supportbot.timing.Timers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's first handshake with Slack ({@code auth.test}), kept apart from everything that can
 * serve without it. A token Slack refuses stops the bot with that reason, before anything else has
 * started. A Slack that cannot be reached (DNS, egress, an outage) does not: the page, the API and
 * {@code /ask} serve meanwhile, readiness says "cannot reach Slack: …", and {@code auth.test} is
 * retried with back-off until Slack answers; then the Slack side is connected.
 */
public final class SlackConnection implements AutoCloseable {
  /** 1 s, 2 s, 4 s, 8 s, 16 s, then every 30 s. */
  public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  private static final Logger log = LoggerFactory.getLogger(SlackConnection.class);

  private final Supplier<Result> authTest;
  private final String where;
  private final Backoff backoff;
  private final ScheduledExecutorService timer = Timers.daemon("slack-connect");
  private Result first;
  private volatile Optional<String> problem = Optional.of("connecting");
  private int failures;
  private Runnable connect;
  private Consumer<String> refused;

  SlackConnection(Supplier<Result> authTest, String where, Backoff backoff) {
    this.authTest = authTest;
    this.where = where;
    this.backoff = backoff;
  }

  /**
   * Asks Slack once, now.
   *
   * @param apiUrl {@code SLACK_API_URL}, named in messages
   * @throws IllegalArgumentException when Slack refuses the token: a configuration to fix
   */
  public static SlackConnection open(String apiUrl, String token, Backoff backoff) {
    SlackConnection c = new SlackConnection(() -> SlackAuth.check(apiUrl, token), apiUrl, backoff);
    c.first = c.authTest.get();
    if (c.first instanceof Refused r) {
      c.close();
      throw new IllegalArgumentException(refusal(r));
    }
    if (c.first instanceof Unreachable u) {
      c.unreachable(u.reason());
    }
    return c;
  }

  /**
   * Connects the Slack side: at once if Slack answered, else after the attempt that first does. A
   * connection that fails (Slack gone again meanwhile) is retried like an outage.
   *
   * @param connect builds and starts what talks to Slack; if it throws, Slack is tried again
   * @param refused told why, when a later attempt finds the token refused (the bot then stops)
   */
  public synchronized void whenAnswered(Runnable connect, Consumer<String> refused) {
    this.connect = connect;
    this.refused = refused;
    if (!(first instanceof Answered) || !connected()) {
      retryLater();
    }
  }

  /** Empty once connected; else "connecting" or "cannot reach Slack: …", for readiness. */
  public Optional<String> problem() {
    return problem;
  }

  private synchronized void attempt() {
    Result r = authTest.get();
    if (r instanceof Refused refusal) {
      String why = refusal(refusal);
      problem = Optional.of("Slack refused the token (" + refusal.error() + ")");
      log.error("{}; stopping", why);
      refused.accept(why);
      return;
    }
    if (r instanceof Unreachable u) {
      unreachable(u.reason());
      retryLater();
      return;
    }
    if (connected()) {
      log.info("Slack answers at {}: connected after {} failed attempt(s)", where, failures);
    } else {
      retryLater();
    }
  }

  /** Runs {@code connect}; false (Slack counted unreachable) if it fails. */
  private boolean connected() {
    try {
      connect.run();
      problem = Optional.empty();
      return true;
    } catch (RuntimeException e) {
      // Bolt asks auth.test again as it starts: Slack went away in between. (Bolt words any
      // failure as "The token is invalid", so its message is kept for debugging only.)
      log.debug("The Slack side did not start", e);
      unreachable("it stopped answering as the bot connected");
      return false;
    }
  }

  private void unreachable(String reason) {
    failures++;
    String what = "cannot reach Slack: " + reason;
    if (!problem.equals(Optional.of(what))) {
      log.warn(
          "Cannot reach Slack at {} ({}): the page, the API and /ask serve meanwhile; trying"
              + " again in {} s, then less often (up to every {} s)",
          where,
          reason,
          backoff.after(failures).toSeconds(),
          backoff.max().toSeconds());
    }
    problem = Optional.of(what);
  }

  private void retryLater() {
    try {
      timer.schedule(this::attempt, backoff.after(failures).toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // the bot is stopping
    }
  }

  private static String refusal(Refused r) {
    return "Slack refused SLACK_BOT_TOKEN ("
        + r.error()
        + "): check the token on the app's OAuth & Permissions page";
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
