package io.kommander.supportbot.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.json.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private BufferedWriter journal;
  private int lines;

  /** The journal in {@code dataDir}, taking over the whole-file ledger of earlier versions. */
  public static FileLedger in(Path dataDir) {
    FileLedger ledger = new FileLedger(dataDir.resolve("outbox.jsonl"));
    Path legacy = dataDir.resolve("announcement-ledger.json");
    if (ledger.entries.isEmpty() && Files.exists(legacy)) {
      try {
        Map<String, Entry> old =
            JSON.readValue(legacy.toFile(), new TypeReference<TreeMap<String, Entry>>() {});
        old.values().forEach(ledger::put);
        log.info("Took over {} entries from {}", old.size(), legacy);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read the old ledger " + legacy + ": " + e.getMessage(), e);
      }
    }
    return ledger;
  }

  public FileLedger(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      boolean torn = false;
      if (Files.exists(file)) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String line = in.readLine();
          while (line != null) {
            String next = in.readLine();
            torn = !read(line, ++lines, next == null);
            line = next;
          }
        }
      }
      if (torn || !Files.exists(file)) {
        compact(); // drops the torn line, so appends start on a line of their own
      } else {
        journal = appender();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ledger " + file + ": " + e.getMessage(), e);
    }
  }

  /** False for a last line cut short. */
  private boolean read(String line, int number, boolean last) throws IOException {
    if (line.isBlank()) {
      return true;
    }
    try {
      Entry e = JSON.readValue(line, Entry.class);
      entries.remove(e.key()); // re-insert: iteration order is the order of the last change
      entries.put(e.key(), e);
      return true;
    } catch (JsonProcessingException torn) {
      if (!last) {
        throw new IOException("line " + number + " is not an entry: " + torn.getOriginalMessage());
      }
      log.warn("Skipping the ledger's last line, cut short by a crash: {}", file);
      return false;
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
      put(new Entry(post.key(), State.PENDING, null, now, null, null, 0, post));
      return true;
    }
    if (e.post() == null && e.state() != State.SENT && e.state() != State.FAILED) {
      put(
          new Entry(
              e.key(),
              e.state(),
              e.owner(),
              e.updated(),
              e.slackTs(),
              e.error(),
              e.attempts(),
              post));
    }
    return false;
  }

  @Override
  public synchronized boolean claim(String key, String owner, Instant now) {
    Entry e = entries.get(key);
    if (e == null || (e.state() != State.PENDING && e.state() != State.RETRY)) {
      return false;
    }
    put(new Entry(key, State.CLAIMED, owner, now, null, e.error(), e.attempts(), e.post()));
    return true;
  }

  @Override
  public synchronized boolean takeOver(String key, String owner, Instant staleBefore, Instant now) {
    Entry e = entries.get(key);
    if (e == null || e.state() != State.CLAIMED || !e.updated().isBefore(staleBefore)) {
      return false;
    }
    put(new Entry(key, State.CLAIMED, owner, now, null, e.error(), e.attempts(), e.post()));
    return true;
  }

  @Override
  public synchronized void sent(String key, String slackTs, Instant now) {
    finish(key, State.SENT, slackTs, null, now);
  }

  @Override
  public synchronized void failed(String key, String error, Instant now) {
    finish(key, State.FAILED, null, error, now);
  }

  /**
   * A post attempt ended for good: keep the owner, count the attempt, and drop the content (a day
   * of replies kept whole would fill the heap; the key is what stops a second post).
   */
  private void finish(String key, State state, String slackTs, String error, Instant now) {
    Entry e = entries.get(key);
    put(new Entry(key, state, owner(e), now, slackTs, error, attempts(e) + 1, null));
  }

  @Override
  public synchronized void release(String key, String error, Instant now) {
    Entry e = entries.get(key);
    put(new Entry(key, State.RETRY, null, now, null, error, attempts(e) + 1, post(e)));
  }

  @Override
  public synchronized List<String> unfinished(
      Instant pendingBefore, Instant staleBefore, int limit) {
    return entries.values().stream()
        .filter(e -> e.post() != null)
        .filter(
            e ->
                switch (e.state()) {
                  case PENDING -> e.updated().isBefore(pendingBefore);
                  case RETRY -> true;
                  case CLAIMED -> e.updated().isBefore(staleBefore);
                  case SENT, FAILED -> false;
                })
        .sorted(Comparator.comparing(Entry::updated))
        .limit(limit)
        .map(Entry::key)
        .toList();
  }

  @Override
  public synchronized int forget(String prefix, Instant finishedBefore) {
    List<String> gone = new ArrayList<>();
    entries.values().stream()
        .filter(e -> e.key().startsWith(prefix) && e.updated().isBefore(finishedBefore))
        .filter(e -> e.state() == State.SENT || e.state() == State.FAILED)
        .forEach(e -> gone.add(e.key()));
    gone.forEach(entries::remove);
    if (!gone.isEmpty()) {
      rewrite();
    }
    return gone.size();
  }

  private static int attempts(Entry e) {
    return e == null ? 0 : e.attempts();
  }

  private static String owner(Entry e) {
    return e == null ? null : e.owner();
  }

  private static Post post(Entry e) {
    return e == null ? null : e.post();
  }

  private void put(Entry e) {
    entries.remove(e.key());
    entries.put(e.key(), e);
    try {
      journal.write(JSON.writeValueAsString(e));
      journal.newLine();
      journal.flush(); // in the OS's hands: survives the process being killed
      lines++;
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "Cannot write the ledger " + file + ": " + ex.getMessage(), ex);
    }
    if (lines > 1_000 + 2 * entries.size()) {
      rewrite();
    }
  }

  private void rewrite() {
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
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Entry e : entries.values()) {
        out.write(JSON.writeValueAsString(e));
        out.newLine();
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    lines = entries.size();
    journal = appender();
  }

  private BufferedWriter appender() throws IOException {
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  @Override
  public synchronized void close() {
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
