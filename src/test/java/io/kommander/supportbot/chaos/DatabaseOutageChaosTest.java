package io.kommander.supportbot.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared PostgreSQL stops while mentions stream in, and starts again: every mention is answered
 * exactly once. Slack is played as it behaves: an event not acked with a 2xx within 3 s is
 * delivered again with {@code X-Slack-Retry-Num} and {@code X-Slack-Retry-Reason}, three times at
 * most; an acked one never again. The bot is the one {@code serve} starts, over real HTTP, with
 * signed requests.
 */
@Tag("chaos")
class DatabaseOutageChaosTest {
  static final String SECRET = "outage-chaos-secret-4d5e";

  /** Slack's wait for an ack before it counts the delivery failed (http_timeout). */
  static final Duration SLACKS_PATIENCE = Duration.ofSeconds(3);

  /** Slack's retries of a failed delivery: nearly at once, after 1 minute, after 5 minutes. */
  static final int RETRIES = 3;

  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();
  @TempDir Path dir;
  SlackMock slack;
  Bot bot;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    slack = SlackMock.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    slack.close();
    postgres.start(); // for the next test, if one stopped it and failed
  }

  Bot bot(Path dataDir) throws Exception {
    Map<String, String> env =
        TestConfigs.replicaEnv(slack.apiUrl(), "xoxb-outage", SECRET, postgres.jdbcUrl());
    env.put("DATA_DIR", dataDir.toString());
    env.put("OUTBOX_RECOVERY_SECONDS", "1");
    // A post cut off by the outage (its lease could not be renewed) is taken over once its lease
    // lapses: seconds here, a minute by default.
    env.put("OUTBOX_LEASE_SECONDS", "5");
    Config config = Config.fromEnv(env);
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    return Bot.start(config, "127.0.0.1", () -> policy);
  }

  /** One delivery attempt of an event as Slack makes it: how it ended and how long the ack took. */
  record Try(int retry, int status, Duration took) {
    boolean acked() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Slack's delivery of one event: the first attempt, then retries while none was acked with a 2xx
   * within {@link #SLACKS_PATIENCE}, {@code between} run before each retry (the time Slack waits).
   */
  List<Try> deliver(String event, Function<Integer, Boolean> between) throws Exception {
    List<Try> tries = new ArrayList<>();
    String reason = null;
    for (int retry = 0; retry <= RETRIES; retry++) {
      if (retry > 0 && !between.apply(retry)) {
        break;
      }
      String ts = String.valueOf(Instant.now().getEpochSecond());
      HttpRequest.Builder req =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
              .timeout(SLACKS_PATIENCE)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(event));
      SlackRequests.signed(SECRET, ts, event).forEach(req::header);
      if (retry > 0) {
        req.header("X-Slack-Retry-Num", String.valueOf(retry));
        req.header("X-Slack-Retry-Reason", reason);
      }
      long start = System.nanoTime();
      int status;
      try {
        status = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (HttpTimeoutException slow) {
        status = 0;
      }
      Try t = new Try(retry, status, Duration.ofNanos(System.nanoTime() - start));
      tries.add(t);
      if (t.acked()) {
        break;
      }
      reason = status == 0 ? "http_timeout" : "http_error";
    }
    return tries;
  }

  /** The replies posted for the mention with this ts, by the key in their metadata. */
  List<String> replies(String mentionTs) {
    String key = "reply:C0001:" + mentionTs;
    return slack.calls("/api/chat.postMessage").stream()
        .map(r -> SlackMock.form(r.getBodyAsString()).get("metadata"))
        .filter(m -> m != null && m.contains("\"" + key + "\""))
        .toList();
  }

  static String mention(int i) {
    return SlackRequests.mention("Ev-outage-" + i, "<@UBOT> nkp 2." + (10 + i % 8), null);
  }

  static String tsOf(int i) {
    return SlackRequests.tsOf("Ev-outage-" + i);
  }

  @Test
  void mentionsAckedWhileTheDatabaseIsDownAreAnsweredOnceWhenItIsBack() throws Exception {
    bot = bot(Files.createDirectories(dir.resolve("data")));
    int before = 6;
    int during = 8;
    int after = 6;
    Map<String, List<Duration>> acks = new HashMap<>();
    Map<Integer, List<Try>> deliveries = new HashMap<>();
    int i = 0;
    for (; i < before; i++) {
      deliveries.put(i, deliver(mention(i), r -> true));
    }
    postgres.stop(); // mid-stream
    // Every attempt Slack makes at these events falls inside the outage, as in an outage longer
    // than Slack's last retry, 5 minutes after the first delivery.
    for (; i < before + during; i++) {
      deliveries.put(i, deliver(mention(i), r -> true));
    }
    postgres.start();
    for (; i < before + during + after; i++) {
      deliveries.put(i, deliver(mention(i), r -> true));
    }
    int total = i;
    deliveries.forEach(
        (n, tries) ->
            acks.computeIfAbsent(
                    n < before ? "healthy" : n < before + during ? "database down" : "after",
                    k -> new ArrayList<>())
                .add(tries.get(0).took()));
    List<Integer> acked =
        deliveries.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(Try::acked))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    // What Slack was told it need not deliver again must be answered: exactly once.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> acked.stream().allMatch(n -> !replies(tsOf(n)).isEmpty()));
    Thread.sleep(2_000); // a second reply would be posted by now
    Map<Integer, Integer> answers =
        acked.stream().collect(Collectors.toMap(n -> n, n -> replies(tsOf(n)).size()));
    System.out.printf(
        "DatabaseOutageChaosTest: %d mentions, %d acked, answered %s; first-ack times %s%n",
        total, acked.size(), answers, summary(acks));
    assertThat(acked).as("every mention acked").hasSize(total);
    assertThat(answers.values()).as("replies per mention").containsOnly(1);
    assertThat(new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET).get("/metrics").body())
        .contains("outbox_received_total{outcome=\"spooled\"}");
  }

  @Test
  void withNowhereToKeepThemMentionsAreRefusedAndSlacksLaterRetryIsAnsweredOnce() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("data"), "a file, so no spool can be made");
    bot = bot(notADirectory);
    for (int n = 100; n < 102; n++) {
      pause(Duration.ofSeconds(1)); // the outage comes after a quiet second
      postgres.stop();
      // The first delivery and the retry at once fall in the outage; the database is back for
      // Slack's retry a minute later (here a second: long enough for the pool to find its
      // connections from before the restart dead, as it does after a minute).
      List<Try> tries =
          deliver(
              mention(n),
              retry -> {
                if (retry == 2) {
                  restart();
                  pause(Duration.ofSeconds(1));
                }
                return true;
              });
      int mention = n;
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !replies(tsOf(mention)).isEmpty());
      Thread.sleep(1_000); // a second reply would be posted by now
      System.out.printf("DatabaseOutageChaosTest, no spool: mention %d: %s%n", n, tries);
      assertThat(tries.get(0).status()).as("refused while down, mention %d", n).isEqualTo(503);
      assertThat(tries.get(1).status()).as("the retry at once too, mention %d", n).isEqualTo(503);
      assertThat(tries.get(2).acked()).as("the retry after a minute, mention %d", n).isTrue();
      assertThat(replies(tsOf(n))).as("replies to mention %d", n).hasSize(1);
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void restart() {
    try {
      postgres.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Median and worst of each phase's first-ack times, in ms. */
  static Map<String, String> summary(Map<String, List<Duration>> acks) {
    Map<String, String> out = new java.util.TreeMap<>();
    acks.forEach(
        (phase, times) -> {
          List<Long> ms = times.stream().map(Duration::toMillis).sorted().toList();
          out.put(phase, "median " + ms.get(ms.size() / 2) + " ms, max " + ms.get(ms.size() - 1));
        });
    return out;
  }
}
