package io.kommander.supportbot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One app under test in its own JVM, started with the Dockerfile's flags: the bot from its jar, or
 * the bare Bolt app from its own project ({@link BareBolt}). Knows how long it took to become ready
 * and how much memory it has held at most.
 */
public final class AppProcess implements AutoCloseable {
  /** Which app to start. */
  public enum App {
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

  /**
   * Starts {@code app} and waits until it answers.
   *
   * @param jvmFlags for the bot, only a class-data archive is taken: README's command applies
   *     config/jvm.options itself
   */
  public static AppProcess launch(App app, List<String> jvmFlags, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
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

  public int port() {
    return port;
  }

  public String baseUrl() {
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
  public OptionalLong peakRssBytes() {
    return procStatus("VmHWM:");
  }

  /** Resident memory now ({@code VmRSS}), Linux only. */
  public OptionalLong rssBytes() {
    return procStatus("VmRSS:");
  }

  /** Whether the JVM is still running (an OutOfMemoryError under the production flags ends it). */
  public boolean isAlive() {
    return process.isAlive();
  }

  private OptionalLong procStatus(String field) {
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    try {
      return Files.readAllLines(status).stream()
          .filter(line -> line.startsWith(field))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** SIGTERM, as Docker and Kubernetes stop it; the exit code tells whether it stopped cleanly. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
