package io.kommander.supportbot.catalog;

import io.kommander.supportbot.policy.Catalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the live catalog comes from, started: a watched file, or a remote policy service with the
 * file as the fallback. Closing stops the watching or syncing.
 */
public record CatalogSource(LiveCatalog live, AutoCloseable watcher) implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CatalogSource.class);
  static final Duration REMOTE_POLL = Duration.ofSeconds(30);
  static final Duration REMOTE_STALE_AFTER = Duration.ofMinutes(2);

  /** The file, re-read every {@code reload}; a valid change swaps in live. */
  public static CatalogSource file(Path file, Duration reload, Clock clock) {
    LiveCatalog live = new LiveCatalog(new CatalogLoader().load(file), clock);
    return new CatalogSource(live, new CatalogFileWatcher(file, live).start(reload));
  }

  /**
   * Synced from another instance's {@code /api/v1/catalog} every 30 s. If the service is down at
   * start, the local file serves, marked stale until the service answers.
   */
  public static CatalogSource remote(String url, Path fallbackFile, Clock clock) {
    RemoteCatalogClient client =
        new RemoteCatalogClient(url, Duration.ofSeconds(2), 3, Duration.ofMillis(250));
    RemoteCatalogClient.Result first = client.fetch(null);
    Optional<Catalog> fromService =
        first instanceof RemoteCatalogClient.Updated u
            ? Optional.of(u.catalog())
            : Optional.empty();
    if (fromService.isEmpty()) {
      log.warn("Policy service not available at start ({}); starting from {}", first, fallbackFile);
    }
    LiveCatalog live =
        new LiveCatalog(fromService.orElseGet(() -> new CatalogLoader().load(fallbackFile)), clock);
    RemoteCatalogSync sync =
        new RemoteCatalogSync(
            client,
            live,
            clock,
            REMOTE_STALE_AFTER,
            fromService.isPresent() ? clock.instant() : null);
    if (fromService.isEmpty()) {
      sync.refresh(); // marks the answers stale until the service answers
    }
    return new CatalogSource(live, sync.start(REMOTE_POLL));
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (Exception e) {
      log.warn("Catalog source did not stop cleanly: {}", e.getMessage());
    }
  }
}
