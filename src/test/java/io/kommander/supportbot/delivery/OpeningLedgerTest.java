package io.kommander.supportbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal read in the background: nothing waits for it but its first use, and once open it keeps
 * every promise of a ledger (the shared contract runs against it).
 */
class OpeningLedgerTest extends LedgerContract {
  @TempDir Path dir;

  @Override
  Ledger ledger() {
    OpeningLedger ledger = new OpeningLedger(() -> new FileLedger(dir.resolve("outbox.jsonl")));
    ledger.open();
    return ledger;
  }

  @Test
  void theFirstUseWaitsForTheJournalAndReadinessSaysSo() throws Exception {
    FileLedger before = new FileLedger(dir.resolve("outbox.jsonl"));
    before.add(new Post("reply:C1:1", "C1", "1", "t", "[]"), T0);
    before.close();
    CountDownLatch slowDisk = new CountDownLatch(1);
    OpeningLedger ledger =
        new OpeningLedger(
            () -> {
              try {
                slowDisk.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new FileLedger(dir.resolve("outbox.jsonl"));
            });
    assertThat(ledger.problem()).contains("not opened yet");
    CompletableFuture<Boolean> firstUse =
        CompletableFuture.supplyAsync(() -> ledger.get("reply:C1:1").isPresent());
    Thread.sleep(200); // the use is waiting, not failing
    assertThat(firstUse).isNotDone();
    ledger.open();
    ledger.open(); // once
    assertThat(ledger.problem()).contains("opening");
    slowDisk.countDown();
    assertThat(firstUse.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ledger.problem()).isEmpty();
    assertThat(ledger.add(new Post("reply:C1:1", "C1", "1", "t", "[]"), T0)).isFalse();
    ledger.close();
  }

  @Test
  void aUseWaitingForALedgerNeverOpenedGivesUpWhenItsThreadIsStopped() throws Exception {
    OpeningLedger ledger = new OpeningLedger(() -> new FileLedger(dir.resolve("outbox.jsonl")));
    CompletableFuture<Throwable> failed = new CompletableFuture<>();
    Thread recovery =
        new Thread(
            () -> {
              try {
                ledger.unfinished(T0, T0, 1);
              } catch (IllegalStateException e) {
                failed.complete(e);
              }
            });
    recovery.start();
    Thread.sleep(100); // waiting on the ledger
    recovery.interrupt(); // as Outbox.close stops its recovery timer
    assertThat(failed.get(5, TimeUnit.SECONDS))
        .hasMessage("Stopped while the outbox ledger was opening");
  }

  @Test
  void aLedgerNeverOpenedClosesWithoutTouchingTheJournal() {
    new OpeningLedger(
            () -> {
              throw new AssertionError("not to be opened");
            })
        .close();
  }

  @Test
  void aJournalThatCannotBeReadIsReportedAndEveryUseFailsClearly() {
    OpeningLedger ledger =
        new OpeningLedger(
            () -> {
              throw new IllegalStateException("data is not writable");
            });
    ledger.open();
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ledger.problem().filter(p -> !p.equals("opening")).isPresent());
    assertThat(ledger.problem()).contains("cannot be opened: data is not writable");
    assertThatThrownBy(() -> ledger.get("k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The outbox ledger cannot be opened");
    ledger.close(); // nothing to close; no exception
  }
}
