package io.kommander.supportbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.delivery.Ledger.Claim;
import io.kommander.supportbot.delivery.Ledger.State;
import java.time.Duration;
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

/**
 * What every ledger promises; run against the file ledger and the PostgreSQL one. Claims are leases
 * with a fencing token: taken over only once lapsed, and whatever a holder does after it lost its
 * claim changes nothing.
 */
abstract class LedgerContract {
  static final Instant T0 = Instant.parse("2027-01-15T09:00:00Z");
  static final String KEY = "ended:kommander-2.15:C1:2027-01-15";
  static final Duration LEASE = Duration.ofSeconds(60);

  /** A new, empty ledger (the same store each call, as a restarted process sees it). */
  abstract Ledger ledger() throws Exception;

  static Post post(String key) {
    return new Post(
        key, "C1", "1700000000.000100", "NKP 2.15: supported", "[{\"type\":\"divider\"}]");
  }

  /** {@code owner}'s claim on {@code key} at {@code at}, for {@link #LEASE}. */
  static Claim claim(Ledger ledger, String key, String owner, Instant at) {
    return ledger.claim(key, owner, at, at.plus(LEASE)).orElseThrow();
  }

  @Test
  void aPostIsRecordedOnceWithItsContentAndOnlyThenClaimable() throws Exception {
    Ledger ledger = ledger();
    assertThat(ledger.claim(KEY, "a", T0, T0.plus(LEASE))).isEmpty(); // nothing recorded yet
    assertThat(ledger.add(post(KEY), T0)).isTrue();
    assertThat(ledger.add(post(KEY), T0.plusSeconds(1))).isFalse(); // a redelivery
    Ledger.Entry e = ledger().get(KEY).orElseThrow();
    assertThat(e.state()).isEqualTo(State.PENDING);
    assertThat(e.post()).isEqualTo(post(KEY));
    assertThat(e.updated()).isEqualTo(T0);
    assertThat(e.leaseUntil()).isNull();
  }

  @Test
  void aQuestionIsKeptAsAskedWithItsAnswerer() throws Exception {
    Ledger ledger = ledger();
    Post question = Post.question("reply:C1:1.1", "C1", "1.1", "mention", "<@U1> nkp 2.16 ✓");
    assertThat(ledger.add(question, T0)).isTrue();
    Post read = ledger().get("reply:C1:1.1").orElseThrow().post();
    assertThat(read).isEqualTo(question);
    assertThat(read.unanswered()).isTrue();
    assertThat(read.text()).isNull();
  }

  @Test
  void unfinishedAreOldPendingRetriesAndLapsedClaimsOldestFirst() throws Exception {
    Ledger ledger = ledger();
    for (String k : List.of("old-pending", "retry", "lapsed", "leased", "sent")) {
      ledger.add(post(k), T0);
    }
    ledger.add(post("new-pending"), T0.plusSeconds(20));
    ledger.release(claim(ledger, "retry", "a", T0.plusSeconds(1)), "HTTP 503", T0.plusSeconds(2));
    ledger.claim("lapsed", "dead", T0.plusSeconds(3), T0.plusSeconds(9));
    ledger.claim("leased", "alive", T0.plusSeconds(30), T0.plusSeconds(40));
    claim(ledger, "sent", "a", T0.plusSeconds(4));
    ledger.sent("sent", "1.2", T0.plusSeconds(5));
    assertThat(ledger().unfinished(T0.plusSeconds(1), T0.plusSeconds(10), 10))
        .containsExactly("old-pending", "retry", "lapsed");
    assertThat(ledger().unfinished(T0.plusSeconds(21), T0.plusSeconds(41), 10))
        .containsExactly("old-pending", "retry", "lapsed", "new-pending", "leased");
    assertThat(ledger().unfinished(T0, T0.plusSeconds(9), 10)).containsExactly("retry");
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
    List<Claim> claims = new ArrayList<>();
    for (String k : List.of("reply:a", "reply:b", "reply:c", "ended:x")) {
      ledger.add(post(k), T0);
      claims.add(claim(ledger, k, "a", T0));
    }
    ledger.sent("reply:a", "1.1", T0.plusSeconds(1));
    ledger.failed(claims.get(1), "channel_not_found", T0.plusSeconds(1));
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
    Claim a = claim(ledger, KEY, "a", T0);
    assertThat(ledger.claim(KEY, "b", T0, T0.plus(LEASE))).isEmpty();
    Ledger.Entry claimed = ledger.get(KEY).orElseThrow();
    assertThat(claimed.state()).isEqualTo(State.CLAIMED);
    assertThat(claimed.owner()).isEqualTo("a");
    assertThat(claimed.leaseUntil()).isEqualTo(T0.plus(LEASE));
    ledger.sent(KEY, "1800000000.000100", T0.plusSeconds(1));
    Ledger.Entry e = ledger().get(KEY).orElseThrow(); // as a restarted process reads it
    assertThat(e.state()).isEqualTo(State.SENT);
    assertThat(e.slackTs()).isEqualTo("1800000000.000100");
    assertThat(e.attempts()).isEqualTo(1); // the post counts as an attempt
    assertThat(e.leaseUntil()).isNull();
    assertThat(ledger().claim(KEY, "c", T0.plusSeconds(2), T0.plus(LEASE))).isEmpty();
    assertThat(ledger().renew(a, T0.plus(LEASE).plus(LEASE))).isFalse(); // finished
    assertThat(ledger().takeOver(KEY, "c", T0.plus(LEASE).plus(LEASE), T0.plusSeconds(999)))
        .isEmpty();
  }

