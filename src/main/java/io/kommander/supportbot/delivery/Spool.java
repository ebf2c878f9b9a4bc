package io.kommander.supportbot.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kommander.supportbot.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts accepted while the ledger could not take them, kept in a file under {@code DATA_DIR} until
 * it can: one JSON line per post, appended and flushed before the event is acknowledged, so a
 * process killed meanwhile keeps them (as the file ledger's journal does). A drain first moves the
 * file aside (new posts go to a fresh one), then hands each post to the ledger; a drain cut short
 * leaves the moved file for the next, which hands its posts over again (the ledger's key makes that
 * harmless).
 */
final class Spool {
  private static final Logger log = LoggerFactory.getLogger(Spool.class);

  private final Path file;
  private final Path draining;
  private final AtomicInteger waiting = new AtomicInteger();
  private final Object drainLock = new Object();
  private BufferedWriter out;

  Spool(Path file) {
    this.file = file;
    this.draining = file.resolveSibling(file.getFileName() + ".draining");
    waiting.set(lines(file).size() + lines(draining).size());
  }

  /** Posts kept and not yet handed to the ledger. */
  int waiting() {
    return waiting.get();
  }

  synchronized void append(Post post) throws IOException {
    if (out == null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE);
    }
    out.write(Json.write(post));
    out.newLine();
    out.flush(); // in the OS's hands before the ack: survives the process being killed
    waiting.incrementAndGet();
  }

  /**
   * Hands each kept post to {@code take}, oldest first, and forgets them once all were taken. If
   * {@code take} throws (the ledger is still down), the rest stay for the next drain.
   */
  void drain(Consumer<Post> take) {
    synchronized (drainLock) {
      try {
        if (!moveAside()) {
          return;
        }
        List<String> lines = lines(draining);
        posts(draining, lines).forEach(take);
        Files.delete(draining);
        waiting.addAndGet(-lines.size());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot drain the spool " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** True if there is a file to drain: one a drain left, or the current one moved aside now. */
  private synchronized boolean moveAside() throws IOException {
    if (Files.exists(draining)) {
      return true;
    }
    if (!Files.exists(file)) {
      return false;
    }
    if (out != null) {
      out.close();
      out = null;
    }
    Files.move(file, draining, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  /** The posts of {@code path}'s lines; one cut short by a crash, or unreadable, is skipped. */
  private static List<Post> posts(Path path, List<String> lines) {
    return lines.stream()
        .map(
            line -> {
              try {
                return Json.MAPPER.readValue(line, Post.class);
              } catch (JsonProcessingException e) {
                log.error("Skipping an unreadable line of the spool {}: {}", path, e.getMessage());
                return null;
              }
            })
        .filter(p -> p != null)
        .toList();
  }

  private static List<String> lines(Path path) {
    try {
      return Files.exists(path)
          ? Files.readAllLines(path, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .toList()
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the spool " + path + ": " + e.getMessage(), e);
    }
  }
}
