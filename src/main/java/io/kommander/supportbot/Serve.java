package io.kommander.supportbot;

import io.kommander.supportbot.announce.AnnouncementScheduler;
import io.kommander.supportbot.catalog.CatalogFileWatcher;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.catalog.FreshnessLog;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.catalog.RemoteCatalogClient;
import io.kommander.supportbot.catalog.RemoteCatalogSync;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.timing.Timers;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}: the live catalog (a watched file, or a remote policy service with the file as
 * fallback) and the bot on top of it. Closing stops everything, the server last-in-first-out.
 */
public final class Serve implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Serve.class);
  private static final Duration REMOTE_POLL = Duration.ofSeconds(30);
  private static final Duration REMOTE_STALE_AFTER = Duration.ofMinutes(2);

  private final LiveCatalog live;
  private final AutoCloseable catalogSource;
  private final Bot bot;
  private final Optional<AnnouncementScheduler> announcements;
  private final ScheduledExecutorService freshnessTimer = Timers.daemon("catalog-freshness");
  private final AtomicBoolean closed = new AtomicBoolean();

  private Serve(
      LiveCatalog live,
      AutoCloseable catalogSource,
      Optional<AnnouncementScheduler> announcements,
      Bot bot) {
    this.live = live;
    this.catalogSource = catalogSource;
    this.announcements = announcements;
    this.bot = bot;
    // Hourly, so a day that turns the catalog stale is logged within the hour, once.
    freshnessTimer.scheduleWithFixedDelay(new FreshnessLog(live)::check, 0, 1, TimeUnit.HOURS);
  }

  public static Serve start(Config config, Clock clock) throws Exception {
    return start(config, "0.0.0.0", clock);
  }

  public static Serve start(Config config, String host, Clock clock) throws Exception {
    LiveCatalog live;
    AutoCloseable source;
    if (config.policyServiceUrl().isPresent()) {
      RemoteCatalogClient client =
          new RemoteCatalogClient(
              config.policyServiceUrl().get(), Duration.ofSeconds(2), 3, Duration.ofMillis(250));
      RemoteCatalogClient.Result first = client.fetch(null);
      Optional<Catalog> fallback = Optional.empty();
      if (!(first instanceof RemoteCatalogClient.Updated)) {
        fallback = Optional.of(new CatalogLoader().load(config.catalogFile()));
        log.warn(
            "Policy service not available at start ({}); starting from {}",
            first,
            config.catalogFile());
      }
      Catalog initial =
          first instanceof RemoteCatalogClient.Updated u ? u.catalog() : fallback.orElseThrow();
      live = new LiveCatalog(initial, clock);
      RemoteCatalogSync sync =
          new RemoteCatalogSync(
              client,
              live,
              clock,
              REMOTE_STALE_AFTER,
              fallback.isPresent() ? null : clock.instant());
      if (fallback.isPresent()) {
        sync.refresh(); // marks the answers stale until the service answers
      }
      source = sync.start(REMOTE_POLL);
    } else {
      live = new LiveCatalog(new CatalogLoader().load(config.catalogFile()), clock);
      source = new CatalogFileWatcher(config.catalogFile(), live).start(config.catalogReload());
    }
    Optional<AnnouncementScheduler> announcements = Optional.empty();
    try {
      if (config.slackMode() != Config.SlackMode.OFF) {
        announcements = Announcements.start(config, live, clock);
      }
      return new Serve(live, source, announcements, Bot.start(config, host, live, announcements));
    } catch (Exception | Error e) {
      announcements.ifPresent(AnnouncementScheduler::close);
      source.close();
      throw e;
    }
  }

  public Bot bot() {
    return bot;
  }

  public LiveCatalog live() {
    return live;
  }

  /** Idempotent: both the shutdown hook and the caller may close. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    freshnessTimer.shutdownNow();
    bot.close(); // in-flight requests finish first
    announcements.ifPresent(AnnouncementScheduler::close); // lets a post in progress complete
    try {
      catalogSource.close();
    } catch (Exception e) {
      log.warn("Catalog source did not stop cleanly: {}", e.getMessage());
    }
  }
}
