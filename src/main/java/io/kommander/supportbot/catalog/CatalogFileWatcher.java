package io.kommander.supportbot.catalog;

import io.kommander.supportbot.timing.Timers;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the catalog file on an interval and swaps in a valid change; an invalid one is logged
 * and the last good catalog stays. Polling the content (not file events) works the same on bind
 * mounts and Kubernetes ConfigMaps, whose updates are symlink swaps that file watchers miss.
 */
public final class CatalogFileWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CatalogFileWatcher.class);

  private final Path file;
  private final LiveCatalog live;
  private final CatalogLoader loader = new CatalogLoader();
  private final ScheduledExecutorService timer = Timers.daemon("catalog-watcher");
  private byte[] lastSeen;

  /** The last reason the file could not be read, so it is logged once, not every interval. */
  private String unreadable;

  public CatalogFileWatcher(Path file, LiveCatalog live) {
    this.file = file;
    this.live = live;
  }

  public CatalogFileWatcher start(Duration interval) {
    lastSeen = read();
    timer.scheduleWithFixedDelay(
        this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One look at the file (the timer's, and a test's). */
  synchronized void check() {
    byte[] bytes = read();
    if (bytes == null || Arrays.equals(bytes, lastSeen)) {
      return;
    }
    lastSeen = bytes;
    try {
      if (live.replace(
          loader.parse(
              file.toString(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8)))) {
        log.info("Catalog reloaded from {} (version {})", file, live.catalog().version());
        reloads("changed");
      }
    } catch (CatalogException e) {
      reloads("refused");
      log.error(
          "Catalog change refused, keeping version {}: {}",
          live.catalog().version(),
          e.getMessage());
    }
  }

  private byte[] read() {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (unreadable != null) {
        log.info("Catalog {} is readable again", file);
        unreadable = null;
      }
      return bytes;
    } catch (IOException e) {
      String why = why(e);
      reloads("unreadable");
      if (!why.equals(unreadable)) {
        log.warn("Cannot read catalog {}: {}; keeping the last good one", file, why);
        unreadable = why;
      }
      return null;
    }
  }

  /** The reason in words: Java's messages for these are just the path again. */
  static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "the file is gone (deleted, renamed, or its mount changed)";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** {@code catalog_reloads_total}: each change seen in the file, by what came of it. */
  private static void reloads(String outcome) {
    Metrics.counter("catalog.reloads", "source", "file", "outcome", outcome).increment();
  }
}
