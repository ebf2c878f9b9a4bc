package io.kommander.supportbot.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger opened in the background once the server is up ({@link #open}): reading a long journal
 * (a busy day's replies) then neither holds up start-up nor competes with it for the CPU, since
 * what the first requests need (slash commands, the page, the API) does not use the ledger. Uses
 * before that wait for it; readiness says when it is open.
 */
public final class OpeningLedger implements Ledger {
  private static final Logger log = LoggerFactory.getLogger(OpeningLedger.class);

  private final CompletableFuture<Ledger> opening = new CompletableFuture<>();
  private final Supplier<Ledger> open;
  private final AtomicBoolean started = new AtomicBoolean();

  public OpeningLedger(Supplier<Ledger> open) {
    this.open = open;
  }

  /** Starts reading the journal on a thread of its own; once, however often called. */
  public void open() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                opening.complete(open.get());
              } catch (RuntimeException | Error e) {
                log.error("The outbox ledger cannot be opened: {}", e.getMessage(), e);
                opening.completeExceptionally(e);
              }
            },
            "ledger-open");
    t.setDaemon(true);
    t.start();
  }

  /** Empty once open; else why not (still opening, or failed). */
  public Optional<String> problem() {
    if (!opening.isDone()) {
      return Optional.of(started.get() ? "opening" : "not opened yet");
    }
    try {
      opening.join();
      return Optional.empty();
    } catch (CompletionException e) {
      return Optional.of("cannot be opened: " + e.getCause().getMessage());
    }
  }

  /** The ledger, waiting for it to open; a wait that is interrupted (a stop) gives up. */
  private Ledger ledger() {
    try {
      return opening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Stopped while the outbox ledger was opening", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The outbox ledger cannot be opened", e.getCause());
    }
  }

  @Override
  public Optional<Entry> get(String key) {
    return ledger().get(key);
  }

  @Override
  public boolean add(Post post, Instant now) {
    return ledger().add(post, now);
  }

  @Override
  public Optional<Claim> claim(String key, String owner, Instant now, Instant leaseUntil) {
    return ledger().claim(key, owner, now, leaseUntil);
  }

  @Override
  public Optional<Claim> takeOver(String key, String owner, Instant now, Instant leaseUntil) {
    return ledger().takeOver(key, owner, now, leaseUntil);
  }

  @Override
  public boolean renew(Claim claim, Instant leaseUntil) {
    return ledger().renew(claim, leaseUntil);
  }

  @Override
  public void sent(String key, String slackTs, Instant now) {
    ledger().sent(key, slackTs, now);
  }

  @Override
  public boolean failed(Claim claim, String error, Instant now) {
    return ledger().failed(claim, error, now);
  }

  @Override
  public boolean release(Claim claim, String error, Instant now) {
    return ledger().release(claim, error, now);
  }

  @Override
  public List<String> unfinished(Instant pendingBefore, Instant now, int limit) {
    return ledger().unfinished(pendingBefore, now, limit);
  }

  @Override
  public int forget(String prefix, Instant finishedBefore) {
    return ledger().forget(prefix, finishedBefore);
  }

  @Override
  public void close() {
    if (!started.get()) {
      return; // never opened: the journal is as it was
    }
    try {
      opening.join().close(); // one still opening is waited for, then closed like any other
    } catch (CompletionException failed) {
      // nothing was opened
    }
  }
}
