package io.kommander.supportbot.announce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.kommander.supportbot.announce.AnnouncementFixture.CHANNEL;
import static io.kommander.supportbot.announce.AnnouncementFixture.form;
import static io.kommander.supportbot.announce.AnnouncementFixture.posts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.delivery.FileLedger;
import io.kommander.supportbot.delivery.Ledger;
import io.kommander.supportbot.delivery.Ledger.State;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.delivery.SlackPoster;
import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.delivery.Subscriptions.Subscription;
import io.kommander.supportbot.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduler driven by a fake clock through the planned 2.3 release, Slack played by WireMock.
 */
class AnnouncementSchedulerTest {
  static final String ENDED = "ended:kommander-2.15:" + CHANNEL + ":2027-01-15";
  static final String IN_30 = "ends-in-30d:kommander-2.15:" + CHANNEL + ":2027-01-15";
  static final String IN_7 = "ends-in-7d:kommander-2.15:" + CHANNEL + ":2027-01-15";

  @TempDir Path dir;
  WireMockServer slack;
  ManualClock clock;
  LiveCatalog live;

  @BeforeEach
  void start() {
    slack = AnnouncementFixture.startSlack();
    clock = new ManualClock("2026-12-01T08:00:00Z");
    live = new LiveCatalog(TestCatalogs.withPlanned(), clock);
  }

  @AfterEach
  void stop() {
    slack.stop();
  }

  /** How long a claim outlives a killed process. */
  static final Duration LEASE = Duration.ofMinutes(1);

  /** As long as a killed process's claim lasts, and a second more. */
  void leaseLapses() {
    clock.advance(LEASE.plusSeconds(1));
  }

  FileLedger ledger() {
    return new FileLedger(dir.resolve("outbox.jsonl")); // a new instance reads the file: a restart
  }

  AnnouncementScheduler scheduler(SlackPoster poster) {
    return new AnnouncementScheduler(
        live,
        AnnouncementFixture.settings(CHANNEL),
        new Outbox(ledger(), poster, clock, LEASE, 1),
        Subscriptions.file(dir),
        clock);
  }

  State state(String key) {
    return ledger().get(key).orElseThrow().state();
  }

  @Test
  void throughAReleaseItWarnsThirtyAndSevenDaysAheadAndOnTheDayAndNothingElse() {
    AnnouncementScheduler s = scheduler(AnnouncementFixture.poster(slack));
    assertThat(s.tick()).isZero();
    clock.set("2026-12-16T08:59:59Z");
    assertThat(s.tick()).isZero();
    clock.set("2026-12-16T09:00:00Z");
    assertThat(s.tick()).isEqualTo(1);
    assertThat(s.tick()).isZero();
    clock.set("2027-01-08T09:30:00Z");
    assertThat(s.tick()).isEqualTo(1);
    clock.set("2027-01-15T09:00:00Z");
    assertThat(s.tick()).isEqualTo(1);
    clock.set("2027-02-01T09:00:00Z");
    assertThat(s.tick()).isZero();

    assertThat(posts(slack)).hasSize(3);
    Map<String, String> thirty = form(posts(slack).get(0));
    assertThat(thirty.get("channel")).isEqualTo(CHANNEL);
    assertThat(thirty.get("text"))
        .startsWith(
            "Support for NKP 2.15.x ends in 30 days, on 2027-01-15, when NKP 2.18 is planned to ship.");
    assertThat(thirty.get("metadata")).contains(IN_30);
    Map<String, String> dayOf = form(posts(slack).get(2));
    assertThat(dayOf.get("text"))
        .startsWith("NKP 2.18 is out: support for NKP 2.15.x has ended.")
        .contains("Upgrade to the newest line: NKP 2.18.x.");
    assertThat(dayOf.get("blocks")).contains("End of support: NKP 2.15");
    assertThat(state(IN_30)).isEqualTo(State.SENT);
    assertThat(state(IN_7)).isEqualTo(State.SENT);
    assertThat(ledger().get(ENDED).orElseThrow().slackTs()).isEqualTo("1800000000.000100");
  }

