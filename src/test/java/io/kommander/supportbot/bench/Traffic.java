package io.kommander.supportbot.bench;

import io.kommander.supportbot.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Slack sends, signed as Slack signs it: slash commands cycling through questions support
 * engineers ask, and {@code app_mention} events, each with a fresh {@code event_id} so none is
 * taken for a redelivery.
 */
final class Traffic {
  enum Kind {
    SLASH,
    MENTION
  }

  static final List<String> QUESTIONS =
      List.of(
          "1.4",
          "2.1",
          "can I run Kommander 1.2 on Konvoy 1.7?",
          "konvoy 1.8",
          "is kommander 2.0.3 supported?",
          "kommander 1.3 on konvoy 1.7",
          "matrix",
          "experimental",
          "secondary support",
          "2.2",
          "help",
          "1.x.y please");

  private final URI events;
  private final String secret;
  private final AtomicLong sequence = new AtomicLong();

  /** Message ts are unique across runs, as Slack's are: the bot keys its replies on them. */
  private final long firstSecond = Instant.now().getEpochSecond();

  Traffic(String baseUrl, String secret) {
    this.events = URI.create(baseUrl + "/slack/events");
    this.secret = secret;
  }

  HttpRequest next(Kind kind) {
    long n = sequence.getAndIncrement();
    String question = QUESTIONS.get((int) (n % QUESTIONS.size()));
    return switch (kind) {
      case SLASH ->
          signed(
              SlackRequests.slashCommand(question, "http://127.0.0.1:9/unused"),
              "application/x-www-form-urlencoded");
      case MENTION ->
          signed(
              SlackRequests.mention(
                  "EvBench" + n,
                  String.format("%d.%06d", firstSecond + n / 1_000_000, n % 1_000_000),
                  "<@UBOT> " + question,
                  null),
              "application/json");
    };
  }

  private HttpRequest signed(String body, String contentType) {
    String ts = String.valueOf(Instant.now().getEpochSecond());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(events)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    SlackRequests.signed(secret, ts, body).forEach(request::header);
    return request.build();
  }
}
