package io.kommander.supportbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.management.UnixOperatingSystemMXBean;
import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.http.BotServer;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.SlackMock;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bursts of 1,000 requests at once, half slash commands and half mentions (each mention sent twice,
 * as Slack redelivers): every one is answered, every mention gets exactly one reply, and repeated
 * bursts leave no threads, file descriptors or heap behind.
 */
class BurstTest {
  static final String SECRET = "burst-signing-secret-77aa";
  static final int BURST = 1_000;
  static final long HEAP_SLACK = 3L << 20; // 1 KB kept per request after the first burst exceeds it

  WireMockServer slack;
  Bot bot;
  // One connection pool (and so one cleanup task) for all bursts; each burst empties it.
  final OkHttpClient client =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false) // a reset connection is a failure, not a retry
          .callTimeout(Duration.ofSeconds(60))
          .build();
  int mentionSeq;

  @BeforeEach
  void start() throws Exception {
    slack =
        new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(50));
    slack.start();
    SlackMock.stubAuthTest(slack);
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(okJson("{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1.2\"}")));
    Config config =
        Config.of(
            0,
            TestCatalogs.APRIL,
            Optional.of("xoxb-burst"),
            Optional.of(SECRET),
            Optional.empty(),
            slack.baseUrl() + "/api/");
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    bot = Bot.start(config, "127.0.0.1", () -> policy);
  }

  int posts() {
    return slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).size();
  }

  @AfterEach
  void stop() {
    bot.close();
    slack.stop();
  }

  @Test
  void burstsAreAllAnsweredOnceAndLeaveNothingBehind() throws Exception {
    burst(); // grows the pools to their working size
    Usage afterFirst = Usage.settled();
    for (int i = 0; i < 3; i++) {
      burst();
    }
    Usage afterLast = Usage.settled();

    assertThat(afterLast.httpThreads()).isLessThanOrEqualTo(BotServer.MAX_THREADS);
    assertThat(afterLast.otherThreads())
        .as(
            "threads outside the bounded HTTP pool; after the first burst %s, after four %s",
            afterFirst.census(), afterLast.census())
        .isLessThanOrEqualTo(afterFirst.otherThreads() + 5);
    assertThat(afterLast.openFiles()).isLessThanOrEqualTo(afterFirst.openFiles() + 20);
    assertThat(afterLast.heapBytes()).isLessThan(afterFirst.heapBytes() + HEAP_SLACK);
  }

  /**
   * Sends {@link #BURST} requests at once and checks every answer and reply. Each burst's callers
   * stop and its connections close at the end, so what remains afterwards is the bot's.
   */
  private void burst() throws Exception {
    ExecutorService callers = Executors.newCachedThreadPool(); // a thread per call in flight
    Dispatcher dispatcher = new Dispatcher(callers);
    dispatcher.setMaxRequests(BURST);
    dispatcher.setMaxRequestsPerHost(BURST);
    OkHttpClient http = client.newBuilder().dispatcher(dispatcher).build();
    try {
      String base = "http://127.0.0.1:" + bot.port() + "/slack/events";
      List<CompletableFuture<Reply>> slash = new ArrayList<>();
      List<CompletableFuture<Reply>> mentions = new ArrayList<>();
      int uniqueMentions = BURST / 4;
      for (int i = 0; i < BURST / 2; i++) {
        String command = SlackRequests.slashCommand("1.4", "http://127.0.0.1:9/x");
        slash.add(send(http, signed(base, command, "application/x-www-form-urlencoded", 0)));
      }
      for (int i = 0; i < uniqueMentions; i++) {
        String event = SlackRequests.mention("EvBurst" + mentionSeq++, "<@UBOT> 2.1", null);
        mentions.add(send(http, signed(base, event, "application/json", 0)));
        // Slack's redelivery, arriving alongside the first delivery
        mentions.add(send(http, signed(base, event, "application/json", 1)));
      }
      CompletableFuture.allOf(slash.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      CompletableFuture.allOf(mentions.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      for (var answer : slash) {
        assertThat(answer.join().status()).isEqualTo(200);
        assertThat(answer.join().body()).contains("Kommander 1.4");
      }
      for (var ack : mentions) {
        assertThat(ack.join().status()).isEqualTo(200);
      }
      // Replies are posted after the acks; then the count must hold still (a duplicate would
      // break it).
      await().atMost(Duration.ofSeconds(10)).until(() -> posts() >= uniqueMentions);
      await()
          .during(Duration.ofMillis(200))
          .atMost(Duration.ofSeconds(5))
          .until(() -> posts() == uniqueMentions);
      slack.verify(uniqueMentions, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
      slack.resetRequests(); // WireMock's journal is not the bot's memory
    } finally {
      callers.shutdown();
      assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      http.connectionPool().evictAll();
    }
  }

  record Reply(int status, String body) {}

  private static Request signed(String url, String body, String contentType, int retry) {
    String ts = String.valueOf(Instant.now().getEpochSecond());
    Request.Builder request =
        new Request.Builder().url(url).post(RequestBody.create(body, MediaType.get(contentType)));
    SlackRequests.signed(SECRET, ts, body).forEach(request::header);
    if (retry > 0) {
      request.header("X-Slack-Retry-Num", String.valueOf(retry));
    }
    return request.build();
  }

  private static CompletableFuture<Reply> send(OkHttpClient http, Request request) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    http.newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) throws IOException {
                try (response) {
                  reply.complete(new Reply(response.code(), response.body().string()));
                }
              }

              @Override
              public void onFailure(Call call, IOException e) {
                reply.completeExceptionally(e);
              }
            });
    return reply;
  }

  /** What the JVM holds once the burst's garbage is collected. */
  record Usage(
      int httpThreads, int otherThreads, long openFiles, long heapBytes, Map<String, Long> census) {
    static Usage settled() throws InterruptedException {
      long heap = Long.MAX_VALUE;
      // The lowest heap of a few full collections; meanwhile the bot closes its ends of the
      // connections the client closed.
      for (int i = 0; i < 10; i++) {
        System.gc();
        Thread.sleep(200);
        heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      }
      long files =
          ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
              ? unix.getOpenFileDescriptorCount()
              : 0;
      // Not counted: WireMock's pool ("qtp", bounded by containerThreads), which is Slack's, and
      // OkHttp's task runner, shared with the test's client, whose idle threads end after 60 s.
      List<Thread> threads =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !t.getName().startsWith("qtp"))
              .filter(t -> !t.getName().startsWith("OkHttp TaskRunner"))
              .toList();
      int http =
          (int)
              threads.stream()
                  .filter(t -> t.getName().startsWith(BotServer.THREAD_NAME + "-"))
                  .count();
      Map<String, Long> census =
          threads.stream()
              .collect(
                  Collectors.groupingBy(
                      t -> t.getName().replaceAll("[0-9a-f]*[0-9][0-9a-f]*", "#"),
                      TreeMap::new,
                      Collectors.counting()));
      return new Usage(http, threads.size() - http, files, heap, census);
    }
  }
}
