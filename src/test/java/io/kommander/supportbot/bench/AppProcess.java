package io.kommander.supportbot.bench;

import io.kommander.supportbot.testing.BotProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One app under test in its own JVM, started with the Dockerfile's flags: the bot from its jar, or
 * the bare Bolt app from its own project ({@link BareBolt}). Knows how long it took to become ready
 * and how much memory it has held at most.
 */
final class AppProcess implements AutoCloseable {
  enum App {
    BOT,
    BARE
  }

  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final Duration startup;

  private AppProcess(Process process, int port, Duration startup) {
    this.process = process;
    this.port = port;
    this.startup = startup;
  }

  static AppProcess launch(App app, List<String> jvmFlags, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    int port = BotProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    switch (app) {
      case BOT -> {
        // README's command, which applies config/jvm.options itself; only the image's class
        // archive (which README's local run does not have) is added in front.
        jvmFlags.stream()
            .filter(f -> f.startsWith("-XX:") && f.contains("Archive"))
            .forEach(command::add);
        command.addAll(ReadmeCommand.serve(Path.of("README.md")));
      }
      case BARE -> {
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", BareBolt.classpath(), BareBolt.MAIN));
      }
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    long started = System.nanoTime();
    Process process = builder.start();
    String base = "http://127.0.0.1:" + port;
    // The bot says when it is ready; the bare app is ready when it acks a slash command.
    Traffic traffic = new Traffic(base, env.get("SLACK_SIGNING_SECRET"));
    HttpClient http = HttpClient.newHttpClient();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            app + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
      }
      if (System.nanoTime() - started > READY_WITHIN.toNanos()) {
        process.destroyForcibly();
        throw new IllegalStateException(app + " not ready in " + READY_WITHIN + "; see " + log);
      }
      try {
        HttpRequest request =
            app == App.BOT
                ? HttpRequest.newBuilder(URI.create(base + "/healthz")).build()
                : traffic.next(Traffic.Kind.SLASH);
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return new AppProcess(process, port, Duration.ofNanos(System.nanoTime() - started));
        }
      } catch (IOException notListeningYet) {
        // keep polling
      }
      Thread.sleep(5);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** From starting the JVM to the first successful answer ({@code 200} on {@code /healthz}). */
  Duration startup() {
    return startup;
  }

  /** CPU time the app has used so far (user and system, all threads), or empty if unknown. */
  Optional<Duration> cpu() {
    return process.toHandle().info().totalCpuDuration();
  }

  /** The kernel's high-water mark of resident memory ({@code VmHWM}), Linux only. */
  OptionalLong peakRssBytes() {
    return BotProcess.peakRss(process);
  }

  /** SIGTERM, as Docker and Kubernetes stop it; the exit code tells whether it stopped cleanly. */
  @Override
  public void close() {
    BotProcess.terminate(process);
  }
}
