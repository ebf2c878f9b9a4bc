package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A trickle attack on loopback: hundreds of connections send Slack-looking headers (no secret
 * needed) and then a body at one byte every 200 ms, reconnecting when cut off. Meanwhile /healthz
 * must stay fast and signed slash commands must be answered. Bounded: about 8 seconds.
 */
class SlowClientTest {
  static final String SECRET = "slow-client-secret-77aa";
  static final int ATTACKERS = 300;

  SlackMock slack;
  Bot bot;

  @BeforeEach
  void start() throws Exception {
    slack = SlackMock.start();
    Config config = TestConfigs.http(slack.apiUrl(), "xoxb-slow", SECRET);
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    bot = Bot.start(config, "127.0.0.1", () -> policy);
  }

  @AfterEach
  void stop() {
    bot.close();
    slack.close();
  }

  private Socket attacker() throws IOException {
    Socket s = new Socket("127.0.0.1", bot.port());
    String ts = String.valueOf(Instant.now().getEpochSecond());
    String head =
        "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100000\r\nX-Slack-Request-Timestamp: "
            + ts
            + "\r\nX-Slack-Signature: v0="
            + "0".repeat(64)
            + "\r\n\r\n";
    s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
    return s;
  }

  @Test
  void tricklingClientsNeitherStarveHealthNorSlackCommands() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < ATTACKERS; i++) {
      sockets.add(attacker());
    }
    AtomicBoolean attacking = new AtomicBoolean(true);
    AtomicInteger cutOff = new AtomicInteger();
    AtomicInteger trickled = new AtomicInteger();
    Thread trickle =
        new Thread(
            () -> {
              while (attacking.get()) {
                for (int i = 0; i < sockets.size(); i++) {
                  try {
                    OutputStream out = sockets.get(i).getOutputStream();
                    out.write('{');
                    out.flush();
                    trickled.incrementAndGet();
                  } catch (IOException e) {
                    cutOff.incrementAndGet(); // the server gave up on it: come back at once
                    try {
                      sockets.get(i).close();
                      sockets.set(i, attacker());
                    } catch (IOException again) {
                      // the next round tries again
                    }
                  }
                }
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "trickle");
    trickle.start();
    try {
      // The attack is in place: every attacker connected and has sent its first byte.
      await().atMost(Duration.ofSeconds(10)).until(() -> trickled.get() >= ATTACKERS);
      SlackRequests requests = new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET);
      List<Long> health = new ArrayList<>();
      int answered = 0;
      long until = System.nanoTime() + 7_000_000_000L;
      while (System.nanoTime() < until) {
        long t0 = System.nanoTime();
        assertThat(requests.get("/healthz").statusCode()).isEqualTo(200);
        health.add(System.nanoTime() - t0);
        HttpResponse<String> slash = requests.slash("2.15", slack.responseUrl());
        assertThat(slash.statusCode()).isEqualTo(200);
        assertThat(slash.body()).contains("NKP 2.15");
        answered++;
        Thread.sleep(50);
      }
      health.sort(null);
      long p99 = health.get((int) Math.ceil(health.size() * 0.99) - 1);
      System.out.printf(
          "SlowClientTest: %d attackers (%d cut off and back), /healthz n=%d p50 %.1f ms p99 %.1f ms,"
              + " %d slash commands answered%n",
          ATTACKERS,
          cutOff.get(),
          health.size(),
          health.get(health.size() / 2) / 1e6,
          p99 / 1e6,
          answered);
      assertThat(p99).isLessThan(1_000_000_000L);
      assertThat(answered).isGreaterThan(10);
      assertThat(cutOff.get()).as("the server cuts tricklers off").isPositive();
    } finally {
      attacking.set(false);
      trickle.join();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
