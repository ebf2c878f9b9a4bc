package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a body being received costs the shared budget: what came, never what was announced. */
class BodyBufferTest {
  final ByteBudget budget = new ByteBudget(64 * 1024);

  @Test
  void aTrickleCostsWhatHasComeNotWhatWasAnnounced() {
    BodyBuffer body = new BodyBuffer(budget, 60 * 1024);
    assertThat(body.append(new byte[] {'{'}, 1)).isTrue();
    assertThat(budget.used()).isEqualTo(BodyBuffer.FIRST);
    body.release();
    assertThat(budget.used()).isZero();
  }

  @Test
  void growingKeepsTheWholeBodyAndCountsOnlyTheArrayHeld() {
    BodyBuffer body = new BodyBuffer(budget, 20_000);
    byte[] chunk = new byte[3000];
    for (int i = 0; i < 7; i++) {
      Arrays.fill(chunk, (byte) ('a' + i));
      assertThat(body.append(chunk, chunk.length)).isTrue();
    }
    byte[] kept = body.bytes();
    assertThat(kept).hasSize(20_000); // 21,000 came: what is past the body is dropped
    assertThat(kept[0]).isEqualTo((byte) 'a');
    assertThat(kept[19_999]).isEqualTo((byte) 'g');
    assertThat(budget.used()).isEqualTo(20_000);
    body.release();
    body.release();
    assertThat(budget.used()).isZero();
  }

  @Test
  void pastTheBudgetNothingMoreIsKeptAndWhatWasHeldIsGivenBack() {
    BodyBuffer first = new BodyBuffer(budget, 60 * 1024);
    assertThat(first.append(new byte[60 * 1024], 60 * 1024)).isTrue();
    BodyBuffer second = new BodyBuffer(budget, 60 * 1024);
    assertThat(second.append(new byte[1], 1)).isTrue(); // 4 KiB still free
    assertThat(second.append(new byte[8192], 8192)).isFalse();
    assertThat(budget.used()).isEqualTo(64 * 1024);
    second.release();
    first.release();
    assertThat(budget.used()).isZero();
    assertThat(budget.take(64 * 1024)).isTrue();
    assertThat(budget.take(1)).isFalse();
  }
}
