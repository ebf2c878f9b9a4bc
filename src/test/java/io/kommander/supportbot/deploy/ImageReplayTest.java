package io.kommander.supportbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image starts as built, though no Docker engine is reachable here: the Dockerfile's runtime
 * stage is replayed on this machine, each {@code RUN} as the user its {@code USER} names, with only
 * the environment its {@code ENV} lines give, in its own network namespace with nothing but
 * loopback (as a build without network would be), and with a folder of its own mounted at {@code
 * /app}; then the {@code ENTRYPOINT} is started as the runtime user on what the build left, and
 * used as Slack and a browser would. The {@code apt-get} step is not replayed: this machine has its
 * packages (curl, fontconfig). Needs root (for the namespaces and the user switch) and the packaged
 * jar, so it runs in {@code mvn verify} after {@code package}.
 */
@Tag("packaged")
class ImageReplayTest {
  private static final Path JAR = Path.of("target/kommander-support-bot.jar");
  private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final Pattern USERADD =
      Pattern.compile("useradd\\b[^&;]*--uid (\\d+)[^&;]* (\\w+)");
  private static final String SECRET = "image-replay-secret";
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path app;

  /** What the replayed build has set so far. */
  private final Map<String, String> env = new LinkedHashMap<>(Map.of("PATH", PATH, "HOME", "/app"));

  private final Map<String, String> users = new HashMap<>(Map.of("root", "0"));
  private String uid = "0";
  private List<String> entrypoint = List.of();
  private List<String> cmd = List.of();
  private String healthcheck;

  @Test
  void theImageStartsAsBuiltAsItsRuntimeUserAndServesSlackThePageAndItsHealthCheck()
      throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    Tools.require(
        root && onPath("unshare") && onPath("setpriv") && onPath("curl") && onPath("ip"),
        "root with unshare, setpriv, ip and curl (util-linux, iproute2)");
    assertThat(JAR).as("the packaged jar (mvn package)").exists();

    for (DockerfileStage.Instruction step :
        DockerfileStage.last(Path.of("Dockerfile")).instructions()) {
      replay(step);
    }

    assertThat(uid)
        .as("USER is numeric (runAsNonRoot can check it) and not root")
        .isNotEqualTo("0");
    assertThat(uid).matches("\\d+");
    Path data = app.resolve("data");
    assertThat(owner(data)).isEqualTo(uid);
    try (Stream<Path> left = Files.list(data)) {
      assertThat(left).as("the build leaves nothing in the data folder").isEmpty();
    }
    try (Stream<Path> all = Files.walk(app)) {
      assertThat(all.filter(p -> !p.startsWith(data)).filter(p -> owner(p).equals(uid)))
          .as("the runtime user owns only its data folder")
          .isEmpty();
    }
    assertThat(archives()).as("the training run left a class archive").isNotEmpty();
    String archive = "/app/" + app.relativize(archives().get(0));
    assertThat(entrypoint).contains("-XX:SharedArchiveFile=" + archive);

    // The archive maps as the runtime user (-Xshare:on fails rather than fall back).
    List<String> strict = new ArrayList<>(entrypoint);
    strict.add(1, "-Xshare:on");
    strict.addAll(List.of("ask", "nkp 2.17"));
    Result ask = run(asUser(strict, false), env);
    assertThat(ask.exit()).as(ask.output()).isZero();
    assertThat(ask.output()).contains("NKP 2.17");

