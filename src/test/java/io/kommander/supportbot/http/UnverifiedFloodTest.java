package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.BotProcess;
import io.kommander.supportbot.testing.SlackMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fake-signed senders cannot fill the heap (issue 34): hundreds of connections, each with a current
 * timestamp, {@code X-Slack-Signature: v0=00} and a large body, all sent but the last byte at once
 * and held back for {@link #HOLD}, so every body is pending together. The bot runs as the pod does
 * (the packaged jar, {@code config/jvm.options}: a 128 MB heap that exits on OutOfMemoryError).
 * Before the budget, 480 bodies of 256 KiB killed it within a second.
 */
@Tag("packaged")
class UnverifiedFloodTest {
  static final String SECRET = "flood-signing-secret-5b7e";

  /** How long the senders hold back each body's last byte once all are sent. */
  static final Duration HOLD = Duration.ofSeconds(2);

  @TempDir Path dir;
  SlackMock slack;
  BotProcess bot;
  final AtomicLong peakRss = new AtomicLong();
  final AtomicLong refusedWithoutRetryAfter = new AtomicLong();

  @BeforeEach
  void start() throws Exception {
    slack = SlackMock.start();
    bot =
        BotProcess.start(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-flood",
                "SLACK_SIGNING_SECRET",
                SECRET,
                "SLACK_API_URL",
                slack.apiUrl(),
                "DATA_DIR",
                dir.resolve("data").toString(),
                "UPSTREAM_TAGS_URL",
                "off"),
            dir.resolve("bot.log"));
  }

  @AfterEach
  void stop() {
    bot.close();
    slack.close();
  }

  @Test
  void fourHundredEightyFakeSignedBodiesOf256KiBLeaveItAlive() throws Exception {
    Map<Integer, Integer> statuses = attack(480, 256 * 1024);
    assertAliveAndServing(statuses);
    // Over the per-body cap: refused with 413 after reading and dropping, nothing kept.
    assertThat(statuses).containsOnlyKeys(413);
  }

  @Test
  void aThousandFakeSignedBodiesAtTheCapMeetTheBudget() throws Exception {
    Map<Integer, Integer> statuses = attack(1000, (int) SlackEventsServlet.MAX_BODY_BYTES);
    assertAliveAndServing(statuses);
    assertThat(refusedWithoutRetryAfter.get()).as("every 503 says when to retry").isZero();
    // Those within the budget are read to the end and refused as unsigned; the rest at once.
    assertThat(statuses.keySet()).isSubsetOf(0, 401, 503);
    assertThat(statuses.getOrDefault(503, 0)).isGreaterThan(500);
    assertThat(statuses.getOrDefault(401, 0)).isPositive();
  }

  private void assertAliveAndServing(Map<Integer, Integer> statuses) throws Exception {
    System.out.printf(
        "UnverifiedFloodTest: statuses %s, peak RSS %d MB, alive %s%n",
        statuses, peakRss.get() >> 20, bot.alive());
    assertThat(bot.alive()).as("the bot survived; its log:%n%s", bot.log()).isTrue();
    SlackRequests requests = new SlackRequests(bot.baseUrl(), SECRET);
    assertThat(requests.get("/healthz").statusCode()).isEqualTo(200);
    var slash = requests.slash("2.15", slack.responseUrl());
    assertThat(slash.statusCode()).isEqualTo(200);
    assertThat(slash.body()).contains("NKP 2.15");
    assertThat(bot.log()).doesNotContain("OutOfMemoryError");
  }

  /**
   * {@code connections} senders each send the headers and all of a {@code size}-byte body but its
   * last byte; once all have, each sends its last byte and reads the answer. Returns how many got
   * each status (0: the connection was cut without one).
   */
  private Map<Integer, Integer> attack(int connections, int size) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(connections);
    CountDownLatch allSent = new CountDownLatch(connections);
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) 'x');
    List<Future<Integer>> answers = new ArrayList<>();
    Thread watch = new Thread(this::watchMemory, "rss");
    watch.setDaemon(true);
    watch.start();
    try {
      for (int i = 0; i < connections; i++) {
        answers.add(senders.submit(() -> send(body, allSent)));
      }
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<Integer> answer : answers) {
        statuses.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
      }
      return statuses;
    } finally {
      watch.interrupt();
      senders.shutdownNow();
    }
  }

  private int send(byte[] body, CountDownLatch allSent) throws InterruptedException {
    try (Socket socket = new Socket("127.0.0.1", bot.port())) {
      socket.setSoTimeout(30_000);
      try {
        OutputStream out = socket.getOutputStream();
        String head =
            "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\nX-Slack-Request-Timestamp: "
                + Instant.now().getEpochSecond()
                + "\r\nX-Slack-Signature: v0=00\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, body.length - 1);
        out.flush();
        allSent.countDown();
        allSent.await(30, TimeUnit.SECONDS);
        // The attacker's choice, within the 5 s a body may take: every body arrives and waits.
        Thread.sleep(HOLD.toMillis());
        out.write(body, body.length - 1, 1);
        out.flush();
      } catch (IOException refusedEarly) {
        allSent.countDown(); // the bot answered before the body was whole, and closed
      }
      return status(socket.getInputStream());
    } catch (IOException cut) {
      return 0;
    }
  }

  private int status(InputStream in) {
    try {
      RawHttp.Response r = RawHttp.read(in);
      if (r.status() == 503 && r.header("Retry-After") == null) {
        refusedWithoutRetryAfter.incrementAndGet();
      }
      return r.status();
    } catch (IOException cut) {
      return 0;
    }
  }

  private void watchMemory() {
    while (!Thread.currentThread().isInterrupted()) {
      peakRss.accumulateAndGet(bot.peakRssBytes(), Math::max);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
