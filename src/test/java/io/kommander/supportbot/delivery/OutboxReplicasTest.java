package io.kommander.supportbot.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.kommander.supportbot.delivery.Ledger.State;
import io.kommander.supportbot.slack.SlackClients;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.ManualClock;
import io.kommander.supportbot.testing.SlackMock;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas' outboxes on one PostgreSQL: one records a mention's reply and dies around the post;
 * the other's recovery finishes it, exactly once, after the claim timeout.
 */
class OutboxReplicasTest {
  static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(3);
  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();
  SlackMock slack;
  ManualClock clock;
  final Post reply =
      new Post(
          "reply:C0001:1700000001.000100",
          "C0001",
          "1700000001.000100",
          "NKP 2.16: supported",
          "[{\"type\":\"divider\"}]");

  @BeforeEach
  void start() throws Exception {
    new PostgresLedger(postgres.dataSource()); // creates the table
    postgres.truncate("outbox");
    slack = SlackMock.start();
    clock = new ManualClock("2026-11-25T09:00:00Z");
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  /** A process killed at a chosen point. */
  static final class Killed extends Error {
    Killed() {
      super("process killed");
    }
  }

  SlackPoster poster() {
    return new SlackPoster(
        SlackClients.forApi(slack.apiUrl()),
        "xoxb-replicas",
        2,
        Duration.ofMillis(10),
        Duration.ofSeconds(1));
  }

  /** A poster whose process is killed just before its post reaches Slack, or just after. */
  SlackPoster dies(boolean afterSending) {
    return new SlackPoster(
        SlackClients.forApi(slack.apiUrl()),
        "xoxb-replicas",
        2,
        Duration.ofMillis(10),
        Duration.ofSeconds(1)) {
      @Override
      protected ChatPostMessageResponse send(Post post) throws IOException, SlackApiException {
        if (afterSending) {
          super.send(post);
        }
        throw new Killed();
      }
    };
  }

  Outbox replica(SlackPoster poster) {
    return new Outbox(new PostgresLedger(postgres.dataSource()), poster, clock, CLAIM_TIMEOUT, 1);
  }

  int posts() {
    return slack.calls("/api/chat.postMessage").size();
  }

  State state() {
    return new PostgresLedger(postgres.dataSource()).get(reply.key()).orElseThrow().state();
  }

  @Test
  void killedAfterItsPostLandedTheOtherReplicaRecordsItWithoutPostingAgain() {
    Outbox dying = replica(dies(true));
    Outbox other = replica(poster());
    assertThat(dying.record(reply)).isTrue();
    assertThat(other.record(reply)).isFalse(); // Slack's redelivery, landing on the other replica
    assertThatThrownBy(() -> dying.deliver(reply.key())).isInstanceOf(Killed.class);
    assertThat(posts()).isEqualTo(1);
    slack
        .server()
        .stubFor(
            post("/api/conversations.replies")
                .willReturn(
                    okJson(
                        "{\"ok\":true,\"messages\":[{\"type\":\"message\",\"ts\":\"1700000009.000200\","
                            + "\"thread_ts\":\"1700000001.000100\",\"metadata\":{\"event_type\":\"kommander_support_post\","
                            + "\"event_payload\":{\"key\":\""
                            + reply.key()
                            + "\"}}}]}")));

    assertThat(other.recover()).isZero(); // the claim may still be alive: hands off
    clock.advance(CLAIM_TIMEOUT.plusSeconds(1));
    assertThat(other.recover()).isZero(); // found in the thread: recorded, not posted

    assertThat(posts()).isEqualTo(1);
    assertThat(state()).isEqualTo(State.SENT);
    assertThat(new PostgresLedger(postgres.dataSource()).get(reply.key()).orElseThrow().slackTs())
        .isEqualTo("1700000009.000200");
    Map<String, String> asked =
        SlackMock.form(slack.calls("/api/conversations.replies").get(0).getBodyAsString());
    assertThat(asked).containsEntry("ts", reply.threadTs()).containsEntry("channel", "C0001");
  }

  @Test
  void killedBeforeItsPostTheOtherReplicaPostsItOnce() {
    Outbox dying = replica(dies(false));
    Outbox other = replica(poster());
    dying.record(reply);
    assertThatThrownBy(() -> dying.deliver(reply.key())).isInstanceOf(Killed.class);
    clock.advance(CLAIM_TIMEOUT.plusSeconds(1));
    assertThat(other.recover()).isEqualTo(1);
    assertThat(other.recover()).isZero();
    assertThat(posts()).isEqualTo(1);
    assertThat(state()).isEqualTo(State.SENT);
    Map<String, String> sent =
        SlackMock.form(slack.calls("/api/chat.postMessage").get(0).getBodyAsString());
    assertThat(sent)
        .containsEntry("thread_ts", reply.threadTs())
        .containsEntry("text", reply.text())
        .containsEntry("blocks", reply.blocksJson());
    assertThat(sent.get("metadata")).contains(reply.key());
  }

  @Test
  void recordedButNeverTriedIsPostedByTheOtherAfterAFewSeconds() {
    Outbox dead = replica(poster());
    Outbox other = replica(poster());
    dead.record(reply); // then the process died before its worker ran
    assertThat(other.recover()).isZero(); // its recorder may be about to post it
    clock.advance(Outbox.PENDING_GRACE.plusSeconds(1));
    assertThat(other.recover()).isEqualTo(1);
    assertThat(dead.deliver(reply.key())).isFalse(); // the late worker finds it sent
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void aRateLimitedChannelWaitsOutRetryAfterAndThePostGoesOutOnce() {
    slack
        .server()
        .stubFor(
            post("/api/chat.postMessage")
                .inScenario("429")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1"))
                .willSetStateTo("open"));
    slack
        .server()
        .stubFor(
            post("/api/chat.postMessage")
                .inScenario("429")
                .whenScenarioStateIs("open")
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1700000009.000300\"}")));
    Outbox one = replica(poster());
    one.record(reply);
    long start = System.nanoTime();
    assertThat(one.deliver(reply.key())).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(slack.server().findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))))
        .hasSize(2);
    assertThat(slack.calls("/api/conversations.replies")).isEmpty(); // a 429 never posted
    assertThat(state()).isEqualTo(State.SENT);
  }

  /** Slack answers the first {@code storm} posts 429 with {@code retryAfter}, then takes them. */
  void storm(int storm, String retryAfter) {
    String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
    for (int i = 1; i <= storm; i++) {
      slack
          .server()
          .stubFor(
              post("/api/chat.postMessage")
                  .inScenario("storm")
                  .whenScenarioStateIs(state)
                  .willReturn(
                      com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                          .withStatus(429)
                          .withHeader("Retry-After", retryAfter))
                  .willSetStateTo("429 #" + i));
      state = "429 #" + i;
    }
  }

  /** A poster on the test's clock whose every wait is {@code during}, then the clock moving on. */
  SlackPoster waitingPoster(java.util.function.Consumer<Duration> during) {
    return new SlackPoster(
        SlackClients.forApi(slack.apiUrl()),
        "xoxb-replicas",
        4,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        clock,
        d -> {
          during.accept(d);
          return true;
        });
  }

  int taken() {
    return (int)
        slack.server().getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().equals("/api/chat.postMessage"))
            .filter(e -> e.getResponseDefinition().getStatus() == 200)
            .count();
  }

  @Test
  void aPosterWaitingOutRetryAfterLongerThanItsLeaseKeepsItAndTheOtherNeverTakesOver() {
    storm(3, "45"); // three waits of 45 s, each longer than the 30 s lease
    Duration lease = Duration.ofSeconds(30);
    Outbox other = new Outbox(new PostgresLedger(postgres.dataSource()), poster(), clock, lease, 1);
    java.util.List<Integer> otherPosted = new java.util.ArrayList<>();
    Outbox waiting =
        new Outbox(
            new PostgresLedger(postgres.dataSource()),
            waitingPoster(
                d -> {
                  clock.advance(d);
                  otherPosted.add(other.recover()); // the other replica looks meanwhile
                }),
            clock,
            lease,
            1);
    waiting.record(reply);
    assertThat(waiting.deliver(reply.key())).isTrue();
    assertThat(otherPosted).hasSizeGreaterThan(3 * 4).containsOnly(0);
    assertThat(taken()).isEqualTo(1);
    assertThat(slack.calls("/api/chat.postMessage")).hasSize(4); // three 429s, then the post
    assertThat(state()).isEqualTo(State.SENT);
  }

  @Test
  void aPosterPausedBeyondItsLeaseFindsItTakenOverAndStopsWithoutSending() {
    storm(1, "5");
    Duration lease = Duration.ofSeconds(30);
    Outbox other = new Outbox(new PostgresLedger(postgres.dataSource()), poster(), clock, lease, 1);
    java.util.List<Integer> otherPosted = new java.util.ArrayList<>();
    Outbox paused =
        new Outbox(
            new PostgresLedger(postgres.dataSource()),
            waitingPoster(
                d -> {
                  // A stop-the-world pause: the 5 s wait lasts longer than the whole lease.
                  clock.advance(lease.plusSeconds(10));
                  otherPosted.add(other.recover());
                }),
            clock,
            lease,
            1);
    paused.record(reply);
    io.micrometer.core.instrument.simple.SimpleMeterRegistry metrics =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    io.micrometer.core.instrument.Metrics.addRegistry(metrics);
    try {
      assertThat(paused.deliver(reply.key())).isFalse(); // its claim was lost: it stopped
      assertThat(metrics.get("slack.posts").tags("outcome", "lost").counter().count()).isEqualTo(1);
    } finally {
      io.micrometer.core.instrument.Metrics.removeRegistry(metrics);
    }
    assertThat(otherPosted).containsExactly(1); // the other took over, found nothing, posted
    assertThat(taken()).isEqualTo(1);
    assertThat(state()).isEqualTo(State.SENT);
    assertThat(new PostgresLedger(postgres.dataSource()).get(reply.key()).orElseThrow().attempts())
        .isEqualTo(2); // the lapsed attempt and the post
  }
}
