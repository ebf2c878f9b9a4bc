package io.kommander.supportbot.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kommander.supportbot.announce.AnnouncementFixture;
import io.kommander.supportbot.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries and back-off on a hand-moved clock: each wait is what Slack asked for or the doubling
 * back-off, and none of it is spent in real time.
 */
class SlackPosterTest {
  private final ManualClock clock = new ManualClock("2026-11-30T09:00:00Z");
  private final List<Duration> waits = new ArrayList<>();
  private WireMockServer slack;
  private SlackPoster poster;

  @BeforeEach
  void start() {
    slack =
        AnnouncementFixture.startSlack(); // history is empty: a retried post was not posted before
    poster =
        new SlackPoster(
            AnnouncementFixture.slack(slack),
            AnnouncementFixture.TOKEN,
            4,
            Duration.ofSeconds(2),
            Duration.ofMinutes(1),
            clock,
            d -> {
              waits.add(d);
              clock.advance(d);
              return true;
            });
  }

  @AfterEach
  void stop() {
    slack.stop();
  }

  /** The first {@code failures} posts fail with {@code status}, then Slack accepts. */
  private void failThenAccept(int failures, int status, String retryAfter) {
    String state = STARTED;
    for (int i = 0; i < failures; i++) {
      String next = "failed-" + i;
      var response = aResponse().withStatus(status).withBody("{\"ok\":false}");
      if (retryAfter != null) {
        response = response.withHeader("Retry-After", retryAfter);
      }
      slack.stubFor(
          post("/api/chat.postMessage")
              .inScenario("post")
              .whenScenarioStateIs(state)
              .willReturn(response)
              .willSetStateTo(next));
      state = next;
    }
    slack.stubFor(
        post("/api/chat.postMessage")
            .inScenario("post")
            .whenScenarioStateIs(state)
            .willReturn(okJson("{\"ok\":true,\"channel\":\"C0ANNOUNCE1\",\"ts\":\"1.5\"}")));
  }

  private SlackPoster.Outcome postOnce() {
    return poster.post(
        new Post("k:1", AnnouncementFixture.CHANNEL, null, "text", "[]"), clock.instant());
  }

  @Test
  void serverErrorsAreRetriedWithADoublingBackOff() {
    failThenAccept(3, 500, null);
    long started = System.nanoTime();
    assertThat(postOnce()).isEqualTo(new SlackPoster.Sent("1.5"));
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aRateLimitWaitsWhatSlackAskedCappedAtTheMaximum() {
    failThenAccept(2, 429, "30");
    assertThat(postOnce()).isEqualTo(new SlackPoster.Sent("1.5"));
    assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    slack.resetAll();
    AnnouncementFixture.stubOk(slack);
    waits.clear();
    failThenAccept(1, 429, "3600");
    assertThat(postOnce()).isEqualTo(new SlackPoster.Sent("1.5"));
    assertThat(waits).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void aPermanentErrorIsNotRetried() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    assertThat(postOnce()).isEqualTo(new SlackPoster.Permanent("channel_not_found"));
    assertThat(waits).isEmpty();
  }

  @Test
  void aPostIsTheFormSlackDocumentsWithTheBearerTokenAndItsAnswerIsRead() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":\"C0ANNOUNCE1\",\"ts\":\"1712.000200\","
                        + "\"message\":{\"type\":\"message\",\"text\":\"text\","
                        + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                        + "\"text\":\"x\"}}]},\"unknown_field\":[1,2]}")));
    Post reply =
        new Post(
            "reply:C0ANNOUNCE1:1712.000100",
            AnnouncementFixture.CHANNEL,
            "1712.000100",
            "NKP 2.17 · supported",
            "[{\"type\":\"divider\"}]");
    assertThat(poster.post(reply, clock.instant())).isEqualTo(new SlackPoster.Sent("1712.000200"));
    LoggedRequest sent = AnnouncementFixture.posts(slack).get(0);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + AnnouncementFixture.TOKEN);
    Map<String, String> form = AnnouncementFixture.form(sent);
    assertThat(form)
        .containsEntry("channel", AnnouncementFixture.CHANNEL)
        .containsEntry("thread_ts", "1712.000100")
        .containsEntry("text", "NKP 2.17 · supported")
        .containsEntry("blocks", "[{\"type\":\"divider\"}]");
    assertThat(form.get("metadata"))
        .contains("\"event_type\":\"kommander_support_post\"")
        .contains("\"key\":\"reply:C0ANNOUNCE1:1712.000100\"");
  }

  @Test
  void anHttpErrorWithoutRetryIsPermanentAndCarriesItsStatus() {
    slack.stubFor(
        post("/api/chat.postMessage").willReturn(aResponse().withStatus(403).withBody("denied")));
    assertThat(postOnce()).isEqualTo(new SlackPoster.Permanent("HTTP 403"));
    assertThat(waits).isEmpty();
  }

  @Test
  void aSuccessThatIsNotSlacksJsonIsRetriedThenLeftUnsureNotSent() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));
    // Whether Slack posted is unknown: retried with back-off, history read, then left for later.
    assertThat(postOnce()).isInstanceOf(SlackPoster.Transient.class);
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    assertThat(slack.findAll(postRequestedFor(urlEqualTo("/api/conversations.history"))))
        .isNotEmpty();
  }
}
