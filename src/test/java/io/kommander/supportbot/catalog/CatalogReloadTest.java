package io.kommander.supportbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kommander.supportbot.Config;
import io.kommander.supportbot.Serve;
import io.kommander.supportbot.TestCatalogs;
import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running bot sees catalog file changes without a restart; a broken file keeps the old data.
 */
class CatalogReloadTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String ask(int port, String q) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/ask?q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String awaitAnswer(int port, String q, Predicate<String> done) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> ask(port, q), done);
  }

  /** How many file changes the watcher has refused so far (a process-wide counter). */
  private static double refused() {
    return Metrics.counter("catalog.reloads", "source", "file", "outcome", "refused").count();
  }

  @Test
  void aValidChangeIsServedAndABrokenOneIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("releases.yaml"), TestCatalogs.aprilText());
    Config config =
        Config.of(
            0,
            file,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "http://127.0.0.1:1/api/");
    try (Serve serve =
        Serve.start(
            config,
            "127.0.0.1",
            Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))) {
      int port = serve.bot().port();
      assertThat(ask(port, "nkp 2.18")).contains("\nNKP 2.18: unknown\n");
      String before = serve.live().catalog().version();

      Files.writeString(file, TestCatalogs.withPlannedText());
      String planned = awaitAnswer(port, "nkp 2.18", a -> a.contains("not released yet"));
      assertThat(planned).contains("\nNKP 2.18: not released yet\n", "Planned for 2027-01-15.");
      assertThat(ask(port, "2.15"))
          .contains("Supported until NKP 2.18 ships (planned for 2027-01-15).");
      assertThat(serve.live().catalog().version()).isNotEqualTo(before);

      String good = serve.live().catalog().version();
      double refusedBefore = refused();
      Files.writeString(file, TestCatalogs.withPlannedText().replace("window: 3", "window: -1"));
      // The watcher saw the broken file and refused it (not: it has not looked yet).
      await().atMost(Duration.ofSeconds(10)).until(() -> refused() > refusedBefore);
      assertThat(serve.live().catalog().version()).isEqualTo(good);
      assertThat(ask(port, "nkp 2.18")).contains("Planned for 2027-01-15.");
    }
  }
}
