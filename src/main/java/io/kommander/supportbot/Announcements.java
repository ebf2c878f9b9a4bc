package io.kommander.supportbot;

import io.kommander.supportbot.announce.AnnouncementScheduler;
import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.announce.AnnouncementSettingsLoader;
import io.kommander.supportbot.announce.FileLedger;
import io.kommander.supportbot.announce.Ledger;
import io.kommander.supportbot.announce.PostgresLedger;
import io.kommander.supportbot.announce.SlackPoster;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.slack.SlackClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the announcement scheduler from configuration, or says why there is none. */
public final class Announcements {
  private static final Logger log = LoggerFactory.getLogger(Announcements.class);

  private Announcements() {}

  public static Optional<AnnouncementScheduler> start(
      Config config, LiveCatalog live, Clock clock) {
    AnnouncementSettings settings =
        AnnouncementSettingsLoader.load(config.announceConfig(), config.announceChannels());
    if (!settings.active() || config.botToken().isEmpty()) {
      log.info(
          "Announcements are off: {}",
          settings.enabled()
              ? "set ANNOUNCE_CHANNELS (and SLACK_BOT_TOKEN)"
              : "disabled in " + config.announceConfig());
      return Optional.empty();
    }
    SlackPoster poster =
        new SlackPoster(
            SlackClients.forApi(config.slackApiUrl()).methods(config.botToken().get()),
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60));
    Ledger ledger;
    if (config.ledgerDatabaseUrl().isPresent()) {
      PGSimpleDataSource db = new PGSimpleDataSource();
      db.setURL(config.ledgerDatabaseUrl().get());
      ledger = new PostgresLedger(db);
    } else {
      ledger = new FileLedger(config.dataDir().resolve("announcement-ledger.json"));
    }
    AnnouncementScheduler scheduler =
        new AnnouncementScheduler(live, settings, ledger, poster, clock, settings.claimTimeout());
    live.onChange(c -> scheduler.wake()); // a moved planned date reschedules at once
    log.info(
        "Announcements on: {} channel(s), {} days ahead and on the day at {} {}",
        settings.channels().size(),
        settings.leadDays(),
        settings.time(),
        settings.zone());
    return Optional.of(scheduler.start(settings.lookEvery()));
  }
}
