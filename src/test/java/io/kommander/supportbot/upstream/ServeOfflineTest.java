package io.kommander.supportbot.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.Serve;
import io.kommander.supportbot.testing.ManualClock;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code serve} with the watcher on (the default) where upstream cannot be reached, as on a machine
 * without internet: healthy, ready, one line about the watcher's trouble, no stack trace.
 */
class ServeOfflineTest {
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void listen() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    root.detachAppender(logged);
  }

  @Test
  void upstreamUnreachableLeavesTheBotHealthyReadyAndQuiet(@TempDir Path dir) throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens here once closed: a refused connection
    }
    Config config =
        Config.fromEnv(
            Map.of(
                "PORT",
                "0",
                "DATA_DIR",
                dir.toString(),
                "UPSTREAM_TAGS_URL",
                "http://127.0.0.1:" + closed + "/repos/mesosphere/kommander-applications/tags"));
    try (Serve serve = Serve.start(config, "127.0.0.1", new ManualClock("2026-11-29T10:00:00Z"))) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> watcherSaid().stream().anyMatch(e -> e.getLevel() == Level.WARN));
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("/healthz", "/readyz")) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.bot().port() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
      }
    }
    assertThat(watcherSaid())
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getFormattedMessage())
                    .startsWith("Upstream watcher: cannot read http://127.0.0.1:" + closed)
                    .endsWith("keeping what I know"));
    assertThat(logged.list).allMatch(e -> e.getThrowableProxy() == null, "no stack trace");
  }

  private List<ILoggingEvent> watcherSaid() {
    return List.copyOf(logged.list).stream()
        .filter(e -> e.getLoggerName().equals(UpstreamWatcher.class.getName()))
        .toList();
  }
}
