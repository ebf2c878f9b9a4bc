package io.kommander.supportbot.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of bytes shared by every request body held before its signature is checked: what
 * is taken is counted against it, what is given back frees it. Past it, a request is refused rather
 * than buffered, so no number of senders can fill the heap with bodies nobody signed.
 */
final class ByteBudget {
  private final long limit;
  private final AtomicLong used = new AtomicLong();

  ByteBudget(long limit) {
    this.limit = limit;
  }

  /** Takes {@code n} bytes if they are free; false (nothing taken) if not. */
  boolean take(long n) {
    long before;
    do {
      before = used.get();
      if (before + n > limit) {
        return false;
      }
    } while (!used.compareAndSet(before, before + n));
    return true;
  }

  void giveBack(long n) {
    used.addAndGet(-n);
  }

  long used() {
    return used.get();
  }

  long limit() {
    return limit;
  }
}
