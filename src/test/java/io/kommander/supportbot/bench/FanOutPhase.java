package io.kommander.supportbot.bench;

import static io.kommander.supportbot.bench.Traffic.Kind.SLASH;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.bench.AppProcess.App;
import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.delivery.Subscriptions.Subscription;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
      Result during,
      Result later,
      long postsAtLater,
      Result mentionsIdle,
      Result mentionsDuring) {}

  /** Mentions a second, beside the slash commands, to see their acks during the fan-out. */
  static final int MENTIONS_PER_SECOND = 20;

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
    writeCatalog(catalog, LocalDate.now(ZoneOffset.UTC)); // NKP 2.18 ships today: 2.15 ends
    // The day-of post goes out at a time of day, as in production: a minute from now, after the
    // replicas have started, warmed up and been measured idle.
    LocalTime due = LocalTime.now(ZoneOffset.UTC).plusSeconds(60).withNano(0);
    Path announcing =
        Files.writeString(
            logs.resolve("fan-out-announcements.yaml"),
            "enabled: true\nchannels: []\nleadDays: [30]\ntime: \""
                + due
                + "\"\nzone: UTC\nmaxLateDays: 3\nlookEverySeconds: 1\nclaimTimeoutSeconds: 60\n");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      Subscriptions subscribed = Subscriptions.postgres(pg.getPostgresDatabase());
      for (int i = 0; i < channels; i++) {
        subscribed.add(
            new Subscription(String.format("C0FAN%05d", i), "2.15", "U0LOAD", Instant.now()));
      }
      Map<String, String> env = new HashMap<>(baseEnv);
      env.put("LEDGER_DATABASE_URL", pg.getJdbcUrl("postgres", "postgres"));
      env.put("CATALOG_FILE", catalog.toString());
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
          // Compiled before measuring, as a bot that has answered all morning is: slash commands,
          // and mentions, whose replies take the outbox and ledger paths the fan-out takes.
          driver.fullSpeed(SLASH, 8, Duration.ofSeconds(10));
          driver.fullSpeed(Traffic.Kind.MENTION, 8, Duration.ofSeconds(5));
          Thread.sleep(3_000); // their replies drain
          LoadDriver mentions = new LoadDriver(new Traffic(a.baseUrl(), LoadHarness.SECRET));
          var mentionsIdle = beside(mentions, length.dividedBy(2));
          Result idle = driver.fixedRate(SLASH, rate, length);
          slack.limitPerChannel(true);
          slack.slowPostsBy(postTime);
          try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (slack.topLevelPosts().isEmpty() && System.nanoTime() < deadline) {
              Thread.sleep(5);
            }
            var mentionsDuring = beside(mentions, length.dividedBy(2));
            Result during = driver.fixedRate(SLASH, rate, length.dividedBy(2));
            // Its first seconds also compile the fan-out's code; the next are steady state.
            long postsAtLater = slack.topLevelPosts().size();
            Result later = driver.fixedRate(SLASH, rate, length.dividedBy(2));
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
                during,
                later,
                postsAtLater,
                mentionsIdle.join(),
                mentionsDuring.join());
          } finally {
            slack.limitPerChannel(false);
            slack.slowPostsBy(Duration.ZERO);
          }
        }
      }
    }
  }

  /** Mentions at {@link #MENTIONS_PER_SECOND} on another thread, for {@code length}. */
  private static java.util.concurrent.CompletableFuture<Result> beside(
      LoadDriver mentions, Duration length) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return mentions.fixedRate(Traffic.Kind.MENTION, MENTIONS_PER_SECOND, length);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  private static void writeCatalog(Path catalog, LocalDate nkp218) throws Exception {
    Files.writeString(
        catalog,
        TestCatalogs.aprilText()
            .replace(
                "\nupgrades:",
                "\n  - kommander: \"2.18\"\n    product: nkp\n    status: planned\n    planned: "
                    + nkp218
                    + "\n\nupgrades:"));
  }

  static void print(Outcome o) {
    System.out.printf(
        Locale.ROOT,
        "%nFan-out: %d channels subscribed, 2 replicas on one PostgreSQL, Slack taking %d ms per"
            + " post and answering 429 past %d posts per channel in %d s%n"
            + "  delivered to %d channels in %.1f s (first post to last; %.1f s if every post"
            + " thread were busy throughout), %d duplicates, %d answered 429%n"
            + "  slash at %d req/s: p50 %.2f | %.2f ms, p99 %.2f | %.2f ms, max %.1f | %.1f ms"
            + " (idle | during the fan-out), %d | %d failed%n"
            + "  the next %d s (from post %d): p50 %.2f ms, p99 %.2f ms, max %.1f ms%n"
            + "  mention acks at %d/s beside them: p50 %.2f | %.2f ms, p99 %.2f | %.2f ms"
            + " (idle | during the fan-out's first seconds)%n",
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
        o.during().failures(),
        Integer.getInteger("load.seconds", 10) / 2,
        o.postsAtLater(),
        o.later().percentileMillis(0.5),
        o.later().percentileMillis(0.99),
        o.later().maxMillis(),
        MENTIONS_PER_SECOND,
        o.mentionsIdle().percentileMillis(0.5),
        o.mentionsDuring().percentileMillis(0.5),
        o.mentionsIdle().percentileMillis(0.99),
        o.mentionsDuring().percentileMillis(0.99));
  }
}
