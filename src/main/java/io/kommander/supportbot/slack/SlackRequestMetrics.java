package io.kommander.supportbot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times what Slack asks of the bot, as {@code slack_requests_seconds} by kind (slash command, each
 * event type, button action...) and status: the ack as Bolt produces it, after the signature check.
 */
final class SlackRequestMetrics implements Middleware {
  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware takes the raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Timer.Sample sample = Timer.start();
    Response answer = chain.next(req);
    sample.stop(
        timers.computeIfAbsent(
            new Series(kind(req), answer.getStatusCode()),
            s ->
                Timer.builder("slack.requests")
                    .description("Slack's requests to the bot, until acked")
                    .tag("kind", s.kind())
                    .tag("status", String.valueOf(s.status()))
                    .register(Metrics.globalRegistry)));
    return answer;
  }

  /** One timer per kind and status, found again without building its id each time. */
  private record Series(String kind, int status) {}

  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

  private static String kind(Request<?> req) {
    if (req instanceof EventRequest event && event.getEventType() != null) {
      return "event:" + event.getEventType();
    }
    return switch (req.getRequestType()) {
      case Command -> "command";
      case BlockAction -> "block_action";
      case UrlVerification -> "url_verification";
      default -> req.getRequestType().name();
    };
  }
}
