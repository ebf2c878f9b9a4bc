package io.kommander.supportbot.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.kommander.supportbot.announce.AnnouncementFixture.posts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    outbox = outboxOn(ledger);
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
    SlackPoster poster = AnnouncementFixture.patientPoster(slack);
    Instant since = clock.instant();
    assertThat(poster.findPosted(postFor("k:1"), since)).contains("1.5");
    assertThat(poster.findPosted(postFor("k:2"), since)).contains("1.4");
    assertThat(poster.findPosted(postFor("k:3"), since)).isEmpty();
  }

  /** An answerer that counts its calls and answers with the question in capitals. */
  private final java.util.concurrent.atomic.AtomicInteger answered =
      new java.util.concurrent.atomic.AtomicInteger();

  private java.util.Optional<Answerer.Words> shout(String question) {
    answered.incrementAndGet();
    return java.util.Optional.of(
        new Answerer.Words(
            question.toUpperCase(java.util.Locale.ROOT), "[{\"type\":\"divider\"}]"));
  }

  private static Post asked(String key, String answerer, String question) {
    return Post.question(key, CHANNEL, null, answerer, question);
  }

  @Test
  void aQuestionIsAnsweredWhenItIsPostedNotWhenItIsRecorded() {
    outbox.answerWith("shout", this::shout);
    assertThat(outbox.record(asked("reply:C1:q1", "shout", "nkp 2.16?"))).isTrue();
    assertThat(answered).hasValue(0); // recording reads nothing
    assertThat(outbox.deliver("reply:C1:q1")).isTrue();
    assertThat(answered).hasValue(1);
    var form = AnnouncementFixture.form(posts(slack).get(0));
    assertThat(form)
        .containsEntry("text", "NKP 2.16?")
        .containsEntry("blocks", "[{\"type\":\"divider\"}]");
    assertThat(form.get("metadata")).contains("reply:C1:q1");
    assertThat(ledger.get("reply:C1:q1").orElseThrow().state()).isEqualTo(State.SENT);
  }

  @Test
  void aQuestionNobodyHereCanAnswerYetIsLeftUnclaimedUntilSomeoneCan() {
    outbox.record(asked("reply:C1:q2", "shout", "nkp 2.16?"));
    assertThat(outbox.deliver("reply:C1:q2")).isFalse();
    assertThat(ledger.get("reply:C1:q2").orElseThrow().state()).isEqualTo(State.PENDING);
    clock.advance(Outbox.PENDING_GRACE.plusSeconds(1));
    assertThat(outbox.recover()).isZero();
    outbox.answerWith("shout", this::shout); // the app has started
    assertThat(outbox.recover()).isEqualTo(1);
    assertThat(posts(slack)).hasSize(1);
  }

  @Test
  void aQuestionWithNothingToAnswerFailsSayingSoAndPostsNothing() {
    outbox.answerWith("silent", question -> java.util.Optional.empty());
    Attempt attempt = outbox.receiveAndReport(asked("reply:C1:q3", "silent", "hello")).join();
    assertThat(attempt.recorded()).isTrue();
    assertThat(attempt.failure()).contains(Outbox.NOTHING_TO_ANSWER);
    assertThat(posts(slack)).isEmpty();
    Attempt again = outbox.receiveAndReport(asked("reply:C1:q3", "silent", "hello")).join();
    assertThat(again.recorded()).isFalse();
    assertThat(again.failure()).contains(Outbox.NOTHING_TO_ANSWER); // the person is told again
    assertThat(counted("reply", "nothing_to_answer")).isEqualTo(1);
  }

  @Test
  void anAnswererThatFailsFailsItsPostOnceNotOnEveryLook() {
    outbox.answerWith(
        "broken",
        question -> {
          throw new IllegalStateException("parser bug");
        });
    outbox.record(asked("reply:C1:q4", "broken", "nkp 2.16?"));
    assertThat(outbox.deliver("reply:C1:q4")).isFalse();
    Ledger.Entry e = ledger.get("reply:C1:q4").orElseThrow();
    assertThat(e.state()).isEqualTo(State.FAILED);
    assertThat(e.error()).isEqualTo("could not answer: IllegalStateException");
    clock.advance(Duration.ofHours(1));
    assertThat(outbox.recover()).isZero();
    assertThat(posts(slack)).isEmpty();
    assertThat(counted("reply", "failed")).isEqualTo(1);
  }

  @Test
  void receiveRecordsAndPostsInTheBackgroundAndARedeliveryIsOnlyKnown() {
    outbox.answerWith("shout", this::shout);
    assertThat(outbox.receive(asked("reply:C1:q5", "shout", "nkp 2.16?")))
        .isEqualTo(Receipt.RECORDED);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ledger.get("reply:C1:q5").orElseThrow().state() == State.SENT);
    assertThat(outbox.receive(asked("reply:C1:q5", "shout", "nkp 2.16?"))).isEqualTo(Receipt.KNOWN);
    assertThat(posts(slack)).hasSize(1);
    assertThat(answered).hasValue(1);
  }

  private Outbox outboxOn(Ledger on) {
    return new Outbox(on, AnnouncementFixture.patientPoster(slack), clock, LEASE, 1);
  }

  @Test
  void aPostSlackTookWhileTheLedgerWasDownIsRecordedLaterAndNeverPostedAgain() {
    FlakyLedger flaky = new FlakyLedger(new FileLedger(dir.resolve("flaky.jsonl")));
    try (Outbox cutOff = outboxOn(flaky)) {
      cutOff.record(postFor("reply:C1:s1"));
      flaky.down.add("sent"); // the database goes down as Slack answers
      assertThat(cutOff.deliver("reply:C1:s1")).isTrue();
      assertThat(flaky.get("reply:C1:s1").orElseThrow().state()).isEqualTo(State.CLAIMED);
      flaky.down.clear();
      clock.advance(LEASE.plusSeconds(1)); // its claim lapses: a takeover would read history
      assertThat(cutOff.recover()).isZero();
      Ledger.Entry e = flaky.get("reply:C1:s1").orElseThrow();
      assertThat(e.state()).isEqualTo(State.SENT);
      assertThat(e.slackTs()).isEqualTo("1800000000.000100");
      assertThat(posts(slack)).hasSize(1);
      assertThat(slack.findAll(postRequestedFor(urlEqualTo("/api/conversations.history"))))
          .isEmpty(); // known here, not looked up
    }
  }

  @Test
  void theDrainRecordsWhatWasPostedWhileTheLedgerWasDown() {
    FlakyLedger flaky = new FlakyLedger(new FileLedger(dir.resolve("flaky.jsonl")));
    try (Outbox cutOff = outboxOn(flaky)) {
      cutOff.record(postFor("reply:C1:s2"));
      flaky.down.add("sent");
      cutOff.deliver("reply:C1:s2");
      assertThatThrownBy(cutOff::drainSpool).hasMessageContaining("Connection refused");
      flaky.down.clear();
      cutOff.drainSpool();
      assertThat(flaky.get("reply:C1:s2").orElseThrow().state()).isEqualTo(State.SENT);
    }
  }

  @Test
  void aMentionSpooledWhileTheLedgerWasDownIsPostedOnceWhenItIsBack() {
    FlakyLedger flaky = new FlakyLedger(new FileLedger(dir.resolve("flaky.jsonl")));
    try (Outbox spooling =
        new Outbox(
            flaky,
            AnnouncementFixture.patientPoster(slack),
            clock,
            LEASE,
            1,
            java.util.Optional.of(dir.resolve("outbox-spool.jsonl")))) {
      spooling.answerWith("shout", this::shout);
      flaky.allDown(true);
      assertThat(spooling.receive(asked("reply:C1:d1", "shout", "nkp 2.16?")))
          .isEqualTo(Receipt.SPOOLED);
      assertThatThrownBy(spooling::drainSpool).hasMessageContaining("Connection refused");
      flaky.allDown(false);
      spooling.drainSpool();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> flaky.get("reply:C1:d1").orElseThrow().state() == State.SENT);
      spooling.drainSpool(); // nothing left: nothing posted again
      assertThat(spooling.receive(asked("reply:C1:d1", "shout", "nkp 2.16?")))
          .isEqualTo(Receipt.KNOWN);
      assertThat(posts(slack)).hasSize(1);
      assertThat(AnnouncementFixture.form(posts(slack).get(0)).get("text")).isEqualTo("NKP 2.16?");
    }
  }

  @Test
  void aTransientFailureGivesTheClaimBackAndIsCounted() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)));
    outbox.record(postFor("ended:t"));
    assertThat(outbox.deliver("ended:t")).isFalse();
    Ledger.Entry e = ledger.get("ended:t").orElseThrow();
    assertThat(e.state()).isEqualTo(State.RETRY);
    assertThat(e.error()).isEqualTo("HTTP 429");
    assertThat(counted("announcement", "retry")).isEqualTo(1);
    assertThat(counted("announcement", "unsure")).isZero();
  }
}
