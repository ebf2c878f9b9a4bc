package io.kommander.supportbot.chaos;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.testing.SlackMock;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 mid-post, over and over: the bot runs as its own process with the file ledger and a slow
 * Slack (each post takes 3 s to land, and lands even if its sender died waiting). Each round kills
 * it at a random moment, restarts it at once, and counts the posts: exactly one per round. Slack's
 * channel history is served from the posts WireMock received, as Slack would show them. {@code mvn
 * -B -Pchaos verify} (about 4 minutes; rounds: -Dchaos.rounds=20).
 */
@Tag("chaos")
class FileLedgerChaosTest {
  static final AtomicReference<WireMockServer> SLACK = new AtomicReference<>();
  static final String SECRET = "chaos-signing-secret-9a8b";
  static final String SENT = "\"state\":\"SENT\"";

  /** How long Slack takes to answer a post; the message shows in history once it has answered. */
  static final long POST_MILLIS = 3_000;

  /**
   * conversations.history and conversations.replies: every chat.postMessage that Slack took (not
   * one it answered 429) and that has landed, with its metadata (keys are unique, so one list
   * serves every channel and thread).
   */
  public static final class HistoryFromPosts implements ResponseTransformerV2 {
    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
      String messages =
          SLACK.get().getAllServeEvents().stream()
              .filter(e -> e.getRequest().getUrl().equals("/api/chat.postMessage"))
              .filter(e -> e.getResponseDefinition().getStatus() == 200) // not a 429
              .map(ServeEvent::getRequest)
              .filter(r -> r.getLoggedDate().getTime() + POST_MILLIS <= System.currentTimeMillis())
              .map(r -> SlackMock.form(r.getBodyAsString()))
              .filter(f -> f.get("metadata") != null)
              .map(
                  f ->
                      "{\"type\":\"message\",\"ts\":\"1800000000.000100\",\"text\":\"x\",\"metadata\":"
                          + f.get("metadata")
                          + "}")
              .collect(Collectors.joining(","));
      return Response.Builder.like(response)
          .but()
          .body("{\"ok\":true,\"has_more\":false,\"messages\":[" + messages + "]}")
          .build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return "history-from-posts";
    }
  }

  @TempDir Path dir;

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * The April catalog with NKP 2.18 planned for today, so NKP 2.15's day-of post is due at once.
   */
  static Path endingToday(Path catalog) throws java.io.IOException {
    return Files.writeString(
        catalog,
        TestCatalogs.aprilText()
            .replace(
                "\nupgrades:",
                "\n  - kommander: \"2.18\"\n    product: nkp\n    status: planned\n    planned: "
                    + LocalDate.now(ZoneOffset.UTC)
                    + "\n\nupgrades:"));
  }

  /** Slack as the chaos tests need it: posts take {@link #POST_MILLIS}, history shows them. */
  static WireMockServer slowSlack() {
    return slowSlack((int) POST_MILLIS);
  }

  /** The same, with posts taking {@code postMillis} (they show in history after POST_MILLIS). */
  static WireMockServer slowSlack(int postMillis) {
    WireMockServer slack =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(64)
                .extensions(new HistoryFromPosts()));
    SLACK.set(slack);
    slack.start();
    SlackMock.stubAuthTest(slack);
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                okJson("{\"ok\":true,\"channel\":\"C0\",\"ts\":\"1800000000.000100\"}")
                    .withFixedDelay(postMillis)));
    slack.stubFor(
        post("/api/conversations.history").willReturn(ok().withTransformers("history-from-posts")));
    slack.stubFor(
        post("/api/conversations.replies").willReturn(ok().withTransformers("history-from-posts")));
    return slack;
  }

  /**
   * {@code serve} in its own JVM, signed with {@code secret}, against {@link #SLACK}, on {@code
   * port}: the caller adds the rest of the environment.
   */
  static ProcessBuilder bot(int port, String secret) {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.kommander.supportbot.Main",
            "serve");
    Map<String, String> env = pb.environment();
    env.put("PORT", String.valueOf(port));
    env.put("SLACK_BOT_TOKEN", "xoxb-chaos");
    env.put("SLACK_SIGNING_SECRET", secret);
    env.put("SLACK_API_URL", SLACK.get().baseUrl() + "/api/");
    // Claims of a killed bot lapse within seconds (posts here take 3 s: a lease outlasts one), and
    // recovery looks every second, so rounds are short.
    env.put("OUTBOX_LEASE_SECONDS", System.getProperty("chaos.leaseSeconds", "5"));
    env.put("OUTBOX_RECOVERY_SECONDS", "1");
    return pb;
  }

  Process start(Path config, Path data, String channel) throws Exception {
    ProcessBuilder pb = bot(freePort(), SECRET);
    Map<String, String> env = pb.environment();
    env.put("CATALOG_FILE", dir.resolve("releases.yaml").toString());
    env.put("ANNOUNCE_CONFIG", config.toString());
    env.put("ANNOUNCE_CHANNELS", channel);
    env.put("DATA_DIR", data.toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("bot-" + channel + ".log").toFile());
    return pb.start();
  }

  static List<LoggedRequest> posts(WireMockServer slack, String channel) {
    return slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
        .filter(r -> channel.equals(SlackMock.form(r.getBodyAsString()).get("channel")))
        .toList();
  }

  @Test
  void killedAtRandomMomentsMidPostItPostsEachAnnouncementExactlyOnce() throws Exception {
    int rounds = Integer.getInteger("chaos.rounds", 20);
    WireMockServer slack = slowSlack();
    try {
      endingToday(dir.resolve("releases.yaml"));
      Path config =
          Files.writeString(
              dir.resolve("announcements.yaml"),
              "enabled: true\nleadDays: [30]\ntime: \"00:00\"\nzone: UTC\nmaxLateDays: 3\n"
                  + "lookEverySeconds: 1\n");
      Random random = new Random(42);
      List<String> outcomes = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        String channel = String.format("C0CHAOS%03d", round);
        Path data = Files.createDirectories(dir.resolve("data-" + round));
        Process first = start(config, data, channel);
        long killAfter = 300 + random.nextInt(4_500); // start-up takes ~1.5 s, then the 3 s post
        Thread.sleep(killAfter);
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
        Path ledger = data.resolve("outbox.jsonl");
        String when =
            Files.exists(ledger) && Files.readString(ledger).contains(SENT)
                ? "after recording"
                : posts(slack, channel).isEmpty() ? "before posting" : "mid-post";
        Process second = start(config, data, channel);
        long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        while (System.nanoTime() < deadline
            && !(Files.exists(ledger) && Files.readString(ledger).contains(SENT))) {
          Thread.sleep(100);
        }
        second.destroy();
        second.waitFor();
        List<LoggedRequest> posts = posts(slack, channel);
        outcomes.add(
            channel + " killed " + when + " (" + killAfter + " ms): " + posts.size() + " post(s)");
        assertThat(posts)
            .as("round %d (killed after %d ms), log in %s", round, killAfter, dir)
            .hasSize(1);
      }
      System.out.println(
          "FileLedgerChaosTest: "
              + rounds
              + " rounds, 0 duplicates, 0 lost\n  "
              + String.join("\n  ", outcomes));
    } finally {
      slack.stop();
      new File(dir.toFile(), "x").delete();
    }
  }
}
