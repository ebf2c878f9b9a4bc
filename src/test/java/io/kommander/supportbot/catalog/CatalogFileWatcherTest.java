package io.kommander.supportbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFileWatcherTest {
  @Test
  void aDeletedFileIsExplainedOnceAndTheLastGoodCatalogStays(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("releases.yaml"), TestCatalogs.aprilText());
    LiveCatalog live = new LiveCatalog(TestCatalogs.april(), Clock.systemUTC());
    PrintStream stderr = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8)); // slf4j-simple logs here
    try (CatalogFileWatcher watcher =
        new CatalogFileWatcher(file, live).start(Duration.ofHours(1))) {
      String version = live.catalog().version();
      Files.delete(file);
      watcher.check();
      watcher.check();
      watcher.check();
      Files.writeString(file, TestCatalogs.aprilText());
      watcher.check();
      assertThat(live.catalog().version()).isEqualTo(version);
    } finally {
      System.setErr(stderr);
    }
    String log = logs.toString(StandardCharsets.UTF_8);
    assertThat(log.split("the file is gone", -1))
        .as(log)
        .hasSize(2); // said once, with the reason, not the path twice
    assertThat(log).contains("is readable again");
  }

  @Test
  void reasonsAreWords() {
    assertThat(CatalogFileWatcher.why(new NoSuchFileException("/x/releases.yaml")))
        .isEqualTo("the file is gone (deleted, renamed, or its mount changed)");
  }
}
