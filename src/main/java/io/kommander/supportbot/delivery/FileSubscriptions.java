package io.kommander.supportbot.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kommander.supportbot.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Subscriptions for one replica: held in memory and written whole on each change (a temporary file,
 * then a rename), so a crash leaves the old set or the new one. They are few and change rarely.
 */
final class FileSubscriptions implements Subscriptions {
  private final Path file;
  private final List<Subscription> held = new ArrayList<>();

  FileSubscriptions(Path file) {
    this.file = file;
    try {
      if (Files.exists(file)) {
        held.addAll(
            Json.MAPPER.readValue(file.toFile(), new TypeReference<List<Subscription>>() {}));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized boolean add(Subscription s) {
    if (held.stream().anyMatch(h -> h.channel().equals(s.channel()) && h.line().equals(s.line()))) {
      return false;
    }
    held.add(s);
    save();
    return true;
  }

  @Override
  public synchronized boolean remove(String channel, String line) {
    boolean removed = held.removeIf(h -> h.channel().equals(channel) && h.line().equals(line));
    if (removed) {
      save();
    }
    return removed;
  }

  @Override
  public synchronized int removeChannel(String channel) {
    int before = held.size();
    if (held.removeIf(h -> h.channel().equals(channel))) {
      save();
    }
    return before - held.size();
  }

  @Override
  public synchronized List<Subscription> of(String channel) {
    return held.stream().filter(h -> h.channel().equals(channel)).toList();
  }

  @Override
  public synchronized List<Subscription> all() {
    return held.stream().sorted(Comparator.comparing(Subscription::channel)).toList();
  }

  private void save() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Json.MAPPER.writeValue(temp.toFile(), held);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
