package io.kommander.supportbot.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.json.Json;
import io.kommander.supportbot.timing.Timers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded ledger for one replica: a journal under {@code DATA_DIR}, one JSON line per change,
 * appended (a mention costs a line, not a rewrite of every post ever made). The last line for a key
 * wins; a line cut short by a crash is skipped on reading. The journal is compacted (temp file,
 * then rename) when it holds mostly superseded lines. Several replicas share {@link
 * PostgresLedger}.
 */
public final class FileLedger implements Ledger {
  private static final Logger log = LoggerFactory.getLogger(FileLedger.class);
  private static final ObjectMapper JSON = Json.MAPPER;

  private final Path file;
  private final RecentEntries entries = new RecentEntries();
  private BufferedWriter journal;
  private int lines;

  /** Lines appended while a compaction writes its snapshot; null when none runs. */
  private List<String> tail;

  /** Entries were forgotten while a compaction ran: compact again after it. */
  private boolean forgotten;

  private final ExecutorService compactor = Timers.daemon("ledger-compaction");

  /** The journal in {@code dataDir}, taking over the whole-file ledger of earlier versions. */
  public static FileLedger in(Path dataDir) {
    FileLedger ledger = new FileLedger(dataDir.resolve("outbox.jsonl"));
    if (ledger.entries.isEmpty()) {
      Journals.legacy(dataDir.resolve("announcement-ledger.json")).forEach(ledger::put);
    }
    return ledger;
  }

