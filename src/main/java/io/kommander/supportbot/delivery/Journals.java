package io.kommander.supportbot.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.kommander.supportbot.delivery.Ledger.Entry;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file side of {@link FileLedger}'s journal: JSON lines, appended or swapped in whole. */
final class Journals {
  private static final Logger log = LoggerFactory.getLogger(Journals.class);

  private Journals() {}

  /** What reading a journal found: how many lines, and whether the last was cut short. */
  record Read(int lines, boolean torn) {}

  /**
   * Reads {@code file} into {@code entries}: the last line for a key wins, and the order is that of
   * the last change. A last line cut short by a crash is skipped; any other bad line is an error.
   */
  static Read read(Path file, Map<String, Entry> entries) throws IOException {
    int lines = 0;
    boolean torn = false;
    if (!Files.exists(file)) {
      return new Read(0, false);
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      while (line != null) {
        String next = in.readLine();
        lines++;
        if (!line.isBlank()) {
          try {
            Entry e = Json.MAPPER.readValue(line, Entry.class);
            entries.remove(e.key()); // re-insert: iteration order is the order of the last change
            entries.put(e.key(), e);
            torn = false;
          } catch (JsonProcessingException cut) {
            if (next != null) {
              throw new IOException(
                  "line " + lines + " is not an entry: " + cut.getOriginalMessage());
            }
            log.warn("Skipping the ledger's last line, cut short by a crash: {}", file);
            torn = true;
          }
        }
        line = next;
      }
    }
    return new Read(lines, torn);
  }

  /** The entries of the whole-file ledger earlier versions kept, if there is one. */
  static Collection<Entry> legacy(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      Map<String, Entry> old =
          Json.MAPPER.readValue(file.toFile(), new TypeReference<TreeMap<String, Entry>>() {});
      log.info("Took over {} entries from {}", old.size(), file);
      return old.values();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the old ledger " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes one line per entry, then {@code lines} as they are; appended or in a new file. */
  static void write(Path target, Collection<Entry> entries, List<String> lines, boolean append)
      throws IOException {
    try (BufferedWriter out =
        append
            ? Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.APPEND)
            : Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      for (Entry e : entries) {
        out.write(Json.MAPPER.writeValueAsString(e));
        out.newLine();
      }
      for (String line : lines) {
        out.write(line);
        out.newLine();
      }
    }
  }

  /** Replaces {@code file} with {@code next} atomically: a crash leaves one or the other. */
  static void swap(Path next, Path file) throws IOException {
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static BufferedWriter appender(Path file) throws IOException {
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }
}