  @Test
  void aReleasedClaimIsClaimableAgainAndCountsItsAttempt() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    assertThat(ledger.release(claim(ledger, KEY, "a", T0), "HTTP 503", T0.plusSeconds(1))).isTrue();
    Ledger.Entry e = ledger.get(KEY).orElseThrow();
    assertThat(e.state()).isEqualTo(State.RETRY);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.error()).isEqualTo("HTTP 503");
    assertThat(e.owner()).isNull();
    assertThat(e.leaseUntil()).isNull();
    assertThat(ledger.claim(KEY, "b", T0.plusSeconds(60), T0.plusSeconds(120))).isPresent();
    assertThat(ledger.get(KEY).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void aFailureIsFinal() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    assertThat(ledger.failed(claim(ledger, KEY, "a", T0), "channel_not_found", T0.plusSeconds(1)))
        .isTrue();
    assertThat(ledger.get(KEY).orElseThrow().error()).isEqualTo("channel_not_found");
    assertThat(ledger.get(KEY).orElseThrow().state()).isEqualTo(State.FAILED);
    assertThat(ledger.get(KEY).orElseThrow().attempts()).isEqualTo(1);
    assertThat(ledger.claim(KEY, "b", T0.plusSeconds(60), T0.plusSeconds(120))).isEmpty();
  }

  @Test
  void onlyALapsedClaimIsTakenOverAndByOneCaller() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    ledger.claim(KEY, "dead", T0, T0.plusSeconds(10));
    Instant lapse = T0.plusSeconds(10);
    assertThat(ledger.takeOver(KEY, "b", T0.plusSeconds(5), T0.plusSeconds(65))).isEmpty();
    assertThat(ledger.takeOver(KEY, "b", lapse, lapse.plus(LEASE))).isEmpty(); // not yet over
    Instant after = lapse.plusMillis(1);
    assertThat(ledger.takeOver(KEY, "b", after, after.plus(LEASE))).isPresent();
    assertThat(ledger.takeOver(KEY, "c", after.plusSeconds(1), after.plus(LEASE))).isEmpty();
    Ledger.Entry e = ledger().get(KEY).orElseThrow();
    assertThat(e.owner()).isEqualTo("b");
    assertThat(e.leaseUntil()).isEqualTo(after.plus(LEASE));
    assertThat(e.updated()).isEqualTo(after);
    assertThat(e.attempts()).isEqualTo(1); // the dead holder's attempt counts
  }

  @Test
  void aRenewedClaimIsNotTakenOverUntilItsRenewedLeaseLapses() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    Claim a = claim(ledger, KEY, "a", T0);
    Instant renewedUntil = T0.plusSeconds(50).plus(LEASE);
    assertThat(ledger.renew(a, renewedUntil)).isTrue();
    Instant pastFirstLease = T0.plus(LEASE).plusSeconds(1);
    assertThat(ledger().takeOver(KEY, "b", pastFirstLease, pastFirstLease.plus(LEASE))).isEmpty();
    assertThat(ledger().unfinished(pastFirstLease, pastFirstLease, 10)).isEmpty();
    assertThat(ledger().get(KEY).orElseThrow().updated()).isEqualTo(T0); // renewals leave it
    Instant pastRenewal = renewedUntil.plusSeconds(1);
    assertThat(ledger().unfinished(T0, pastRenewal, 10)).containsExactly(KEY);
    assertThat(ledger().takeOver(KEY, "b", pastRenewal, pastRenewal.plus(LEASE))).isPresent();
  }

  @Test
  void everyClaimAndTakeoverRaisesTheFencingToken() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    Claim first = claim(ledger, KEY, "a", T0);
    ledger.release(first, "HTTP 503", T0.plusSeconds(1));
    Claim second = claim(ledger, KEY, "a", T0.plusSeconds(2)); // the same owner again
    Instant lapsed = T0.plusSeconds(2).plus(LEASE).plusSeconds(1);
    Claim third = ledger.takeOver(KEY, "a", lapsed, lapsed.plus(LEASE)).orElseThrow();
    assertThat(second.fence()).isGreaterThan(first.fence());
    assertThat(third.fence()).isGreaterThan(second.fence());
    assertThat(ledger().get(KEY).orElseThrow().fence()).isEqualTo(third.fence());
  }

  @Test
  void aHolderWhoseClaimWasTakenOverCanNeitherRenewNorReleaseNorFailIt() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    Claim slow = claim(ledger, KEY, "a", T0);
    Instant lapsed = T0.plus(LEASE).plusSeconds(1);
    Claim taker = ledger.takeOver(KEY, "b", lapsed, lapsed.plus(LEASE)).orElseThrow();
    // Even a holder under the same owner name (a restarted process) is fenced by the token.
    Claim sameOwnerOldToken = new Claim(KEY, "b", slow.fence());
    for (Claim stale : List.of(slow, sameOwnerOldToken)) {
      assertThat(ledger.renew(stale, lapsed.plus(LEASE).plus(LEASE))).isFalse();
      assertThat(ledger.release(stale, "HTTP 503", lapsed)).isFalse();
      assertThat(ledger.failed(stale, "not_in_channel", lapsed)).isFalse();
    }
    Ledger.Entry e = ledger().get(KEY).orElseThrow();
    assertThat(e.state()).isEqualTo(State.CLAIMED);
    assertThat(e.owner()).isEqualTo("b");
    assertThat(e.leaseUntil()).isEqualTo(lapsed.plus(LEASE));
    assertThat(ledger.renew(taker, lapsed.plus(LEASE).plusSeconds(30))).isTrue();
    assertThat(ledger.release(taker, "HTTP 503", lapsed.plusSeconds(1))).isTrue();
  }

  @Test
  void sentIsRecordedWhoeverHoldsTheClaimSinceItHappened() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    claim(ledger, KEY, "a", T0);
    Instant lapsed = T0.plus(LEASE).plusSeconds(1);
    ledger.takeOver(KEY, "b", lapsed, lapsed.plus(LEASE));
    ledger.sent(KEY, "1.7", lapsed.plusSeconds(1)); // a's post landed after all
    assertThat(ledger().get(KEY).orElseThrow().state()).isEqualTo(State.SENT);
    assertThat(ledger().get(KEY).orElseThrow().leaseUntil()).isNull();
  }

  @Test
  void ofRacingClaimsExactlyOneWins() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post("race"), T0);
    assertThat(winnersAmong(8, i -> ledger.claim("race", "p" + i, T0, T0.plus(LEASE)).isPresent()))
        .isEqualTo(1);
  }

  @Test
  void ofRacingTakeoversOfALapsedClaimExactlyOneWins() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post("race"), T0);
    claim(ledger, "race", "dead", T0);
    Instant lapsed = T0.plus(LEASE).plusSeconds(1);
    assertThat(
            winnersAmong(
                8, i -> ledger.takeOver("race", "p" + i, lapsed, lapsed.plus(LEASE)).isPresent()))
        .isEqualTo(1);
  }

  @Test
  void ofARenewalAndATakeoverRacingAsTheLeaseLapsesExactlyOneHolds() throws Exception {
    Ledger ledger = ledger();
    for (int round = 0; round < 20; round++) {
      String key = "race:" + round;
      ledger.add(post(key), T0);
      Claim holder = claim(ledger, key, "holder", T0);
      Instant lapsed = T0.plus(LEASE).plusSeconds(1);
      int held =
          winnersAmong(
              2,
              i ->
                  i == 0
                      ? ledger.renew(holder, lapsed.plus(LEASE))
                      : ledger.takeOver(key, "taker", lapsed, lapsed.plus(LEASE)).isPresent());
      assertThat(held).as(key).isEqualTo(1);
    }
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
