package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.bench.AppProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar in its own JVM, started with README's command and so with the production flags
 * of config/jvm.options (a 128 MB heap, {@code -XX:+ExitOnOutOfMemoryError}): a request that
 * exhausts the heap ends the process, as it would in production, and the test sees it. Tests that
 * use it are tagged {@code packaged} and run in {@code mvn verify}'s integration-test phase, after
 * the jar is built.
 */
final class PackagedBot implements AutoCloseable {
  static final Path JAR = Path.of("target/kommander-support-bot.jar");

  private final AppProcess app;
  private final Path log;

  private PackagedBot(AppProcess app, Path log) {
    this.app = app;
    this.log = log;
  }

  /** Starts the jar without Slack (page, images, API, /ask); its output goes to target/packaged. */
  static PackagedBot start(String name) throws IOException, InterruptedException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(
          JAR + " is missing: packaged tests run after `mvn package` (mvn -B verify)");
    }
    Path log = Files.createDirectories(Path.of("target/packaged")).resolve(name + ".log");
    return new PackagedBot(AppProcess.launch(AppProcess.App.BOT, List.of(), Map.of(), log), log);
  }

  int port() {
    return app.port();
  }

  AppProcess process() {
    return app;
  }

  /** Alive, answering /healthz, and its log free of an OutOfMemoryError. */
  void assertHealthy() throws IOException {
    assertThat(app.isAlive()).as("the bot's JVM is running; see " + log).isTrue();
    assertThat(RawHttp.send(port(), "GET", "/healthz", Map.of(), new byte[0]).status())
        .isEqualTo(200);
    assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    app.close();
  }
}
