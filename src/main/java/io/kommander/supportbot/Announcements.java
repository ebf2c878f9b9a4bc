package io.kommander.supportbot;

import io.kommander.supportbot.announce.AnnouncementScheduler;
import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.catalog.LiveCatalog;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the announcement scheduler from configuration, or says why there is none. */
public final class Announcements {
  private static final Logger log = LoggerFactory.getLogger(Announcements.class);

  private Announcements() {}

  static Optional<AnnouncementScheduler> start(
      Config config,
      AnnouncementSettings settings,
      LiveCatalog live,
      Clock clock,
      Optional<Delivery> delivery) {
    if (!settings.enabled() || delivery.isEmpty()) {
      log.info(
          "Announcements are off: {}",
          settings.enabled() ? "set SLACK_BOT_TOKEN" : "disabled in " + config.announceConfig());
      return Optional.empty();
    }
    AnnouncementScheduler scheduler =
        new AnnouncementScheduler(
            live, settings, delivery.get().outbox(), delivery.get().subscriptions(), clock);
    live.onChange(c -> scheduler.wake()); // a moved planned date reschedules at once
    log.info(
        "Announcements on: {} configured channel(s) and {} subscribed, {} days ahead and on the day"
            + " at {} {}",
        settings.channels().size(),
        scheduler.subscribedChannels(),
        settings.leadDays(),
        settings.time(),
        settings.zone());
    return Optional.of(scheduler.start(settings.lookEvery()));
  }
}
