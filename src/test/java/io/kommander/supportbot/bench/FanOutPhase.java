package io.kommander.supportbot.bench;

import static io.kommander.supportbot.bench.Traffic.Kind.SLASH;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.bench.AppProcess.App;
import io.kommander.supportbot.delivery.Schema;
import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.delivery.Subscriptions.Subscription;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An end-of-support day for {@code load.fanOutChannels} (1,000) subscribed channels, delivered by
 * two replicas on one PostgreSQL against a Slack stub that answers 429 with {@code Retry-After}
 * past about one post a second per channel and takes {@code load.fanOutPostMillis} (100) per post.
 * The slash command's p99 at the fixed rate is measured idle and then while the fan-out runs.
 */
final class FanOutPhase {
  /** What one fan-out came to. */
  record Outcome(
      int channels,
      long delivered,
      long duplicates,
      long rateLimited,
      Duration span,
      Duration ideal,
      Result idle,
      Result during) {}

  private final int channels = Integer.getInteger("load.fanOutChannels", 1_000);
  private final Duration postTime =
      Duration.ofMillis(Integer.getInteger("load.fanOutPostMillis", 100));
  private final int rate;
  private final Duration length;
  private final Path logs;

  FanOutPhase(int rate, Duration length, Path logs) {
    this.rate = rate;
    this.length = length;
    this.logs = logs;
  }

  Outcome run(List<String> flags, Map<String, String> baseEnv, SlackApiStub slack)
      throws Exception {
    Path catalog = logs.resolve("fan-out-releases.yaml");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    writeCatalog(catalog, today.plusDays(1)); // NKP 2.15 ends tomorrow: nothing due yet
    Path announcing =
        Files.writeString(
            logs.resolve("fan-out-announcements.yaml"),
            "enabled: true\nchannels: []\nleadDays: [30]\ntime: \"00:00\"\nzone: UTC\n"
                + "maxLateDays: 3\nlookEverySeconds: 60\nclaimTimeoutSeconds: 60\n");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      Schema.migrate(pg.getPostgresDatabase());
      Subscriptions subscribed = Subscriptions.postgres(pg.getPostgresDatabase());
      for (int i = 0; i < channels; i++) {
        subscribed.add(
            new Subscription(String.format("C0FAN%05d", i), "2.15", "U0LOAD", Instant.now()));
      }
      Map<String, String> env = new HashMap<>(baseEnv);
      env.put("LEDGER_DATABASE_URL", pg.getJdbcUrl("postgres", "postgres"));
      env.put("CATALOG_FILE", catalog.toString());
      env.put("CATALOG_RELOAD_SECONDS", "1");
      env.put("ANNOUNCE_CONFIG", announcing.toString());
      env.put("UPSTREAM_TAGS_URL", "off");
      env.put("DATA_DIR", logs.resolve("fan-out-data-a").toString());
      try (AppProcess a = AppProcess.launch(App.BOT, flags, env, logs.resolve("fan-out-a.log"))) {
        env.put("DATA_DIR", logs.resolve("fan-out-data-b").toString());
        try (AppProcess b = AppProcess.launch(App.BOT, flags, env, logs.resolve("fan-out-b.log"))) {
          // Slash commands go to one replica; both deliver the fan-out.
          System.out.printf(
              "Fan-out replicas healthy after %d and %d ms%n",
              a.startup().toMillis(), b.startup().toMillis());
          LoadDriver driver = new LoadDriver(new Traffic(a.baseUrl(), LoadHarness.SECRET));
          driver.fullSpeed(SLASH, 8, Duration.ofSeconds(10)); // compiled before measuring
          Result idle = driver.fixedRate(SLASH, rate, length);
          slack.limitPerChannel(true);
          slack.slowPostsBy(postTime);
          try {
            writeCatalog(catalog, today); // NKP 2.18 ships today: NKP 2.15's day-of post is due
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (slack.topLevelPosts().isEmpty() && System.nanoTime() < deadline) {
              Thread.sleep(5);
            }
            Result during = driver.fixedRate(SLASH, rate, length.dividedBy(2));
            deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (slack.topLevelPosts().size() < channels && System.nanoTime() < deadline) {
              Thread.sleep(50);
            }
            Thread.sleep(2_000); // a duplicate would land by now
            Map<String, Long> perChannel = slack.topLevelPosts();
            long duplicates = perChannel.values().stream().mapToLong(n -> n - 1).sum();
            // Two replicas, each with its announcement threads, each post taking postTime.
            Duration ideal = postTime.multipliedBy(channels).dividedBy(2L * 8);
            return new Outcome(
                channels,
                perChannel.size(),
                duplicates,
                slack.rateLimited(),
                slack.topLevelSpan(),
                ideal,
                idle,
                during);
          } finally {
            slack.limitPerChannel(false);
            slack.slowPostsBy(Duration.ZERO);
          }
        }
      }
    }
  }

  private static void writeCatalog(Path catalog, LocalDate nkp218) throws Exception {
    Path temp = catalog.resolveSibling(catalog.getFileName() + ".tmp");
    Files.writeString(
        temp,
        TestCatalogs.aprilText()
            .replace(
                "\nupgrades:",
                "\n  - kommander: \"2.18\"\n    product: nkp\n    status: planned\n    planned: "
                    + nkp218
                    + "\n\nupgrades:"));
    Files.move(temp, catalog, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static void print(Outcome o) {
    System.out.printf(
        Locale.ROOT,
        "%nFan-out: %d channels subscribed, 2 replicas on one PostgreSQL, Slack taking %d ms per"
            + " post and answering 429 past %d posts per channel in %d s%n"
            + "  delivered to %d channels in %.1f s (first post to last; %.1f s if every post"
            + " thread were busy throughout), %d duplicates, %d answered 429%n"
            + "  slash at %d req/s: p50 %.2f | %.2f ms, p99 %.2f | %.2f ms, max %.1f | %.1f ms"
            + " (idle | during the fan-out), %d | %d failed%n",
        o.channels(),
        Integer.getInteger("load.fanOutPostMillis", 100),
        SlackApiStub.BURST,
        SlackApiStub.BURST,
        o.delivered(),
        o.span().toMillis() / 1000.0,
        o.ideal().toMillis() / 1000.0,
        o.duplicates(),
        o.rateLimited(),
        Integer.getInteger("load.rate", 200),
        o.idle().percentileMillis(0.5),
        o.during().percentileMillis(0.5),
        o.idle().percentileMillis(0.99),
        o.during().percentileMillis(0.99),
        o.idle().maxMillis(),
        o.during().maxMillis(),
        o.idle().failures(),
        o.during().failures());
  }
}
