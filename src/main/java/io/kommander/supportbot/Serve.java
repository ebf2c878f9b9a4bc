package io.kommander.supportbot;

import io.kommander.supportbot.announce.AnnouncementScheduler;
import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.catalog.CatalogSource;
import io.kommander.supportbot.catalog.FreshnessLog;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.metrics.BotMetrics;
import io.kommander.supportbot.slack.SlackClients;
import io.kommander.supportbot.slack.SlackConnection;
import io.kommander.supportbot.timing.Timers;
import io.kommander.supportbot.upstream.GitHubTags;
import io.kommander.supportbot.upstream.UpstreamSettings;
import io.kommander.supportbot.upstream.UpstreamStore;
import io.kommander.supportbot.upstream.UpstreamWatcher;
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

  private final LiveCatalog live;
  private final CatalogSource catalogSource;
  private final Bot bot;
  private final Optional<AnnouncementScheduler> announcements;
  private final Optional<Delivery> delivery;
  private final Optional<Database> db;
  private final Optional<UpstreamWatcher> upstream;
  private final ScheduledExecutorService freshnessTimer = Timers.daemon("catalog-freshness");
  private final AtomicBoolean closed = new AtomicBoolean();

  private Serve(
      LiveCatalog live,
      CatalogSource catalogSource,
      Optional<AnnouncementScheduler> announcements,
      Optional<Delivery> delivery,
      Optional<Database> db,
      Optional<UpstreamWatcher> upstream,
      Bot bot) {
    this.live = live;
    this.db = db;
    this.upstream = upstream;
    this.catalogSource = catalogSource;
    this.announcements = announcements;
    this.delivery = delivery;
    this.bot = bot;
    // Hourly, so a day that turns the catalog stale is logged within the hour, once.
    freshnessTimer.scheduleWithFixedDelay(new FreshnessLog(live)::check, 0, 1, TimeUnit.HOURS);
  }

  public static Serve start(Config config, Clock clock) throws Exception {
    return start(config, "0.0.0.0", clock);
  }

  public static Serve start(Config config, String host, Clock clock) throws Exception {
    // What start-up spends most on besides the catalog needs nothing from it: the Web API
    // client's TLS set-up (reading the JDK's CA certificates) and the metrics registry with its JVM
    // binders. The other core builds them meanwhile; both are made once per process, so whoever
    // asks first builds them and the other waits (and reports any failure itself).
    Thread early =
        new Thread(
            () -> {
              try {
                if (config.slackMode() != Config.SlackMode.OFF) {
                  SlackClients.forApi(config.slackApiUrl());
                }
                BotMetrics.registry();
              } catch (RuntimeException | LinkageError e) {
                log.debug("Early set-up failed; the main thread does it again", e);
              }
            },
            "early-setup");
    early.setDaemon(true);
    early.start();
    CatalogSource source =
        config.policyServiceUrl().isPresent()
            ? CatalogSource.remote(config.policyServiceUrl().get(), config.catalogFile(), clock)
            : CatalogSource.file(config.catalogFile(), config.catalogReload(), clock);
    LiveCatalog live = source.live();
    Optional<SlackConnection> slack = Optional.empty();
    Optional<Database> db = Optional.empty();
    Optional<AnnouncementScheduler> announcements = Optional.empty();
    Optional<Delivery> delivery = Optional.empty();
    Optional<UpstreamWatcher> upstream = Optional.empty();
    try {
      slack = Bot.connect(config); // a refused token stops here, before any thread starts
      db = Database.open(config);
      if (config.slackMode() != Config.SlackMode.OFF) {
        AnnouncementSettings settings = Bot.settings(config);
        delivery = Delivery.open(config, settings, clock, db.map(Database::pool));
        announcements = Announcements.start(config, settings, live, clock, delivery);
      }
      Bot bot = Bot.start(config, host, live, new Bot.Parts(announcements, delivery, db, slack));
      // After the bot, whose metrics registry its gauges join.
      upstream = Optional.of(watcher(config, live, clock, delivery, db));
      return new Serve(live, source, announcements, delivery, db, upstream, bot);
    } catch (Exception | Error e) {
      upstream.ifPresent(UpstreamWatcher::close);
      announcements.ifPresent(AnnouncementScheduler::close);
      delivery.ifPresent(Delivery::close);
      db.ifPresent(Database::close);
      slack.ifPresent(SlackConnection::close);
      source.close();
      throw e;
    }
  }

  /**
   * The upstream watcher, on by default. What it found lives in PostgreSQL when {@code
   * LEDGER_DATABASE_URL} is set (with or without Slack: every replica answers from the same finds),
   * else in {@code DATA_DIR}; {@code UPSTREAM_TAGS_URL=off} stops the looking, not the knowing.
   */
  private static UpstreamWatcher watcher(
      Config config,
      LiveCatalog live,
      Clock clock,
      Optional<Delivery> delivery,
      Optional<Database> db) {
    UpstreamSettings s = config.upstream();
    UpstreamStore store =
        db.map(d -> UpstreamStore.postgres(d.pool()))
            .orElseGet(() -> UpstreamStore.file(config.dataDir()));
    UpstreamWatcher watcher =
        new UpstreamWatcher(
            s.tagsUrl().map(url -> new GitHubTags(url, s.token(), Duration.ofSeconds(10))),
            store,
            live,
            clock,
            s.every(),
            delivery.map(Delivery::outbox),
            s.maintainersChannel());
    BotMetrics.measure("upstream-watcher", watcher::bindTo);
    return watcher.start();
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
    upstream.ifPresent(UpstreamWatcher::close);
    announcements.ifPresent(AnnouncementScheduler::close);
    delivery.ifPresent(Delivery::close); // lets posts in progress complete
    db.ifPresent(Database::close);
    catalogSource.close();
  }
}
