package io.kommander.supportbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kommander.supportbot.testing.ManualClock;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording on an ack's path: in the ledger while it answers in time; in the spool while it is down
 * or slow (without waiting on a ledger known to be down); refused only when neither can keep the
 * post; the spool handed to the ledger once it answers again, each post recorded once.
 */
class IntakeTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock("2026-12-08T09:00:00Z");
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private FlakyLedger ledger;
  private Intake intake;

  @BeforeEach
  void start() {
    Metrics.addRegistry(metrics);
    ledger = new FlakyLedger(new FileLedger(dir.resolve("outbox.jsonl")));
  }

  @AfterEach
  void stop() {
    if (intake != null) {
      intake.close();
    }
    ledger.slow.countDown();
    Metrics.removeRegistry(metrics);
  }

  /** An intake waiting at most 200 ms for the ledger, spooling to {@code spool} if given. */
  private Intake intake(Optional<Path> spool) {
    intake = new Intake(ledger, spool.map(Spool::new), clock, Duration.ofMillis(200), 2);
    return intake;
  }

  private Intake withSpool() {
    return intake(Optional.of(dir.resolve("outbox-spool.jsonl")));
  }

  private static Post question(int n) {
    return SpoolTest.question(n);
  }

  private double counted(String outcome) {
    var counter = metrics.find("outbox.received").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aLedgerThatAnswersRecordsAtOnceAndKnowsARedelivery() {
    withSpool();
    assertThat(intake.receive(question(1))).isEqualTo(Receipt.RECORDED);
    assertThat(intake.receive(question(2))).isEqualTo(Receipt.RECORDED);
    assertThat(intake.receive(question(1))).isEqualTo(Receipt.KNOWN);
    assertThat(ledger.get("reply:C1:1").orElseThrow().post()).isEqualTo(question(1));
    assertThat(dir.resolve("outbox-spool.jsonl")).doesNotExist();
    assertThat(counted("recorded")).isEqualTo(2);
    assertThat(counted("known")).isEqualTo(1);
  }

  @Test
  void aWriteOnAConnectionARestartCutIsTriedAgainNotSpooled() {
    withSpool();
    ledger.failingAdds.set(1);
    assertThat(intake.receive(question(1))).isEqualTo(Receipt.RECORDED);
    assertThat(ledger.adds).hasValue(2);
    assertThat(intake.waiting()).isZero();
    assertThat(intake.receive(question(2))).isEqualTo(Receipt.RECORDED); // not taken for down
  }

  @Test
  void whileTheLedgerIsDownPostsAreSpooledWithoutWaitingOnItAndDrainedWhenItIsBack() {
    withSpool();
    ledger.allDown(true);
    assertThat(intake.receive(question(1))).isEqualTo(Receipt.SPOOLED);
    int tried = ledger.adds.get();
    assertThat(tried).isEqualTo(2); // a connection cut by a restart fails once: tried again
    assertThat(intake.receive(question(2))).isEqualTo(Receipt.SPOOLED);
    assertThat(ledger.adds.get()).isEqualTo(tried); // known to be down: not waited on again
    assertThat(intake.waiting()).isEqualTo(2);
    assertThat(counted("spooled")).isEqualTo(2);

    List<Post> recorded = new ArrayList<>();
    assertThatThrownBy(() -> intake.drain(recorded::add)).hasMessageContaining("Connection");
    assertThat(intake.waiting()).isEqualTo(2); // kept for the next drain
    assertThat(recorded).isEmpty();

    ledger.allDown(false);
    intake.drain(recorded::add);
    assertThat(recorded).containsExactly(question(1), question(2));
    assertThat(intake.waiting()).isZero();
    assertThat(ledger.get("reply:C1:2").orElseThrow().post()).isEqualTo(question(2));
    assertThat(intake.receive(question(3))).isEqualTo(Receipt.RECORDED); // the ledger again
  }

  @Test
  void aLedgerThatDoesNotAnswerInTimeIsNotWaitedForAndItsLateRecordCountsOnce() {
    withSpool();
    ledger.slow = new CountDownLatch(1);
    assertThat(intake.receive(question(1))).isEqualTo(Receipt.SPOOLED);
    ledger.slow.countDown(); // the database answers after all: the write that timed out lands
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ledger.get("reply:C1:1").isPresent());
    List<Post> recorded = new ArrayList<>();
    intake.drain(recorded::add);
    assertThat(recorded).isEmpty(); // already recorded: nothing new to post
    assertThat(intake.waiting()).isZero();
  }

  @Test
  void withoutASpoolAPostTheLedgerCannotTakeIsRefusedAndTheLedgerTriedEachTime() {
    intake(Optional.empty());
    ledger.allDown(true);
    assertThatThrownBy(() -> intake.receive(question(1)))
        .isInstanceOf(Receipt.NotRecorded.class)
        .hasMessageContaining("reply:C1:1");
    assertThatThrownBy(() -> intake.receive(question(1))).isInstanceOf(Receipt.NotRecorded.class);
    assertThat(ledger.adds.get()).isEqualTo(4);
    assertThat(counted("refused")).isEqualTo(2);
    ledger.allDown(false);
    assertThat(intake.receive(question(1))).isEqualTo(Receipt.RECORDED);
  }

  @Test
  void whenTheSpoolCannotBeWrittenTheLedgerIsTheLastChance() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("data"), "a file");
    intake(Optional.of(notADirectory.resolve("outbox-spool.jsonl")));
    ledger.allDown(true);
    assertThatThrownBy(() -> intake.receive(question(1))).isInstanceOf(Receipt.NotRecorded.class);
    ledger.allDown(false); // back, though the intake still takes it for down
    assertThat(intake.receive(question(1))).isEqualTo(Receipt.RECORDED);
    assertThat(counted("refused")).isEqualTo(1);
  }
}
