package io.kommander.supportbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.delivery.Ledger.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** What every ledger promises; run against the file ledger and the PostgreSQL one. */
abstract class LedgerContract {
  static final Instant T0 = Instant.parse("2027-01-15T09:00:00Z");
  static final String KEY = "ended:kommander-2.15:C1:2027-01-15";

  /** A new, empty ledger (the same store each call, as a restarted process sees it). */
  abstract Ledger ledger() throws Exception;

  static Post post(String key) {
    return new Post(
        key, "C1", "1700000000.000100", "NKP 2.15: supported", "[{\"type\":\"divider\"}]");
  }

  @Test
  void aPostIsRecordedOnceWithItsContentAndOnlyThenClaimable() throws Exception {
    Ledger ledger = ledger();
    assertThat(ledger.claim(KEY, "a", T0)).isFalse(); // nothing recorded yet
    assertThat(ledger.add(post(KEY), T0)).isTrue();
    assertThat(ledger.add(post(KEY), T0.plusSeconds(1))).isFalse(); // a redelivery
    Ledger.Entry e = ledger().get(KEY).orElseThrow();
    assertThat(e.state()).isEqualTo(State.PENDING);
    assertThat(e.post()).isEqualTo(post(KEY));
    assertThat(e.updated()).isEqualTo(T0);
  }

  @Test
  void unfinishedAreOldPendingRetriesAndStaleClaimsOldestFirst() throws Exception {
    Ledger ledger = ledger();
    for (String k : List.of("old-pending", "retry", "stale", "fresh", "sent")) {
      ledger.add(post(k), T0);
    }
    ledger.add(post("new-pending"), T0.plusSeconds(20));
    ledger.claim("retry", "a", T0.plusSeconds(1));
    ledger.release("retry", "HTTP 503", T0.plusSeconds(2));
    ledger.claim("stale", "dead", T0.plusSeconds(3));
    ledger.claim("fresh", "alive", T0.plusSeconds(30));
    ledger.claim("sent", "a", T0.plusSeconds(4));
    ledger.sent("sent", "1.2", T0.plusSeconds(5));
    assertThat(ledger().unfinished(T0.plusSeconds(1), T0.plusSeconds(10), 10))
        .containsExactly("old-pending", "retry", "stale");
    assertThat(ledger().unfinished(T0.plusSeconds(21), T0.plusSeconds(31), 10))
        .containsExactly("old-pending", "retry", "stale", "new-pending", "fresh");
    assertThat(ledger().unfinished(T0, T0, 10)).containsExactly("retry");
    assertThat(ledger().unfinished(T0.plusSeconds(1), T0.plusSeconds(10), 2))
        .containsExactly("old-pending", "retry");
  }

  @Test
  void ofRacingRecordsExactlyOneIsNew() throws Exception {
    Ledger ledger = ledger();
    assertThat(winnersAmong(8, i -> ledger.add(post("reply:C1:1.1"), T0))).isEqualTo(1);
  }

  @Test
  void forgettingDropsOnlyFinishedEntriesUnderThePrefixBeforeTheTime() throws Exception {
    Ledger ledger = ledger();
    for (String k : List.of("reply:a", "reply:b", "reply:c", "ended:x")) {
      ledger.add(post(k), T0);
      ledger.claim(k, "a", T0);
    }
    ledger.sent("reply:a", "1.1", T0.plusSeconds(1));
    ledger.failed("reply:b", "channel_not_found", T0.plusSeconds(1));
    ledger.sent("ended:x", "1.2", T0.plusSeconds(1));
    assertThat(ledger.forget("reply:", T0.plusSeconds(1))).isZero(); // not before
    assertThat(ledger.forget("reply:", T0.plusSeconds(2))).isEqualTo(2);
    Ledger restarted = ledger();
    assertThat(restarted.get("reply:a")).isEmpty();
    assertThat(restarted.get("reply:b")).isEmpty();
    assertThat(restarted.get("reply:c").orElseThrow().state()).isEqualTo(State.CLAIMED);
    assertThat(restarted.get("ended:x")).isPresent();
  }

  @Test
  void aKeyIsClaimedOnceThenSentAndStaysSent() throws Exception {
    Ledger ledger = ledger();
    assertThat(ledger.get(KEY)).isEmpty();
    ledger.add(post(KEY), T0);
    assertThat(ledger.claim(KEY, "a", T0)).isTrue();
    assertThat(ledger.claim(KEY, "b", T0)).isFalse();
    assertThat(ledger.get(KEY).orElseThrow().state()).isEqualTo(State.CLAIMED);
    ledger.sent(KEY, "1800000000.000100", T0.plusSeconds(1));
    Ledger.Entry e = ledger().get(KEY).orElseThrow(); // as a restarted process reads it
    assertThat(e.state()).isEqualTo(State.SENT);
    assertThat(e.slackTs()).isEqualTo("1800000000.000100");
    assertThat(ledger().claim(KEY, "c", T0.plusSeconds(2))).isFalse();
  }

  @Test
  void aReleasedClaimIsClaimableAgainAndCountsItsAttempt() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    assertThat(ledger.claim(KEY, "a", T0)).isTrue();
    ledger.release(KEY, "HTTP 503", T0.plusSeconds(1));
    assertThat(ledger.get(KEY).orElseThrow().state()).isEqualTo(State.RETRY);
    assertThat(ledger.claim(KEY, "b", T0.plusSeconds(60))).isTrue();
    assertThat(ledger.get(KEY).orElseThrow().attempts()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aFailureIsFinal() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    assertThat(ledger.claim(KEY, "a", T0)).isTrue();
    ledger.failed(KEY, "channel_not_found", T0.plusSeconds(1));
    assertThat(ledger.get(KEY).orElseThrow().error()).isEqualTo("channel_not_found");
    assertThat(ledger.claim(KEY, "b", T0.plusSeconds(60))).isFalse();
  }

  @Test
  void onlyAStaleClaimIsTakenOverAndByOneCaller() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    assertThat(ledger.claim(KEY, "dead", T0)).isTrue();
    assertThat(ledger.takeOver(KEY, "b", T0.minusSeconds(1), T0.plusSeconds(5))).isFalse();
    assertThat(ledger.takeOver(KEY, "b", T0.plusSeconds(1), T0.plusSeconds(5))).isTrue();
    assertThat(ledger.takeOver(KEY, "c", T0.plusSeconds(1), T0.plusSeconds(6))).isFalse();
    assertThat(ledger.get(KEY).orElseThrow().owner()).isEqualTo("b");
  }

  @Test
  void ofRacingClaimsExactlyOneWins() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post("race"), T0);
    assertThat(winnersAmong(8, i -> ledger.claim("race", "p" + i, T0))).isEqualTo(1);
  }

  /** How many of {@code n} threads, let go at once, get true from {@code attempt(i)}. */
  private static int winnersAmong(int n, IntFunction<Boolean> attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Boolean> race =
            () -> {
              start.await();
              return attempt.apply(index);
            };
        results.add(pool.submit(race));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      return winners;
    } finally {
      pool.shutdownNow();
    }
  }
}
