package io.kommander.supportbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file that keeps acknowledged posts while the ledger cannot: kept across a restart, drained
 * once, and kept whole by a drain that the ledger cut short.
 */
class SpoolTest {
  @TempDir Path dir;

  Path file() {
    return dir.resolve("outbox-spool.jsonl");
  }

  static Post question(int n) {
    return Post.question("reply:C1:" + n, "C1", "1." + n, "mention", "<@U1> nkp 2.1" + n);
  }

  @Test
  void keptPostsSurviveARestartAndAreDrainedOnceInOrder() throws Exception {
    Spool spool = new Spool(file());
    assertThat(spool.waiting()).isZero();
    assertThat(file()).doesNotExist(); // nothing made before it is needed
    spool.append(question(1));
    spool.append(question(2));
    assertThat(spool.waiting()).isEqualTo(2);

    Spool restarted = new Spool(file()); // a killed process's spool, read again
    assertThat(restarted.waiting()).isEqualTo(2);
    List<Post> taken = new ArrayList<>();
    restarted.drain(taken::add);
    assertThat(taken).containsExactly(question(1), question(2));
    assertThat(restarted.waiting()).isZero();
    restarted.drain(taken::add);
    assertThat(taken).hasSize(2);
    assertThat(new Spool(file()).waiting()).isZero();
  }

  @Test
  void aDrainCutShortByTheLedgerHandsEverythingOverAgainNextTime() throws Exception {
    Spool spool = new Spool(file());
    spool.append(question(1));
    spool.append(question(2));
    List<Post> taken = new ArrayList<>();
    assertThatThrownBy(
            () ->
                spool.drain(
                    post -> {
                      taken.add(post);
                      if (post.equals(question(2))) {
                        throw new IllegalStateException("outbox write failed");
                      }
                    }))
        .hasMessage("outbox write failed");
    assertThat(spool.waiting()).isEqualTo(2);
    spool.append(question(3)); // arrives while the first file waits to be drained again
    assertThat(spool.waiting()).isEqualTo(3);
    assertThat(new Spool(file()).waiting()).isEqualTo(3); // both files, as a restart reads them
    taken.clear();
    spool.drain(taken::add); // the file a drain left first
    assertThat(taken).containsExactly(question(1), question(2));
    spool.drain(taken::add);
    assertThat(taken).containsExactly(question(1), question(2), question(3));
    assertThat(spool.waiting()).isZero();
  }

  @Test
  void aPostKeptDuringADrainWaitsForTheNext() throws Exception {
    Spool spool = new Spool(file());
    spool.append(question(1));
    List<Post> taken = new ArrayList<>();
    spool.drain(
        post -> {
          taken.add(post);
          try {
            spool.append(question(2)); // an ack while the drain runs
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertThat(taken).containsExactly(question(1));
    assertThat(spool.waiting()).isEqualTo(1);
    spool.drain(taken::add);
    assertThat(taken).containsExactly(question(1), question(2));
  }

  @Test
  void aLineCutShortByACrashIsSkippedAndTheRestDrained() throws Exception {
    Spool spool = new Spool(file());
    spool.append(question(1));
    Files.writeString(
        file(),
        "{\"key\":\"reply:C1:2\",\"chan",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    List<Post> taken = new ArrayList<>();
    new Spool(file()).drain(taken::add);
    assertThat(taken).containsExactly(question(1));
  }

  @Test
  void aSpoolThatCannotBeWrittenSaysSo() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("data"), "a file");
    Spool spool = new Spool(notADirectory.resolve("outbox-spool.jsonl"));
    assertThatThrownBy(() -> spool.append(question(1))).isInstanceOf(java.io.IOException.class);
    assertThat(spool.waiting()).isZero();
  }
}
