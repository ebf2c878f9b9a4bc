package io.kommander.supportbot.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code POST /slack/events}, in front of Bolt. Cheap checks first (size, Slack's signature headers
 * and their time window), then the body is received ({@link BodyReceiver}) within a budget all
 * unverified bodies share, then only a body whose signature checks out ({@link SlackSignature})
 * reaches Bolt ({@link BoltHandOff}).
 */
public final class SlackEventsServlet extends HttpServlet implements MeterBinder {
  /**
   * The largest body read. What Slack sends this app is small: slash commands and events of 1 to 4
   * KB; the largest it can send is a mention or a message shortcut on a message at Slack's 40,000
   * character limit, its text twice (text and rich-text blocks): 81 KB as JSON, 85 KB form-encoded
   * (103 KB for a YAML paste). A modal's submission at Slack's limits (100 blocks of 3,000
   * characters) would be 336 KB, but this app opens no modal; raise this if it ever does.
   */
  public static final long MAX_BODY_BYTES = 128 * 1024;

  /**
   * What all bodies not yet verified may hold at once: 32 at the largest size, a thousand of
   * Slack's usual ones, 3% of the 128 MB heap. Past it, 503 with {@code Retry-After}.
   */
  public static final long UNVERIFIED_BUDGET_BYTES = 4 * 1024 * 1024;

  /**
   * An oversized body up to this is read and dropped before the 413, so the client, still sending,
   * reads the refusal instead of a reset connection; a larger one is refused at once.
   */
  static final long DRAIN_BYTES = 4 * MAX_BODY_BYTES;

  /** How long a body may take to arrive; Slack's arrive within milliseconds. */
  public static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);

  private final transient SlackSignature signature;
  private final transient ByteBudget budget = new ByteBudget(UNVERIFIED_BUDGET_BYTES);
  private final transient BodyReceiver bodies = new BodyReceiver(BODY_TIMEOUT, budget);
  private final transient BoltHandOff bolt;

  public SlackEventsServlet(HttpServlet bolt, String signingSecret, Clock clock) {
    this.bolt = new BoltHandOff(bolt);
    this.signature = new SlackSignature(signingSecret, clock);
  }

  /**
   * {@code slack_unverified_body_bytes}: bytes of bodies held before their signature is checked.
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("slack_unverified_body_bytes", budget, ByteBudget::used)
        .description(
            "Bytes held by Slack request bodies not yet verified (at most "
                + UNVERIFIED_BUDGET_BYTES
                + ")")
        .baseUnit("bytes")
        .register(registry);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    long length = req.getContentLengthLong();
    String signed = req.getHeader("X-Slack-Signature");
    String timestamp = req.getHeader("X-Slack-Request-Timestamp");
    if (length < 0) {
      // Read (and drop) what is sent before refusing, so the client gets the 411, not a reset.
      resp.setHeader("Connection", "close");
      bodies.receive(
          req, resp, (int) DRAIN_BYTES, 0, dropped -> refuse(resp, 411, "Content-Length required"));
    } else if (length > MAX_BODY_BYTES) {
      resp.setHeader("Connection", "close");
      String why = "Request body over " + MAX_BODY_BYTES + " bytes";
      if (length > DRAIN_BYTES) {
        refuse(resp, 413, why);
      } else {
        bodies.receive(req, resp, (int) length, 0, dropped -> refuse(resp, 413, why));
      }
    } else if (!signature.fresh(signed, timestamp)) {
      refuse(resp, 401, "Missing, stale or malformed Slack signature headers");
    } else {
      bodies.receive(
          req,
          resp,
          (int) length,
          (int) length,
          body -> {
            if (signature.matches(signed, timestamp, body)) {
              bolt.handle(req, resp, body);
            } else {
              refuse(resp, 401, "Signature does not match");
            }
          });
    }
  }

  private static void refuse(HttpServletResponse resp, int status, String why) throws IOException {
    ErrorReplies.write("/slack/events", resp, status, "refused", why);
  }
}