    try (SlackMock slack = SlackMock.start()) {
      int port = freePort();
      Map<String, String> runtime = new LinkedHashMap<>(env);
      runtime.put("PORT", String.valueOf(port));
      runtime.put("SLACK_BOT_TOKEN", "xoxb-image-replay");
      runtime.put("SLACK_SIGNING_SECRET", SECRET);
      runtime.put("SLACK_API_URL", slack.apiUrl());
      // On, so its state in the data folder is read at start, but aimed where nothing answers.
      runtime.put(
          "UPSTREAM_TAGS_URL", "http://127.0.0.1:9/repos/mesosphere/kommander-applications/tags");
      List<String> start = new ArrayList<>(entrypoint);
      start.addAll(cmd);
      Path log = app.getParent().resolve("image-replay-serve.log");
      Process bot = start(asUser(start, false), runtime, log);
      try {
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .failFast("the bot exited; see " + log, () -> !bot.isAlive())
            .until(() -> get(http, base + "/readyz").statusCode() == 200);
        assertThat(get(http, base + "/").body()).contains("NKP");

        Map<String, String> health = new LinkedHashMap<>(runtime);
        Result probe = run(List.of("sh", "-c", healthcheck), health);
        assertThat(probe.exit()).as("HEALTHCHECK: " + probe.output()).isZero();

        String body = SlackRequests.mention("EvImage1", "<@UBOT> is nkp 2.16 supported?", null);
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        HttpRequest.Builder mention =
            HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        SlackRequests.signed(SECRET, ts, body).forEach(mention::header);
        assertThat(http.send(mention.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(200);
        assertThat(slack.awaitCalls("/api/chat.postMessage", 1)).hasSize(1);
        try (Stream<Path> written = Files.list(data)) {
          assertThat(written.toList())
              .as("the outbox journal is written in the data folder by the runtime user")
              .isNotEmpty()
              .allSatisfy(p -> assertThat(owner(p)).isEqualTo(uid));
        }
      } finally {
        bot.destroy();
        if (!bot.waitFor(30, TimeUnit.SECONDS)) {
          bot.destroyForcibly();
        }
      }
      assertThat(Files.readString(log))
          .doesNotContain("cannot be read", "ERROR")
          .doesNotContainPattern("\\n\\s+at [a-z]"); // no stack trace
    }
  }

  private void replay(DockerfileStage.Instruction step) throws Exception {
    String args = step.arguments();
    switch (step.keyword()) {
      case "WORKDIR" -> {
        assertThat(args).as("the replay mounts its folder at /app").isEqualTo("/app");
        Files.setPosixFilePermissions(
            app, PosixFilePermissions.fromString("rwxr-xr-x")); // Docker's
      }
      case "COPY" -> copy(args);
      case "RUN" -> {
        if (args.contains("apt-get")) {
          Matcher user = USERADD.matcher(args);
          if (user.find()) {
            users.put(user.group(2), user.group(1));
          }
        } else {
          Result result = run(asUser(List.of("sh", "-c", args), true), env);
          assertThat(result.exit()).as("RUN %s%n%s", args, result.output()).isZero();
        }
      }
      case "ENV" -> {
        for (String pair : args.split("\\s+")) {
          int eq = pair.indexOf('=');
          env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      case "USER" -> uid = users.getOrDefault(args, args);
      case "ENTRYPOINT" -> entrypoint = execForm(args);
      case "CMD" -> cmd = execForm(args);
      case "HEALTHCHECK" -> healthcheck = args.substring(args.indexOf("CMD ") + 4);
      case "VOLUME", "EXPOSE" -> {
        // nothing to replay: the data folder is the replay's own, the port is PORT's
      }
      default ->
          fail("ImageReplayTest cannot replay %s: teach it, or keep the Dockerfile simple", step);
    }
  }

  private void copy(String args) throws IOException {
    List<String> parts = List.of(args.split("\\s+"));
    if (parts.get(0).equals("--from=build")) {
      assertThat(parts.get(1)).isEqualTo("/src/target/kommander-support-bot.jar");
      Files.copy(JAR, inApp(parts.get(2)));
    } else {
      Path source = Path.of(parts.get(0));
      Path target = inApp(parts.get(1));
      try (Stream<Path> files = Files.walk(source)) {
        for (Path f : files.toList()) {
          Path to = target.resolve(source.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(to);
          } else {
            Files.copy(f, to);
          }
        }
      }
    }
  }

  private Path inApp(String imagePath) {
    assertThat(imagePath).startsWith("/app/");
    return app.resolve(imagePath.substring("/app/".length()));
  }

  /**
   * {@code command} in a mount namespace with the replay's folder at {@code /app}, as the current
   * {@code USER}; with {@code offline}, in a network namespace too, with only loopback up.
   */
  private List<String> asUser(List<String> command, boolean offline) {
    String prelude =
        (offline ? "ip link set lo up && " : "")
            + "mount --bind \"$1\" /app && cd /app && shift && exec "
            + (uid.equals("0")
                ? ""
                : "setpriv --reuid=" + uid + " --regid=" + uid + " --clear-groups -- ")
            + "\"$@\"";
    List<String> all = new ArrayList<>(List.of("unshare", "--mount"));
    if (offline) {
      all.add("--net");
    }
    all.addAll(List.of("--", "sh", "-c", prelude, "replay", app.toString()));
    all.addAll(command);
    return all;
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> all = Files.walk(app)) {
      return all.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
  }

  record Result(int exit, String output) {}

  private static Result run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("replay", ".log");
    Process p = start(command, environment, out);
    if (!p.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("%s did not finish in %s", command, STEP_TIMEOUT);
    }
    return new Result(p.exitValue(), Files.readString(out));
  }

  private static Process start(List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    Files.createDirectories(Path.of("/app")); // the mount point (empty; the replay mounts on it)
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().clear(); // a build sees only what the Dockerfile sets
    pb.environment().putAll(environment);
    return pb.start();
  }

  private static List<String> execForm(String json) throws IOException {
    return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {});
  }

  private static String owner(Path p) {
    try {
      return String.valueOf(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean onPath(String tool) {
    return Stream.of(PATH.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
