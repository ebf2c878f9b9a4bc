package io.kommander.supportbot.bench;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long a mention's ack takes with the shared PostgreSQL up, and with it stopped (the ack then
 * spools the mention in DATA_DIR): one bot in this JVM, signed mentions one after another over
 * loopback, median and p99 of each phase after a warm-up. A probe, not a test: {@code java -cp
 * <test classpath> io.kommander.supportbot.bench.AckLatencyProbe [mentions per phase [with the
 * database stopped]]}.
 */
public final class AckLatencyProbe {
  static final String SECRET = "ack-probe-secret-2b3c";

  private AckLatencyProbe() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int down = args.length > 1 ? Integer.parseInt(args[1]) : n;
    EmbeddedDatabase postgres = new EmbeddedDatabase();
    postgres.beforeAll(null);
    SlackMock slack = SlackMock.start();
    Map<String, String> env =
        TestConfigs.replicaEnv(slack.apiUrl(), "xoxb-probe", SECRET, postgres.jdbcUrl());
    env.put("DATA_DIR", Files.createTempDirectory("ack-probe-").toString());
    Bot bot =
        Bot.start(
            Config.fromEnv(env),
            "127.0.0.1",
            () -> new PolicyService(TestCatalogs.april(), Clock.systemUTC()));
    SlackRequests requests = new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET);
    try {
      acks(requests, "warm", n);
      report("database up", acks(requests, "up", n));
      postgres.stop();
      report("database stopped", acks(requests, "down", down));
    } finally {
      bot.close();
      slack.close();
      postgres.afterAll(null);
    }
  }

  /** Each ack's time in ms, of {@code n} mentions with ids of their own. */
  static List<Double> acks(SlackRequests requests, String phase, int n) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String event = SlackRequests.mention("Ev-probe-" + phase + "-" + i, "<@UBOT> nkp 2.16", null);
      long start = System.nanoTime();
      int status = requests.post("/slack/events", event, "application/json").statusCode();
      ms.add((System.nanoTime() - start) / 1e6);
      if (status != 200) {
        throw new IllegalStateException(phase + " mention " + i + " answered " + status);
      }
    }
    return ms;
  }

  static void report(String phase, List<Double> ms) {
    List<Double> sorted = ms.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "AckLatencyProbe, %s: %d acks, median %.2f ms, p99 %.2f ms, max %.2f ms%n",
        phase,
        sorted.size(),
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
        sorted.get(sorted.size() - 1));
  }
}
