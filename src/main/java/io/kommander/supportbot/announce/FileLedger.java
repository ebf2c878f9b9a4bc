package io.kommander.supportbot.announce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The embedded ledger: one JSON file under {@code DATA_DIR}, rewritten atomically (temp file, then
 * rename) after every change, so a crash leaves the old file or the new one, never half of one. For
 * one replica; several replicas share {@link PostgresLedger}.
 */
public final class FileLedger implements Ledger {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final Path file;
  private final Map<String, Entry> entries;

  public FileLedger(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      entries =
          Files.exists(file)
              ? JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Entry>>() {})
              : new TreeMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the announcement ledger " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public synchronized boolean claim(String key, String owner, Instant now) {
    Entry e = entries.get(key);
    if (e != null && e.state() != State.RETRY) {
      return false;
    }
    return put(
        new Entry(key, State.CLAIMED, owner, now, null, e == null ? null : e.error(), attempts(e)));
  }

  @Override
  public synchronized boolean takeOver(String key, String owner, Instant staleBefore, Instant now) {
    Entry e = entries.get(key);
    if (e == null || e.state() != State.CLAIMED || !e.updated().isBefore(staleBefore)) {
      return false;
    }
    return put(new Entry(key, State.CLAIMED, owner, now, null, e.error(), e.attempts()));
  }

  @Override
  public synchronized void sent(String key, String slackTs, Instant now) {
    finish(key, State.SENT, slackTs, null, now);
  }

  @Override
  public synchronized void failed(String key, String error, Instant now) {
    finish(key, State.FAILED, null, error, now);
  }

  /** A post attempt ended for good: keep the owner, count the attempt. */
  private void finish(String key, State state, String slackTs, String error, Instant now) {
    Entry e = entries.get(key);
    put(new Entry(key, state, e == null ? null : e.owner(), now, slackTs, error, attempts(e) + 1));
  }

  @Override
  public synchronized void release(String key, String error, Instant now) {
    Entry e = entries.get(key);
    put(new Entry(key, State.RETRY, null, now, null, error, attempts(e) + 1));
  }

  private static int attempts(Entry e) {
    return e == null ? 0 : e.attempts();
  }

  private boolean put(Entry e) {
    entries.put(e.key(), e);
    write();
    return true;
  }

  private void write() {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), entries);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the announcement ledger " + file + ": " + e.getMessage(), e);
    }
  }
}
