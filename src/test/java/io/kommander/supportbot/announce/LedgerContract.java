package io.kommander.supportbot.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.announce.Ledger.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every ledger promises; run against the file ledger and the PostgreSQL one. */
abstract class LedgerContract {
  static final Instant T0 = Instant.parse("2027-01-15T09:00:00Z");
  static final String KEY = "ended:kommander-2.15:C1:2027-01-15";

  /** A new, empty ledger (the same store each call, as a restarted process sees it). */
  abstract Ledger ledger() throws Exception;

  @Test
  void aKeyIsClaimedOnceThenSentAndStaysSent() throws Exception {
    Ledger ledger = ledger();
    assertThat(ledger.get(KEY)).isEmpty();
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
    assertThat(ledger.claim(KEY, "a", T0)).isTrue();
    ledger.release(KEY, "HTTP 503", T0.plusSeconds(1));
    assertThat(ledger.get(KEY).orElseThrow().state()).isEqualTo(State.RETRY);
    assertThat(ledger.claim(KEY, "b", T0.plusSeconds(60))).isTrue();
    assertThat(ledger.get(KEY).orElseThrow().attempts()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aFailureIsFinal() throws Exception {
    Ledger ledger = ledger();
    assertThat(ledger.claim(KEY, "a", T0)).isTrue();
    ledger.failed(KEY, "channel_not_found", T0.plusSeconds(1));
    assertThat(ledger.get(KEY).orElseThrow().error()).isEqualTo("channel_not_found");
    assertThat(ledger.claim(KEY, "b", T0.plusSeconds(60))).isFalse();
  }

  @Test
  void onlyAStaleClaimIsTakenOverAndByOneCaller() throws Exception {
    Ledger ledger = ledger();
    assertThat(ledger.claim(KEY, "dead", T0)).isTrue();
    assertThat(ledger.takeOver(KEY, "b", T0.minusSeconds(1), T0.plusSeconds(5))).isFalse();
    assertThat(ledger.takeOver(KEY, "b", T0.plusSeconds(1), T0.plusSeconds(5))).isTrue();
    assertThat(ledger.takeOver(KEY, "c", T0.plusSeconds(1), T0.plusSeconds(6))).isFalse();
    assertThat(ledger.get(KEY).orElseThrow().owner()).isEqualTo("b");
  }

  @Test
  void ofRacingClaimsExactlyOneWins() throws Exception {
    Ledger ledger = ledger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> wins = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        String owner = "p" + i;
        Callable<Boolean> claim =
            () -> {
              start.await();
              return ledger.claim("race", owner, T0);
            };
        wins.add(pool.submit(claim));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> w : wins) {
        won += w.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