  @Test
  void eachAnnouncementGoesToTheChannelsSubscribedToItsLineAndAGoneChannelIsUnsubscribed() {
    Subscriptions subscribed = Subscriptions.file(dir);
    Instant at = Instant.parse("2026-12-01T00:00:00Z");
    subscribed.add(new Subscription("C0LINE215", "2.15", "U1", at));
    subscribed.add(new Subscription("C0LINE216", "2.16", "U1", at));
    subscribed.add(new Subscription("C0EVERY", Subscriptions.ALL, "U2", at));
    subscribed.add(new Subscription("C0ARCHIVED", "2.15", "U3", at));
    subscribed.add(new Subscription("C0ARCHIVED", "2.16", "U3", at));
    subscribed.add(new Subscription(CHANNEL, "2.15", "U4", at)); // also configured: posted once
    slack.stubFor(
        post("/api/chat.postMessage")
            .atPriority(1)
            .withRequestBody(containing("channel=C0ARCHIVED"))
            .willReturn(okJson("{\"ok\":false,\"error\":\"is_archived\"}")));
    AnnouncementScheduler s =
        new AnnouncementScheduler(
            live,
            AnnouncementFixture.settings(CHANNEL),
            new Outbox(ledger(), AnnouncementFixture.poster(slack), clock, LEASE, 1),
            subscribed,
            clock);
    clock.set("2026-12-16T09:00:00Z"); // NKP 2.15's 30-day warning

    assertThat(s.tick()).isEqualTo(3);
    assertThat(posts(slack).stream().map(p -> form(p).get("channel")))
        .containsExactlyInAnyOrder(CHANNEL, "C0LINE215", "C0EVERY", "C0ARCHIVED");
    assertThat(state("ends-in-30d:kommander-2.15:C0ARCHIVED:2027-01-15")).isEqualTo(State.FAILED);
    assertThat(subscribed.of("C0ARCHIVED")).isEmpty(); // both its lines
    assertThat(subscribed.of("C0LINE216")).hasSize(1);

    slack.resetRequests();
    assertThat(s.tick()).isZero(); // once each; the archived channel is not tried again
    assertThat(posts(slack)).isEmpty();
    assertThat(s.nextFor(java.util.Set.of("2.15")).orElseThrow().leadDays()).isEqualTo(7);
    assertThat(s.nextFor(java.util.Set.of("2.16"))).isEmpty();
    assertThat(s.subscribedChannels()).isEqualTo(4);
  }

  @Test
  void aDeliveryFinishedIsNotReadFromTheLedgerAgainWhileItsAnnouncementStaysDue() {
    FileLedger real = ledger();
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    Ledger counting =
        (Ledger)
            java.lang.reflect.Proxy.newProxyInstance(
                Ledger.class.getClassLoader(),
                new Class<?>[] {Ledger.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("get")) {
                    reads.incrementAndGet();
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    AnnouncementScheduler s =
        new AnnouncementScheduler(
            live,
            AnnouncementFixture.settings(CHANNEL),
            new Outbox(counting, AnnouncementFixture.poster(slack), clock, LEASE, 1),
            Subscriptions.file(dir),
            clock);
    clock.set("2026-12-16T09:00:00Z");
    assertThat(s.tick()).isEqualTo(1);
    assertThat(reads.get()).isPositive();
    reads.set(0);
    clock.set("2026-12-16T10:00:00Z"); // still due (late posts go out for days)
    assertThat(s.tick()).isZero();
    assertThat(reads.get()).isZero();
    assertThat(posts(slack)).hasSize(1);
  }

  @Test
  void downOnTheDayItPostsWhatItMissedOnceSayingItIsLate() {
    clock.set("2027-01-16T10:00:00Z");
    AnnouncementScheduler s = scheduler(AnnouncementFixture.poster(slack));
    assertThat(s.tick()).isEqualTo(1);
    assertThat(s.tick()).isZero();
    assertThat(posts(slack))
        .singleElement()
        .satisfies(
            p ->
                assertThat(form(p).get("text"))
                    .startsWith("Late: this was due at 2027-01-15T09:00:00Z"));
    assertThat(ledger().get(IN_7)).isEmpty(); // superseded by the day-of post: not sent late
  }

  @Test
  void aLossOfSupportLearnedLateReachesEachChannelOnceSayingWhenItHappened() {
    clock.set("2026-11-29T10:00:00Z");
    live = new LiveCatalog(TestCatalogs.shipped(), clock);
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isEqualTo(1);
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isZero(); // a restart
    clock.set("2026-11-30T09:00:00Z");
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isZero();

    Map<String, String> post = form(posts(slack).get(0));
    assertThat(posts(slack)).hasSize(1);
    assertThat(post.get("text"))
        .startsWith(
            "NKP 2.15.x lost support: it ended no later than 2026-07-14, when NKP 2.18 shipped"
                + " (GA between 2026-05-19 and 2026-07-14).")
        .contains("Upgrade to NKP 2.16.1 next, then one minor at a time to NKP 2.18.0")
        .endsWith("Found late: the release data learned of NKP 2.18 on 2026-11-29.");
    assertThat(post.get("metadata")).contains("ended:kommander-2.15:" + CHANNEL + ":2026-07-14");
  }

  @Test
  void closingLetsThePostInFlightFinishAndRecordThenNothingMoreIsPosted() throws Exception {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                okJson("{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1.2\"}")
                    .withFixedDelay(400)));
    clock.set("2026-12-16T09:00:00Z");
    AnnouncementScheduler s =
        scheduler(AnnouncementFixture.poster(slack)).start(Duration.ofHours(1));
    // The 30-day warning is now waiting on Slack (WireMock logs it as it arrives).
    await().atMost(Duration.ofSeconds(5)).until(() -> posts(slack).size() == 1);

    long start = System.nanoTime();
    s.close();

    assertThat(System.nanoTime() - start).isGreaterThan(Duration.ofMillis(100).toNanos()); // waited
    assertThat(state(IN_30)).isEqualTo(State.SENT);
    clock.set("2027-01-08T09:00:00Z"); // the 7-day warning is due, but the scheduler is stopped
    s.wake(); // refused at once: close() shut the timer down and waited for it to end
    assertThat(posts(slack)).hasSize(1);
    assertThat(ledger().get(IN_7)).isEmpty();
  }

