package io.kommander.supportbot.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sql.DataSource;

/**
 * Where the watcher's state lives: a JSON file in {@code DATA_DIR} (one replica), or one row in
 * PostgreSQL (every replica reads and merges the same found releases).
 */
public interface UpstreamStore {
  /** Versions as strings both ways; ISO dates and instants. */
  ObjectMapper JSON = Json.MAPPER.copy().registerModule(CatalogLoader.versions());

  UpstreamState load();

  void save(UpstreamState state);

  /** {@code DATA_DIR/upstream.json}, replaced atomically so a crash leaves the old or the new. */
  static UpstreamStore file(Path dataDir) {
    Path file = dataDir.resolve("upstream.json");
    return new UpstreamStore() {
      @Override
      public UpstreamState load() {
        try {
          return JSON.readValue(Files.readString(file), UpstreamState.class);
        } catch (NoSuchFileException e) {
          return UpstreamState.EMPTY;
        } catch (IOException e) {
          throw new IllegalStateException(file + " cannot be read: " + e.getMessage(), e);
        }
      }

      @Override
      public void save(UpstreamState state) {
        try {
          Files.createDirectories(dataDir);
          Path tmp = Files.createTempFile(dataDir, "upstream", ".tmp");
          Files.writeString(tmp, JSON.writeValueAsString(state));
          Files.move(
              tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new IllegalStateException(file + " cannot be written: " + e.getMessage(), e);
        }
      }
    };
  }

  /** One row of table {@code upstream_state}, created if missing. */
  static UpstreamStore postgres(DataSource db) {
    return new PostgresUpstreamStore(db);
  }
}
