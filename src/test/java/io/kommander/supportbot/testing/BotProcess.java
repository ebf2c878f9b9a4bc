package io.kommander.supportbot.testing;

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
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve} in a JVM of its own with the production flags ({@code @config/jvm.options}: the 128
 * MB heap, {@code -XX:+ExitOnOutOfMemoryError}), so that what would kill a pod kills it here and
 * the test sees it. The packaged jar when the build passes it ({@code -Dbot.jar}: the {@code
 * packaged} tests run after {@code package}), else the classes under test on the same flags. Its
 * output goes to a log file the test can read.
 */
public final class BotProcess implements AutoCloseable {
  /** The jar the {@code packaged} execution of the build tests, when set. */
  public static final String JAR_PROPERTY = "bot.jar";

  private final Process process;
  private final int port;
  private final Path log;

  private BotProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code serve} with {@code env} (on a free {@code PORT}) and returns once {@code
   * /healthz} answers 200.
   *
   * @throws IllegalStateException if it exits first, or is not healthy within a minute
   */
  public static BotProcess start(Map<String, String> env, Path log) throws Exception {
    BotProcess bot = launch(env, log);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!bot.process.isAlive()) {
        throw new IllegalStateException(
            "serve exited with " + bot.process.exitValue() + ":\n" + bot.log());
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return bot;
        }
      } catch (IOException notListeningYet) {
        // keep polling
      }
      Thread.sleep(20);
    }
    bot.close();
    throw new IllegalStateException("serve not healthy within a minute:\n" + bot.log());
  }

  /** Starts {@code serve} without waiting: for a start that is meant to fail. */
  public static BotProcess launch(Map<String, String> env, Path log) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@config/jvm.options");
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar != null) {
      if (!Files.isRegularFile(Path.of(jar))) {
        throw new IllegalStateException(jar + " is missing: the packaged tests run after package");
      }
      command.addAll(List.of("-jar", jar));
    } else {
      command.addAll(
          List.of("-cp", System.getProperty("java.class.path"), "io.kommander.supportbot.Main"));
    }
    command.add("serve");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    return new BotProcess(builder.start(), port, log);
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Waits for it to exit on its own; its exit code. */
  public int exitCode(Duration within) throws InterruptedException {
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("still running after " + within + ":\n" + log());
    }
    return process.exitValue();
  }

  /** Everything it has written so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(" + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** The kernel's high-water mark of its resident memory ({@code VmHWM}), 0 once it has gone. */
  public long peakRssBytes() {
    return peakRss(process).orElse(0);
  }

  /** Its resident memory now ({@code VmRSS}), 0 once it has gone. */
  public long rssBytes() {
    return procStatus(process, "VmRSS:").orElse(0);
  }

  /** A process's high-water mark of resident memory ({@code VmHWM}), Linux only. */
  public static OptionalLong peakRss(Process process) {
    return procStatus(process, "VmHWM:");
  }

  /** A memory figure of {@code /proc/PID/status}, in bytes. */
  private static OptionalLong procStatus(Process process, String field) {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
          .filter(line -> line.startsWith(field))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
          .findFirst();
    } catch (IOException | RuntimeException gone) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** SIGTERM, as Kubernetes stops it, then SIGKILL after 20 s; its log is then complete. */
  public void stop() {
    terminate(process);
  }

  /** SIGTERM, then SIGKILL if it has not exited within 20 s. */
  public static void terminate(Process process) {
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

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