  public FileLedger(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Journals.Read read = Journals.read(file, entries);
      lines = read.lines();
      // A journal may hold more than the bound until its next compaction.
      entries.forgetOldestReplies(Integer.MAX_VALUE);
      if (read.torn() || !Files.exists(file)) {
        compact(); // drops the torn line, so appends start on a line of their own
      } else {
        journal = Journals.appender(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ledger " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public synchronized boolean add(Post post, Instant now) {
    Entry e = entries.get(post.key());
    if (e == null) {
      put(new Entry(post.key(), State.PENDING, null, now, null, null, 0, post, 0, null));
      return true;
    }
    if (e.post() == null && !e.state().finished()) {
      put(e.withPost(post));
    }
    return false;
  }

  @Override
  public synchronized Optional<Claim> claim(
      String key, String owner, Instant now, Instant leaseUntil) {
    Entry e = entries.get(key);
    if (e == null || (e.state() != State.PENDING && e.state() != State.RETRY)) {
      return Optional.empty();
    }
    return Optional.of(hold(e.claimedBy(owner, now, leaseUntil, e.attempts())));
  }

  @Override
  public synchronized Optional<Claim> takeOver(
      String key, String owner, Instant now, Instant leaseUntil) {
    Entry e = entries.get(key);
    if (e == null || !e.lapsed(now)) {
      return Optional.empty();
    }
    // The lapsed holder's attempt counts: a post that kills its posters is given up in the end.
    return Optional.of(hold(e.claimedBy(owner, now, leaseUntil, e.attempts() + 1)));
  }

  private Claim hold(Entry claimed) {
    put(claimed);
    return new Claim(claimed.key(), claimed.owner(), claimed.fence());
  }

  @Override
  public synchronized boolean renew(Claim claim, Instant leaseUntil) {
    return change(claim, e -> e.renewedTo(leaseUntil));
  }

  @Override
  public synchronized void sent(String key, String slackTs, Instant now) {
    Entry e = entries.get(key);
    put(
        e != null
            ? e.finished(State.SENT, slackTs, null, now)
            : new Entry(key, State.SENT, null, now, slackTs, null, 1, null, 0, null));
  }

  @Override
  public synchronized boolean failed(Claim claim, String error, Instant now) {
    return change(claim, e -> e.finished(State.FAILED, null, error, now));
  }

  @Override
  public synchronized boolean release(Claim claim, String error, Instant now) {
    return change(claim, e -> e.released(error, now));
  }

  /**
   * Applies {@code change} if {@code claim} still holds its entry (same owner and token, not
   * finished); false if it was lost.
   */
  private boolean change(Claim claim, UnaryOperator<Entry> change) {
    Entry e = entries.get(claim.key());
    boolean held =
        e != null
            && e.state() == State.CLAIMED
            && claim.owner().equals(e.owner())
            && claim.fence() == e.fence();
    if (held) {
      put(change.apply(e));
    }
    return held;
  }

  @Override
  public synchronized List<String> unfinished(Instant pendingBefore, Instant now, int limit) {
    return entries.values().stream()
        .filter(e -> e.post() != null)
        .filter(
            e ->
                switch (e.state()) {
                  case PENDING -> e.updated().isBefore(pendingBefore);
                  case RETRY -> true;
                  case CLAIMED -> e.lapsed(now);
                  case SENT, FAILED -> false;
                })
        .sorted(Comparator.comparing(Entry::updated))
        .limit(limit)
        .map(Entry::key)
        .toList();
  }

  @Override
  public synchronized int forget(String prefix, Instant finishedBefore) {
    int before = entries.size();
    entries
        .values()
        .removeIf(
            e ->
                e.key().startsWith(prefix)
                    && e.updated().isBefore(finishedBefore)
                    && e.state().finished());
    if (entries.size() < before) {
      rewrite();
    }
    return before - entries.size();
  }

  private void put(Entry e) {
    entries.change(e);
    try {
      String line = JSON.writeValueAsString(e);
      journal.write(line);
      journal.newLine();
      journal.flush(); // in the OS's hands: survives the process being killed
      lines++;
      if (tail != null) {
        tail.add(line);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "Cannot write the ledger " + file + ": " + ex.getMessage(), ex);
    }
    compactIfMostlySuperseded();
  }

  private void compactIfMostlySuperseded() {
    if (tail == null && lines > 1_000 + 2 * entries.size()) {
      compactInBackground();
    }
  }

  /**
   * Compaction without stopping posts: the entries as they are now are written to a new file by
   * another thread, while changes go on being appended to the journal and remembered (the tail);
   * then, briefly under the lock, the tail is added and the new file swapped in. Until the swap the
   * old journal holds everything, after it the new one does.
   */
  private void compactInBackground() {
    List<Entry> snapshot = List.copyOf(entries.values());
    tail = new ArrayList<>();
    try {
      compactor.execute(() -> swapIn(snapshot));
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      tail = null; // closing: close() compacts
    }
  }

  private void swapIn(List<Entry> snapshot) {
    Path next = file.resolveSibling(file.getFileName() + ".compacting");
    try {
      Journals.write(next, snapshot, List.of(), false);
      synchronized (this) {
        Journals.write(next, List.of(), tail, true);
        journal.close();
        Journals.swap(next, file);
        journal = Journals.appender(file);
        lines = snapshot.size() + tail.size();
        tail = null;
        if (forgotten) {
          forgotten = false;
          compact(); // entries forgotten meanwhile may be in the snapshot
        }
        compactIfMostlySuperseded(); // the tail alone may be long enough: changes came fast
      }
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        tail = null; // the old journal still holds everything
      }
      log.warn("Compacting the ledger {} failed; it stays as it is: {}", file, e.getMessage());
    }
  }

  private void rewrite() {
    if (tail != null) {
      forgotten = true; // compacted again once the running compaction is done
      return;
    }
    try {
      compact();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot compact the ledger " + file + ": " + e.getMessage(), e);
    }
  }

  /** One line per entry, swapped in atomically: a crash leaves the old journal or the new one. */
  private void compact() throws IOException {
    if (journal != null) {
      journal.close();
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Journals.write(tmp, entries.values(), List.of(), false);
    Journals.swap(tmp, file);
    lines = entries.size();
    journal = Journals.appender(file);
  }

  @Override
  public void close() {
    Timers.stop(compactor, java.time.Duration.ofSeconds(10)); // outside the lock it needs
    synchronized (this) {
      try {
        if (lines > entries.size()) {
          compact(); // so the next start reads one line per entry, not every change since the last
        }
        journal.close();
      } catch (IOException e) {
        log.warn("Closing the ledger {}: {}", file, e.getMessage());
      }
    }
  }
}
