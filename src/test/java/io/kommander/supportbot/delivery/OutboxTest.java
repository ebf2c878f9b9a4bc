package io.kommander.supportbot.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.kommander.supportbot.announce.AnnouncementFixture.posts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.announce.AnnouncementFixture;
import io.kommander.supportbot.delivery.Ledger.State;
import io.kommander.supportbot.testing.ManualClock;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's own promises, one process: a post is recorded before it is posted, posted once,
 * counted by outcome, given up after a bounded number of attempts, and found in Slack's history
 * only by its own key.
 */
class OutboxTest {
  static final String CHANNEL = AnnouncementFixture.CHANNEL;
  static final Duration LEASE = Duration.ofMinutes(1);
  private final ManualClock clock = new ManualClock("2026-11-30T09:00:00Z");
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  @TempDir Path dir;
  private WireMockServer slack;
  private Outbox outbox;
  private Ledger ledger;

  @BeforeEach
  void start() {
    slack = AnnouncementFixture.startSlack();
    Metrics.addRegistry(metrics);
    ledger = new FileLedger(dir.resolve("outbox.jsonl"));
    outbox = new Outbox(ledger, AnnouncementFixture.poster(slack), clock, LEASE, 1);
  }

  @AfterEach
  void stop() {
    outbox.close();
    Metrics.removeRegistry(metrics);
    slack.stop();
  }

  private static Post postFor(String key) {
    return new Post(key, CHANNEL, null, "text of " + key, "[]");
  }

  private double counted(String kind, String outcome) {
    var counter = metrics.find("slack.posts").tags("kind", kind, "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void sendRecordsThenPostsOnceInTheBackgroundAndASecondSendIsRefused() {
    assertThat(outbox.send(postFor("reply:C1:1.1"))).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ledger.get("reply:C1:1.1").orElseThrow().state() == State.SENT);
    assertThat(outbox.send(postFor("reply:C1:1.1"))).isFalse();
    assertThat(outbox.recover()).isZero();
    assertThat(posts(slack)).hasSize(1);
    assertThat(counted("reply", "sent")).isEqualTo(1);
  }

  @Test
  void sendAndReportSaysWhetherItRecordedAndHowThePostEnded() {
    Attempt first = outbox.sendAndReport(postFor("reply:C1:2.1")).join();
    assertThat(first.recorded()).isTrue();
    assertThat(first.sent()).isTrue();
    assertThat(first.failure()).isEmpty();
    assertThat(outbox.finished("reply:C1:2.1")).isTrue();
    Attempt again = outbox.sendAndReport(postFor("reply:C1:2.1")).join();
    assertThat(again.recorded()).isFalse();
    assertThat(again.sent()).isTrue();
    assertThat(posts(slack)).hasSize(1);

    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
    java.util.List<String> heard = new java.util.ArrayList<>();
    outbox.onFailure((post, error) -> heard.add(post.key() + " " + error));
    Attempt refused = outbox.sendAndReport(postFor("reply:C1:2.2")).join();
    assertThat(refused.failure()).contains("not_in_channel");
    assertThat(refused.sent()).isFalse();
    assertThat(outbox.finished("reply:C1:2.2")).isTrue();
    assertThat(heard).containsExactly("reply:C1:2.2 not_in_channel");
    assertThat(outbox.finished("reply:C1:none")).isFalse();
  }

  @Test
  void aPermanentErrorIsRecordedCountedAndNeverRetried() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    assertThat(outbox.record(postFor("ended:x"))).isTrue();
    assertThat(outbox.deliver("ended:x")).isFalse();
    Ledger.Entry e = ledger.get("ended:x").orElseThrow();
    assertThat(e.state()).isEqualTo(State.FAILED);
    assertThat(e.error()).isEqualTo("channel_not_found");
    assertThat(counted("announcement", "failed")).isEqualTo(1);
    clock.advance(Duration.ofMinutes(10));
    assertThat(outbox.recover()).isZero();
    assertThat(posts(slack)).hasSize(1);
  }

  @Test
  void aPostThatKeepsFailingIsGivenUpAfterTheMaximumAttempts() {
    outbox.record(postFor("ended:y"));
    for (int i = 0; i < Outbox.MAX_ATTEMPTS; i++) {
      ledger.release(
          LedgerContract.claim(ledger, "ended:y", "a", clock.instant()),
          "HTTP 503",
          clock.instant());
    }
    assertThat(outbox.deliver("ended:y")).isFalse();
    Ledger.Entry e = ledger.get("ended:y").orElseThrow();
    assertThat(e.state()).isEqualTo(State.FAILED);
    assertThat(e.error()).startsWith("gave up after " + Outbox.MAX_ATTEMPTS + " attempts");
    assertThat(posts(slack)).isEmpty();
    assertThat(counted("announcement", "gave_up")).isEqualTo(1);
  }

  @Test
  void oneAttemptShortOfTheMaximumIsStillTried() {
    outbox.record(postFor("ended:z"));
    for (int i = 0; i < Outbox.MAX_ATTEMPTS - 1; i++) {
      ledger.release(
          LedgerContract.claim(ledger, "ended:z", "a", clock.instant()),
          "HTTP 503",
          clock.instant());
    }
    assertThat(outbox.deliver("ended:z")).isTrue();
    assertThat(ledger.get("ended:z").orElseThrow().state()).isEqualTo(State.SENT);
  }

  @Test
  void historyFindsAPostOnlyByItsOwnKeyAndEventType() throws Exception {
    slack.stubFor(
        post("/api/conversations.history")
            .willReturn(
                okJson(
                    "{\"ok\":true,\"has_more\":false,\"messages\":["
                        + "{\"type\":\"message\",\"ts\":\"1.1\",\"text\":\"no metadata\"},"
                        + "{\"type\":\"message\",\"ts\":\"1.2\",\"text\":\"x\",\"metadata\":"
                        + "{\"event_type\":\"someone_else\",\"event_payload\":{\"key\":\"k:1\"}}},"
                        + "{\"type\":\"message\",\"ts\":\"1.3\",\"text\":\"x\",\"metadata\":"
                        + "{\"event_type\":\"kommander_support_post\"}},"
                        + "{\"type\":\"message\",\"ts\":\"1.4\",\"text\":\"x\",\"metadata\":"
                        + "{\"event_type\":\"kommander_support_post\",\"event_payload\":{\"key\":\"k:2\"}}},"
                        + "{\"type\":\"message\",\"ts\":\"1.5\",\"text\":\"x\",\"metadata\":"
                        + "{\"event_type\":\"kommander_support_post\",\"event_payload\":{\"key\":\"k:1\"}}}"
                        + "]}")));
    SlackPoster poster = AnnouncementFixture.poster(slack);
    Instant since = clock.instant();
    assertThat(poster.findPosted(postFor("k:1"), since)).contains("1.5");
    assertThat(poster.findPosted(postFor("k:2"), since)).contains("1.4");
    assertThat(poster.findPosted(postFor("k:3"), since)).isEmpty();
  }
}
