package io.kommander.supportbot.bench;

import static io.kommander.supportbot.bench.Traffic.Kind.MENTION;
import static io.kommander.supportbot.bench.Traffic.Kind.SLASH;

import io.kommander.supportbot.bench.AppProcess.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * {@code mvn -Pload verify}: the bot against bare Bolt, side by side, over loopback. Each round
 * starts both apps afresh (the order alternating), warms them up, and measures slash commands and
 * mentions at full speed and at a fixed rate; the summary is the median over rounds. Each phase
 * also reports CPU time per request, the app's and the harness's own (client and Web API stub).
 *
 * <p>Settings (system properties): {@code load.rounds} (3), {@code load.seconds} per phase (10),
 * {@code load.rate} per second (200), {@code load.connections} at full speed (8), {@code
 * load.warmup} seconds at full speed before measuring, slash commands and mentions taking turns, so
 * both apps are compiled for the mix (30).
 */
public final class LoadHarness {
  static final String SECRET = "bench-signing-secret-0c7f";

  /** In this order: full speed first, so the fixed-rate tails are steady state, not JIT warm-up. */
  enum Phase {
    SLASH_FULL_SPEED(SLASH, false),
    MENTION_FULL_SPEED(MENTION, false),
    SLASH_AT_RATE(SLASH, true),
    MENTION_AT_RATE(MENTION, true);

    final Traffic.Kind kind;
    final boolean fixedRate;

    Phase(Traffic.Kind kind, boolean fixedRate) {
      this.kind = kind;
      this.fixedRate = fixedRate;
    }
  }

  /**
   * One app's round: each phase's result, start-up time, peak memory, and the reply check (mentions
   * acked, replies posted, threads replied in: all three equal when each mention got one reply).
   */
  record Run(
      Map<Phase, Result> phases,
      Map<Phase, CpuPerRequest> cpu,
      Map<Phase, Duration> drained,
      Duration startup,
      double peakRssMb,
      long mentions,
      long posts,
      long threads) {}

  /**
   * CPU microseconds per request in a phase: the app's, and the harness's (its client and the Web
   * API stub). Less noisy than throughput on shared cores, and it shows which side a change moved.
   * NaN where the platform does not report a process's CPU time.
   */
  record CpuPerRequest(double app, double harness) {
    static CpuPerRequest between(
        Optional<Duration> appBefore,
        Optional<Duration> appAfter,
        Optional<Duration> harnessBefore,
        Optional<Duration> harnessAfter,
        long requests) {
      return new CpuPerRequest(
          micros(appBefore, appAfter, requests), micros(harnessBefore, harnessAfter, requests));
    }

    private static double micros(Optional<Duration> before, Optional<Duration> after, long n) {
      return before.isPresent() && after.isPresent() && n > 0
          ? after.get().minus(before.get()).toNanos() / 1e3 / n
          : Double.NaN;
    }
  }

  /** The mention ack while each post takes Slack {@link #SLOW_POST}, and what got replied. */
  record SlowSlack(Result acks, long mentions, long posts, long threads, Duration drained) {}

  static final Duration SLOW_POST = Duration.ofSeconds(5);

  private static final ProcessHandle HARNESS = ProcessHandle.current();

  /** Warm-up turns of slash commands then mentions, {@code load.warmup} seconds in all. */
  private static final int WARMUP_TURNS = 3;

  private final int rounds = Integer.getInteger("load.rounds", 3);
  private final Duration length = Duration.ofSeconds(Integer.getInteger("load.seconds", 10));
  private final int rate = Integer.getInteger("load.rate", 200);
  private final int connections = Integer.getInteger("load.connections", 8);
  private final Duration warmup = Duration.ofSeconds(Integer.getInteger("load.warmup", 30));
  private final Path logs = Path.of("target", "load");

  public static void main(String[] args) throws Exception {
    new LoadHarness().run();
  }

