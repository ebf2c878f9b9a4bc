package io.kommander.supportbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kommander.supportbot.delivery.Ledger.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-process ledger: a journal of JSON lines. */
class FileLedgerTest extends LedgerContract {
  @TempDir Path dir;

  @Override
  Ledger ledger() {
    return new FileLedger(dir.resolve("outbox.jsonl"));
  }

  @Test
  void aLineCutShortByACrashIsSkippedAndTheRestKept() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    claim(ledger, KEY, "a", T0);
    Files.writeString(
        dir.resolve("outbox.jsonl"),
        "{\"key\":\"" + KEY + "\",\"state\":\"SE",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND); // killed halfway through a write
    Ledger restarted = ledger();
    assertThat(restarted.get(KEY).orElseThrow().state()).isEqualTo(State.CLAIMED);
    restarted.sent(KEY, "1.1", T0.plusSeconds(1)); // appends on a line of its own
    assertThat(ledger().get(KEY).orElseThrow().state()).isEqualTo(State.SENT);
  }

  @Test
  void aStopLeavesOneLinePerEntryForTheNextStartToRead() throws Exception {
    Path journal = dir.resolve("outbox.jsonl");
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    ledger.add(post("k:2"), T0);
    claim(ledger, KEY, "a", T0);
    ledger.sent(KEY, "1.1", T0);
    assertThat(Files.readAllLines(journal)).hasSize(4);
    ledger.close();
    assertThat(Files.readAllLines(journal)).hasSize(2);
    Ledger restarted = ledger();
    assertThat(restarted.get(KEY).orElseThrow().slackTs()).isEqualTo("1.1");
    assertThat(restarted.get("k:2").orElseThrow().state()).isEqualTo(State.PENDING);
  }

  @Test
  void changesMadeWhileACompactionRunsAreInTheCompactedJournal() throws Exception {
    Path journal = dir.resolve("outbox.jsonl");
    FileLedger ledger = new FileLedger(journal);
    int n = 20_000; // enough that a compaction's snapshot takes a while to write
    for (int i = 0; i < n; i++) {
      ledger.add(post("k:" + i), T0);
    }
    // Compactions start on the way, and changes go on while they write their snapshots.
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < n; i++) {
        ledger.release(claim(ledger, "k:" + i, "a", T0), "HTTP 503 " + round, T0);
      }
    }
    Ledger restarted = new FileLedger(journal); // reads the file as it is now, unclosed
    for (int i = 0; i < n; i++) {
      Ledger.Entry e = restarted.get("k:" + i).orElseThrow();
      assertThat(e.attempts()).as("k:" + i).isEqualTo(3);
      assertThat(e.error()).as("k:" + i).isEqualTo("HTTP 503 2");
    }
    ledger.close();
    assertThat(Files.readAllLines(journal)).hasSize(n);
  }

  @Test
  void theJournalIsCompactedSoItDoesNotGrowWithEveryChange() throws Exception {
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0);
    for (int i = 0; i < 3_000; i++) {
      ledger.release(claim(ledger, KEY, "a", T0), "HTTP 503", T0);
    }
    // Compaction runs in the background: wait for the journal to shrink, not for a fixed time.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readAllLines(dir.resolve("outbox.jsonl")).size() < 1_100);
    assertThat(ledger().get(KEY).orElseThrow().attempts()).isEqualTo(3_000);
  }

  @Test
  void compactionHappensExactlyWhenLinesOutnumberTwiceTheEntriesPlusAThousand() throws Exception {
    Path journal = dir.resolve("outbox.jsonl");
    Ledger ledger = ledger();
    ledger.add(post(KEY), T0); // line 1
    ledger.add(post("k:2"), T0); // line 2; two entries: compaction once lines exceed 1,004
    Ledger.Claim held = claim(ledger, KEY, "a", T0); // line 3
    for (int i = 1; i <= 1_001; i++) {
      ledger.renew(held, T0.plusSeconds(i)); // a renewal is a line, like any change
    }
    assertThat(Files.readAllLines(journal)).hasSize(1_004); // not yet
    ledger.renew(held, T0.plusSeconds(1_002));
    // Compacted on another thread, so posting never waits for it: one line per entry.
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.readAllLines(journal).size() == 2);
    ledger.renew(held, T0.plusSeconds(1_003));
    assertThat(Files.readAllLines(journal)).hasSize(3); // appending again
    ledger.close();
    assertThat(ledger().get(KEY).orElseThrow().leaseUntil()).isEqualTo(T0.plusSeconds(1_003));
    assertThat(ledger().get("k:2").orElseThrow().state()).isEqualTo(Ledger.State.PENDING);
  }

  @Test
  void pastItsBoundTheLeastRecentlyChangedFinishedRepliesAreForgottenAndNothingElse()
      throws Exception {
    FileLedger ledger = new FileLedger(dir.resolve("outbox.jsonl"));
    String announcement = "announce:nkp-2.15:day-of:C1";
    ledger.add(post(announcement), T0);
    ledger.sent(announcement, "0.1", T0); // finished long ago, but an announcement
    ledger.add(post(Outbox.REPLY + "stuck"), T0); // unfinished: still to post
    int extra = 10;
    for (int i = 0; i < RecentEntries.MAX_ENTRIES + extra; i++) {
      String key = Outbox.REPLY + "C1:" + i;
      ledger.add(post(key), T0);
      ledger.sent(key, "1." + i, T0);
    }
    // Two entries besides the replies: the oldest extra + 2 replies went.
    assertThat(ledger.get(Outbox.REPLY + "C1:" + (extra + 1))).isEmpty();
    assertThat(ledger.get(Outbox.REPLY + "C1:" + (extra + 2))).isPresent();
    assertThat(ledger.get(announcement)).isPresent();
    assertThat(ledger.get(Outbox.REPLY + "stuck").orElseThrow().state()).isEqualTo(State.PENDING);
    String newest = Outbox.REPLY + "C1:" + (RecentEntries.MAX_ENTRIES + extra - 1);
    assertThat(ledger.get(newest)).isPresent();
    // A start reads the bound too, whatever the journal still holds.
    FileLedger restarted = new FileLedger(dir.resolve("outbox.jsonl"));
    assertThat(restarted.get(Outbox.REPLY + "C1:" + (extra + 1))).isEmpty();
    assertThat(restarted.get(announcement)).isPresent();
    assertThat(restarted.get(newest).orElseThrow().slackTs())
        .isEqualTo("1." + (RecentEntries.MAX_ENTRIES + extra - 1));
  }

  @Test
  void theWholeFileLedgerOfEarlierVersionsIsTakenOver() throws Exception {
    Files.writeString(
        dir.resolve("announcement-ledger.json"),
        "{\""
            + KEY
            + "\":{\"key\":\""
            + KEY
            + "\",\"state\":\"SENT\",\"owner\":\"bot-1\",\"updated\":\"2027-01-15T09:00:01Z\","
            + "\"slackTs\":\"1.5\",\"error\":null,\"attempts\":1}}");
    FileLedger ledger = FileLedger.in(dir);
    assertThat(ledger.get(KEY).orElseThrow().slackTs()).isEqualTo("1.5");
    assertThat(ledger.add(post(KEY), T0)).isFalse(); // already sent by the old version
    assertThat(new FileLedger(dir.resolve("outbox.jsonl")).get(KEY)).isPresent();
  }

  @Test
  void aClaimWrittenBeforeLeasesLapsesAfterTheOldClaimTimeout() throws Exception {
    // A journal line of a version without leases: no fencing token, no lease.
    Files.writeString(
        dir.resolve("outbox.jsonl"),
        "{\"key\":\""
            + KEY
            + "\",\"state\":\"CLAIMED\",\"owner\":\"bot-old\",\"updated\":\"2027-01-15T09:00:00Z\","
            + "\"attempts\":0,\"post\":{\"key\":\""
            + KEY
            + "\",\"channel\":\"C1\",\"text\":\"t\"}}\n");
    Ledger ledger = ledger();
    Ledger.Entry old = ledger.get(KEY).orElseThrow();
    assertThat(old.fence()).isZero();
    assertThat(old.leaseEnds()).isEqualTo(T0.plus(Ledger.LEGACY_LEASE));
    Instant within = T0.plus(Ledger.LEGACY_LEASE).minusSeconds(1);
    assertThat(ledger.takeOver(KEY, "new", within, within.plus(LEASE))).isEmpty();
    Instant after = T0.plus(Ledger.LEGACY_LEASE).plusSeconds(1);
    assertThat(ledger.unfinished(T0, after, 10)).containsExactly(KEY);
    assertThat(ledger.takeOver(KEY, "new", after, after.plus(LEASE))).isPresent();
    assertThat(ledger().get(KEY).orElseThrow().fence()).isEqualTo(1);
  }
}
