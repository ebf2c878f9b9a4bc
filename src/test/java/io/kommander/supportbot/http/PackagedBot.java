package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.testing.BotProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged jar without Slack (page, images, API, /ask) in its own JVM with the production flags
 * ({@link BotProcess}: a 128 MB heap, {@code -XX:+ExitOnOutOfMemoryError}): a request that exhausts
 * the heap ends the process, as it would in production, and the test sees it. Tests that use it are
 * tagged {@code packaged} and run after {@code package}.
 */
final class PackagedBot implements AutoCloseable {
  private final BotProcess process;

  private PackagedBot(BotProcess process) {
    this.process = process;
  }

  /** Starts the jar; its output goes to target/packaged/NAME.log. */
  static PackagedBot start(String name) throws Exception {
    Path log = Files.createDirectories(Path.of("target/packaged")).resolve(name + ".log");
    return new PackagedBot(BotProcess.start(Map.of(), log));
  }

  int port() {
    return process.port();
  }

  boolean alive() {
    return process.alive();
  }

  long rssBytes() {
    return process.rssBytes();
  }

  long peakRssBytes() {
    return process.peakRssBytes();
  }

  /** Alive, answering /healthz, and its log free of an OutOfMemoryError. */
  void assertHealthy() throws IOException {
    assertThat(process.alive()).as("the bot's JVM is running:\n" + process.log()).isTrue();
    assertThat(RawHttp.send(port(), "GET", "/healthz", Map.of(), new byte[0]).status())
        .isEqualTo(200);
    assertThat(process.log()).doesNotContain("OutOfMemoryError");
  }

  @Override
  public void close() {
    process.close();
  }
}