  private void run() throws Exception {
    if (Boolean.getBoolean("load.fanOutOnly")) {
      fanOutOnly();
      return;
    }
    Files.createDirectories(logs);
    List<String> flags = DockerfileFlags.read(Path.of("Dockerfile"));
    Map<App, List<String>> flagsOf =
        Map.of(App.BOT, ClassArchive.trained(flags, logs), App.BARE, ClassArchive.without(flags));
    System.out.printf(
        Locale.ROOT,
        "Load harness: %d rounds; %d req/s for %d s, then full speed on %d connections for %d s%n"
            + "Bot: README's command (config/jvm.options) plus the image's class archive; bare app:"
            + " the same flags without the archive: %s%n"
            + "Machine: %d cores, %s %s, Java %s%n",
        rounds,
        rate,
        length.toSeconds(),
        connections,
        length.toSeconds(),
        String.join(" ", flags),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"));
    Map<App, List<Run>> runs = new EnumMap<>(App.class);
    // Each run starts with an empty journal, which then grows over its rounds (some 60,000
    // replies: a very busy day). Kept from run to run it grew without bound: start-up then
    // measured how many harness runs came before, not the bot.
    Path data = logs.resolve("data");
    if (Files.isDirectory(data)) {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    try (SlackApiStub slack = new SlackApiStub()) {
      Map<String, String> env = env(slack, data);
      for (int round = 1; round <= rounds; round++) {
        List<App> order = round % 2 == 1 ? List.of(App.BARE, App.BOT) : List.of(App.BOT, App.BARE);
        for (App app : order) {
          Path log = logs.resolve(app.name().toLowerCase(Locale.ROOT) + "-" + round + ".log");
          Run run = measure(app, flagsOf.get(app), env, slack, log);
          runs.computeIfAbsent(app, a -> new ArrayList<>()).add(run);
          print(round, app, run);
        }
      }
      SlowSlack slow = slowSlack(flagsOf.get(App.BOT), env, slack, logs.resolve("bot-slow.log"));
      FanOutPhase.Outcome fanOut =
          new FanOutPhase(rate, length, logs).run(flagsOf.get(App.BOT), env, slack);
      summarise(runs);
      summarise(slow);
      FanOutPhase.print(fanOut);
      verdict(
          fanOut.duplicates() == 0 && fanOut.delivered() == fanOut.channels(),
          "fan-out: each of %d channels posted to once: %d delivered, %d duplicates",
          fanOut.channels(),
          fanOut.delivered(),
          fanOut.duplicates());
    }
  }

  /** What both apps are started with: Slack on against the stub. */
  private static Map<String, String> env(SlackApiStub slack, Path data) {
    return Map.of(
        "SLACK_BOT_TOKEN",
        "xoxb-bench-token",
        "SLACK_SIGNING_SECRET",
        SECRET,
        "SLACK_API_URL",
        slack.apiUrl(),
        "DATA_DIR",
        data.toString());
  }

  /** {@code -Dload.fanOutOnly=true}: the fan-out phase alone, for working on it. */
  private void fanOutOnly() throws Exception {
    Files.createDirectories(logs);
    List<String> flags = ClassArchive.trained(DockerfileFlags.read(Path.of("Dockerfile")), logs);
    try (SlackApiStub slack = new SlackApiStub()) {
      FanOutPhase.print(
          new FanOutPhase(rate, length, logs)
              .run(
                  flags,
                  Map.of(
                      "SLACK_BOT_TOKEN",
                      "xoxb-bench-token",
                      "SLACK_SIGNING_SECRET",
                      SECRET,
                      "SLACK_API_URL",
                      slack.apiUrl()),
                  slack));
    }
  }

  private void summarise(SlowSlack slow) {
    System.out.printf(
        Locale.ROOT,
        "%nBot with a Web API taking %d s per post: %d mentions at %d/s, acked p50 %.2f ms,"
            + " p99 %.2f ms, max %.1f ms; %d replies in %d threads, all posted %.1f s after the"
            + " last ack%n",
        SLOW_POST.toSeconds(),
        slow.mentions(),
        Integer.getInteger("load.slowRate", 20),
        slow.acks().percentileMillis(0.5),
        slow.acks().percentileMillis(0.99),
        slow.acks().maxMillis(),
        slow.posts(),
        slow.threads(),
        slow.drained().toMillis() / 1000.0);
    verdict(
        slow.acks().percentileMillis(0.99) < 100 && slow.acks().failures() == 0,
        "mention ack p99 with a slow Slack: %.2f ms (target < 100 ms)",
        slow.acks().percentileMillis(0.99));
    verdict(
        slow.posts() == slow.mentions() && slow.threads() == slow.mentions(),
        "each mention replied to exactly once with a slow Slack: %d mentions, %d replies, %d threads",
        slow.mentions(),
        slow.posts(),
        slow.threads());
  }

  private Run measure(
      App app, List<String> flags, Map<String, String> env, SlackApiStub slack, Path log)
      throws Exception {
    try (AppProcess process = AppProcess.launch(app, flags, env, log)) {
      LoadDriver driver = new LoadDriver(new Traffic(process.baseUrl(), SECRET));
      long postsAtStart = slack.posts();
      // Slash commands and mentions taking turns, three times: after a single turn each the bot's
      // code was still being recompiled (C2) in the fixed-rate phases, for the mix of both kinds.
      long warmMentions = 0;
      for (int turn = 0; turn < WARMUP_TURNS; turn++) {
        driver.fullSpeed(SLASH, connections, warmup.dividedBy(2L * WARMUP_TURNS));
        Result warm = driver.fullSpeed(MENTION, connections, warmup.dividedBy(2L * WARMUP_TURNS));
        warmMentions += warm.requests() - warm.failures();
      }
      awaitPosts(slack, postsAtStart + warmMentions, Duration.ofSeconds(60));
      long postsBefore = slack.posts();
      long threadsBefore = slack.threadsRepliedIn();
      long mentions = 0;
      Map<Phase, Result> phases = new EnumMap<>(Phase.class);
      Map<Phase, CpuPerRequest> cpu = new EnumMap<>(Phase.class);
      Map<Phase, Duration> drained = new EnumMap<>(Phase.class);
      for (Phase phase : Phase.values()) {
        // Each phase measures its own work: replies the bot deferred from the phase before (bare
        // Bolt posts before its ack, so it has none) are posted first, and how long that took is
        // reported.
        drained.put(phase, awaitPosts(slack, postsBefore + mentions, Duration.ofSeconds(60)));
        Optional<Duration> appBefore = process.cpu();
        Optional<Duration> harnessBefore = HARNESS.info().totalCpuDuration();
        Result result =
            phase.fixedRate
                ? driver.fixedRate(phase.kind, rate, length)
                : driver.fullSpeed(phase.kind, connections, length);
        phases.put(phase, result);
        cpu.put(
            phase,
            CpuPerRequest.between(
                appBefore,
                process.cpu(),
                harnessBefore,
                HARNESS.info().totalCpuDuration(),
                result.requests()));
        if (phase.kind == MENTION) {
          mentions += result.requests() - result.failures();
        }
      }
      awaitPosts(slack, postsBefore + mentions, Duration.ofSeconds(60));
      double rssMb = process.peakRssBytes().orElse(-1) / (1024.0 * 1024.0);
      return new Run(
          phases,
          cpu,
          drained,
          process.startup(),
          rssMb,
          mentions,
          slack.posts() - postsBefore,
          slack.threadsRepliedIn() - threadsBefore);
    }
  }

  /**
   * Replies go out after the ack: waits for them (or the timeout), then a little for duplicates.
   */
  private static Duration awaitPosts(SlackApiStub slack, long expected, Duration timeout)
      throws InterruptedException {
    long start = System.nanoTime();
    while (slack.posts() < expected && System.nanoTime() - start < timeout.toNanos()) {
      Thread.sleep(50);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Thread.sleep(500);
    return took;
  }

  /**
   * The bot alone with a Web API that takes {@link #SLOW_POST} per post: mentions at a fixed rate
   * must still be acked at once, and each replied to once when Slack gets round to it.
   */
  private SlowSlack slowSlack(
      List<String> flags, Map<String, String> env, SlackApiStub slack, Path log) throws Exception {
    try (AppProcess process = AppProcess.launch(App.BOT, flags, env, log)) {
      LoadDriver driver = new LoadDriver(new Traffic(process.baseUrl(), SECRET));
      long postsAtStart = slack.posts();
      Result warm = driver.fullSpeed(MENTION, connections, warmup.dividedBy(2)); // Slack still fast
      awaitPosts(slack, postsAtStart + warm.requests() - warm.failures(), Duration.ofSeconds(60));
      long postsBefore = slack.posts();
      long threadsBefore = slack.threadsRepliedIn();
      slack.slowPostsBy(SLOW_POST);
      try {
        int perSecond = Integer.getInteger("load.slowRate", 20);
        Result acks = driver.fixedRate(MENTION, perSecond, length);
        long mentions = acks.requests() - acks.failures();
        Duration drained = awaitPosts(slack, postsBefore + mentions, Duration.ofSeconds(180));
        return new SlowSlack(
            acks,
            mentions,
            slack.posts() - postsBefore,
            slack.threadsRepliedIn() - threadsBefore,
            drained);
      } finally {
        slack.slowPostsBy(Duration.ZERO);
      }
    }
  }

  private static void print(int round, App app, Run run) {
    System.out.printf(
        Locale.ROOT,
        "%nround %d, %s: healthy after %d ms, peak RSS %.0f MB, mentions acked %d, replies"
            + " posted %d in %d threads%n",
        round,
        app,
        run.startup().toMillis(),
        run.peakRssMb(),
        run.mentions(),
        run.posts(),
        run.threads());
    System.out.printf(
        Locale.ROOT,
        "  %-20s %9s %8s %8s %8s %7s %12s %12s %10s%n",
        "phase",
        "req/s",
        "p50 ms",
        "p99 ms",
        "max ms",
        "failed",
        "app us/req",
        "harness us/req",
        "drain ms");
    run.phases()
        .forEach(
            (phase, r) ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-20s %9.1f %8.2f %8.2f %8.1f %7d %12.1f %12.1f %10d%s%n",
                    phase,
                    r.throughput(),
                    r.percentileMillis(0.5),
                    r.percentileMillis(0.99),
                    r.maxMillis(),
                    r.failures(),
                    run.cpu().get(phase).app(),
                    run.cpu().get(phase).harness(),
                    run.drained().get(phase).toMillis(),
                    r.firstFailure().isEmpty() ? "" : "  first: " + r.firstFailure()));
  }

  private void summarise(Map<App, List<Run>> runs) {
    List<Run> bot = runs.get(App.BOT);
    List<Run> bare = runs.get(App.BARE);
    System.out.printf(Locale.ROOT, "%nMedians over %d rounds (bot | bare)%n", rounds);
    System.out.printf(
        Locale.ROOT,
        "  %-20s %19s %17s %17s %15s %19s %19s%n",
        "phase",
        "req/s",
        "p50 ms",
        "p99 ms",
        "max ms",
        "app us/req",
        "harness us/req");
    for (Phase phase : Phase.values()) {
      System.out.printf(
          Locale.ROOT,
          "  %-20s %9.1f |%8.1f %8.2f |%6.2f %8.2f |%6.2f %7.1f |%5.1f %9.1f |%8.1f %9.1f |%8.1f%n",
          phase,
          median(bot, r -> r.phases().get(phase).throughput()),
          median(bare, r -> r.phases().get(phase).throughput()),
          median(bot, r -> r.phases().get(phase).percentileMillis(0.5)),
          median(bare, r -> r.phases().get(phase).percentileMillis(0.5)),
          median(bot, r -> r.phases().get(phase).percentileMillis(0.99)),
          median(bare, r -> r.phases().get(phase).percentileMillis(0.99)),
          median(bot, r -> r.phases().get(phase).maxMillis()),
          median(bare, r -> r.phases().get(phase).maxMillis()),
          median(bot, r -> r.cpu().get(phase).app()),
          median(bare, r -> r.cpu().get(phase).app()),
          median(bot, r -> r.cpu().get(phase).harness()),
          median(bare, r -> r.cpu().get(phase).harness()));
    }
    double slashRatio = ratio(bot, bare, Phase.SLASH_FULL_SPEED);
    double mentionRatio = ratio(bot, bare, Phase.MENTION_FULL_SPEED);
    double slashP99 = median(bot, r -> r.phases().get(Phase.SLASH_AT_RATE).percentileMillis(0.99));
    double mentionP99 =
        median(bot, r -> r.phases().get(Phase.MENTION_AT_RATE).percentileMillis(0.99));
    double startup = median(bot, r -> r.startup().toMillis() / 1000.0);
    double rss = median(bot, Run::peakRssMb);
    boolean replies =
        bot.stream().allMatch(r -> r.mentions() == r.posts() && r.posts() == r.threads());
    System.out.println();
    verdict(
        slashRatio >= 0.9 && mentionRatio >= 0.8,
        "ratio bot/bare throughput at full speed (median of per-round ratios): slash %.2f"
            + " (target >= 0.9), mentions %.2f (target >= 0.8)",
        slashRatio,
        mentionRatio);
    verdict(
        Math.max(slashP99, mentionP99) <= 20,
        "bot p99 at %d req/s: slash %.2f ms, mentions %.2f ms (target <= 20 ms)",
        rate,
        slashP99,
        mentionP99);
    verdict(startup <= 2, "bot start-up to healthy: %.2f s (target <= 2 s)", startup);
    verdict(rss > 0 && rss <= 256, "bot peak RSS under load: %.0f MB (target <= 256 MB)", rss);
    verdict(replies, "bot posted one reply per acked mention in every round: %s", replies);
  }

  /**
   * Each round runs both apps back to back, so the ratio is taken within each round and then the
   * median: the machine's drift from one round to the next cancels out.
   */
  private static double ratio(List<Run> bot, List<Run> bare, Phase phase) {
    return median(
        IntStream.range(0, bot.size())
            .mapToDouble(
                i ->
                    bot.get(i).phases().get(phase).throughput()
                        / bare.get(i).phases().get(phase).throughput()));
  }

  private static void verdict(boolean met, String format, Object... args) {
    System.out.println(
        (met ? "  met     " : "  MISSED  ") + String.format(Locale.ROOT, format, args));
  }

  static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
    return median(runs.stream().mapToDouble(metric));
  }

  static double median(DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
