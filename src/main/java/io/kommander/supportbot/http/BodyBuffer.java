package io.kommander.supportbot.http;

import java.util.Arrays;

/**
 * A request body as it arrives: one array that grows as bytes come (never past what is kept), its
 * every byte counted against a {@link ByteBudget} until {@link #release} (a timeout may release it
 * while a read is under way: hence the locks). A sender who announces a large body and then
 * trickles it costs what it has sent, not what it announced.
 */
final class BodyBuffer {
  /** The first allocation: most of Slack's bodies fit (slash commands, events: 1 to 4 KB). */
  static final int FIRST = 4 * 1024;

  private final ByteBudget budget;
  private final int keep;
  private byte[] bytes = new byte[0];
  private int size;
  private boolean released;

  /**
   * @param keep bytes kept at most; the rest is read and dropped
   */
  BodyBuffer(ByteBudget budget, int keep) {
    this.budget = budget;
    this.keep = keep;
  }

  /** Keeps what fits of {@code chunk[0..n)}; false (nothing kept) if the budget cannot hold it. */
  synchronized boolean append(byte[] chunk, int n) {
    int wanted = Math.min(n, keep - size);
    if (wanted <= 0) {
      return true;
    }
    if (size + wanted > bytes.length) {
      int capacity =
          (int) Math.min(keep, Math.max(size + wanted, Math.max(FIRST, 2L * bytes.length)));
      // Counted before it is allocated, the old array with it until it is dropped.
      if (released || !budget.take(capacity)) {
        return false;
      }
      byte[] old = bytes;
      bytes = Arrays.copyOf(old, capacity);
      budget.giveBack(old.length);
    }
    System.arraycopy(chunk, 0, bytes, size, wanted);
    size += wanted;
    return true;
  }

  /** The body kept, without spare room. */
  synchronized byte[] bytes() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  /** Gives its bytes back to the budget; once, however often called. */
  synchronized void release() {
    if (!released) {
      released = true;
      budget.giveBack(bytes.length);
    }
  }
}
