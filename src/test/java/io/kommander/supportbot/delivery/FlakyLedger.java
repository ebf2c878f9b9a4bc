package io.kommander.supportbot.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real ledger behind a switch: operations named in {@link #down} fail as a stopped database's do,
 * and while {@link #slow} is closed every operation waits for it, as on a database that does not
 * answer. Counts the records it was asked for.
 */
final class FlakyLedger implements Ledger {
  /** Operations that fail: "add", "get", "claim", "takeOver", "renew", "sent", "release"... */
  final Set<String> down = ConcurrentHashMap.newKeySet();

  final AtomicInteger adds = new AtomicInteger();

  /** Records that fail before the ledger takes them again: a restart's dead connections. */
  final AtomicInteger failingAdds = new AtomicInteger();

  volatile CountDownLatch slow = new CountDownLatch(0);
  private final Ledger real;

  FlakyLedger(Ledger real) {
    this.real = real;
  }

  /** Every operation fails, or none does. */
  void allDown(boolean isDown) {
    if (isDown) {
      down.addAll(
          List.of(
              "get",
              "add",
              "claim",
              "takeOver",
              "renew",
              "sent",
              "failed",
              "release",
              "unfinished",
              "forget"));
    } else {
      down.clear();
    }
  }

  private void check(String operation) {
    try {
      slow.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (down.contains(operation)) {
      throw new IllegalStateException("outbox write failed: Connection refused");
    }
  }

  @Override
  public Optional<Entry> get(String key) {
    check("get");
    return real.get(key);
  }

  @Override
  public boolean add(Post post, Instant now) {
    adds.incrementAndGet();
    check("add");
    if (failingAdds.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("outbox write failed: terminating connection");
    }
    return real.add(post, now);
  }

  @Override
  public Optional<Claim> claim(String key, String owner, Instant now, Instant leaseUntil) {
    check("claim");
    return real.claim(key, owner, now, leaseUntil);
  }

  @Override
  public Optional<Claim> takeOver(String key, String owner, Instant now, Instant leaseUntil) {
    check("takeOver");
    return real.takeOver(key, owner, now, leaseUntil);
  }

  @Override
  public boolean renew(Claim claim, Instant leaseUntil) {
    check("renew");
    return real.renew(claim, leaseUntil);
  }

  @Override
  public void sent(String key, String slackTs, Instant now) {
    check("sent");
    real.sent(key, slackTs, now);
  }

  @Override
  public boolean failed(Claim claim, String error, Instant now) {
    check("failed");
    return real.failed(claim, error, now);
  }

  @Override
  public boolean release(Claim claim, String error, Instant now) {
    check("release");
    return real.release(claim, error, now);
  }

  @Override
  public List<String> unfinished(Instant pendingBefore, Instant now, int limit) {
    check("unfinished");
    return real.unfinished(pendingBefore, now, limit);
  }

  @Override
  public int forget(String prefix, Instant finishedBefore) {
    check("forget");
    return real.forget(prefix, finishedBefore);
  }

  @Override
  public void close() {
    real.close();
  }
}