  @Test
  void olderThanTheMaximumAgeIsNotPosted() {
    clock.set("2027-01-18T09:00:01Z");
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isZero();
    assertThat(posts(slack)).isEmpty();
  }

  @Test
  void a429IsHonouredWithRetryAfter() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .inScenario("rl")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("ok"));
    slack.stubFor(
        post("/api/chat.postMessage")
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"ok\":true,\"ts\":\"1800000000.000200\"}")));
    clock.set("2026-12-16T09:00:00Z");
    long start = System.nanoTime();
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(posts(slack)).hasSize(2);
    assertThat(state(IN_30)).isEqualTo(State.SENT);
  }

  @Test
  void fiveHundredsAreRetriedABoundedNumberOfTimesThenLeftForTheNextLook() {
    slack.stubFor(
        post("/api/chat.postMessage").willReturn(aResponse().withStatus(500).withBody("oops")));
    slack.stubFor(
        post("/api/conversations.history").willReturn(okJson("{\"ok\":true,\"messages\":[]}")));
    clock.set("2026-12-16T09:00:00Z");
    AnnouncementScheduler s = scheduler(AnnouncementFixture.poster(slack));
    assertThat(s.tick()).isZero();
    assertThat(posts(slack)).hasSize(3);
    assertThat(ledger().get(IN_30).orElseThrow())
        .satisfies(
            e -> {
              assertThat(e.state()).isEqualTo(State.RETRY);
              assertThat(e.error()).isEqualTo("HTTP 500");
            });
    AnnouncementFixture.stubOk(slack);
    assertThat(s.tick()).isEqualTo(1);
    assertThat(posts(slack)).hasSize(4);
    assertThat(state(IN_30)).isEqualTo(State.SENT);
  }

  @Test
  void aPostThatTimesOutButWentThroughIsNotPostedAgain() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                okJson("{\"ok\":true,\"ts\":\"1800000000.000300\"}").withFixedDelay(2_000)));
    AnnouncementFixture.stubHistoryWith(slack, IN_30); // Slack did post it
    clock.set("2026-12-16T09:00:00Z");
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isEqualTo(1);
    assertThat(posts(slack)).hasSize(1);
    assertThat(ledger().get(IN_30).orElseThrow().slackTs()).isEqualTo("1800000000.000900");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"channel_not_found", "not_in_channel", "invalid_auth"})
  void errorsThatRetryingWontFixAreRecordedAndNotRetried(String error) {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));
    clock.set("2026-12-16T09:00:00Z");
    AnnouncementScheduler s = scheduler(AnnouncementFixture.poster(slack));
    assertThat(s.tick()).isZero();
    assertThat(s.tick()).isZero();
    assertThat(posts(slack)).hasSize(1);
    assertThat(ledger().get(IN_30).orElseThrow())
        .satisfies(
            e -> {
              assertThat(e.state()).isEqualTo(State.FAILED);
              assertThat(e.error()).isEqualTo(error);
            });
  }

  @Test
  void aCatalogChangeReschedulesWhatIsPending() {
    AnnouncementScheduler s = scheduler(AnnouncementFixture.poster(slack));
    live.replace(
        new CatalogLoader()
            .parse(
                "moved.yaml",
                TestCatalogs.withPlannedText()
                    .replace("planned: 2027-01-15", "planned: 2027-03-01")));
    clock.set("2027-01-15T09:00:00Z");
    assertThat(s.tick()).isZero();
    clock.set("2027-03-01T09:00:00Z");
    assertThat(s.tick()).isEqualTo(1);
    assertThat(ledger().get("ended:kommander-2.15:" + CHANNEL + ":2027-03-01")).isPresent();
    assertThat(ledger().get(ENDED)).isEmpty();
  }

  /** A poster that dies at a chosen point, as a killed process would. */
  static final class Killed extends Error {
    Killed() {
      super("process killed");
    }
  }

  /** Dies after the claim, before anything reaches Slack. */
  SlackPoster diesBeforeSending() {
    return new SlackPoster(
        AnnouncementFixture.slack(slack),
        AnnouncementFixture.TOKEN,
        3,
        Duration.ofMillis(10),
        Duration.ofSeconds(2)) {
      @Override
      protected ChatPostMessageResponse send(Post post) {
        throw new Killed();
      }
    };
  }

  @Test
  void killedBetweenClaimAndSendTheRestartPostsItOnce() {
    clock.set("2026-12-16T09:00:00Z");
    assertThatThrownBy(() -> scheduler(diesBeforeSending()).tick()).isInstanceOf(Killed.class);
    assertThat(state(IN_30)).isEqualTo(State.CLAIMED);
    assertThat(posts(slack)).isEmpty();

    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isZero(); // still leased
    leaseLapses();
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isEqualTo(1); // restarted
    assertThat(posts(slack)).hasSize(1);
    assertThat(state(IN_30)).isEqualTo(State.SENT);
  }

  @Test
  void killedBetweenSendAndRecordTheRestartRecordsItWithoutPostingAgain() {
    clock.set("2026-12-16T09:00:00Z");
    SlackPoster dying =
        new SlackPoster(
            AnnouncementFixture.slack(slack),
            AnnouncementFixture.TOKEN,
            3,
            Duration.ofMillis(10),
            Duration.ofSeconds(2)) {
          @Override
          protected ChatPostMessageResponse send(Post post) throws IOException, SlackApiException {
            super.send(post);
            throw new Killed();
          }
        };
    assertThatThrownBy(() -> scheduler(dying).tick()).isInstanceOf(Killed.class);
    assertThat(posts(slack)).hasSize(1);
    assertThat(state(IN_30)).isEqualTo(State.CLAIMED);
    assertThat(form(posts(slack).get(0)).get("metadata")).contains(IN_30);
    AnnouncementFixture.stubHistoryWith(slack, IN_30); // what Slack's history now holds

    leaseLapses();
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isZero(); // restarted
    assertThat(posts(slack)).hasSize(1);
    assertThat(state(IN_30)).isEqualTo(State.SENT);
  }

  @Test
  void whenHistoryCannotBeReadARecoveredClaimIsNotRiskedAsADuplicate() {
    clock.set("2026-12-16T09:00:00Z");
    assertThatThrownBy(() -> scheduler(diesBeforeSending()).tick()).isInstanceOf(Killed.class);
    slack.stubFor(
        post("/api/conversations.history")
            .willReturn(okJson("{\"ok\":false,\"error\":\"missing_scope\"}")));
    leaseLapses();
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isZero();
    assertThat(posts(slack)).isEmpty();
    assertThat(ledger().get(IN_30).orElseThrow().state())
        .isEqualTo(State.CLAIMED); // looked at again later
    AnnouncementFixture.stubOk(slack); // history readable again, and the post is not there
    leaseLapses(); // the taker's own claim, left when history could not tell
    assertThat(scheduler(AnnouncementFixture.poster(slack)).tick()).isEqualTo(1);
    assertThat(posts(slack)).hasSize(1);
  }
}
