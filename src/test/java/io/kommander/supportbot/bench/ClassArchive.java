package io.kommander.supportbot.bench;

import io.kommander.supportbot.bench.AppProcess.App;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image's class-data-sharing archive, made here the way the Dockerfile makes it: a training run
 * of {@code serve} without Slack that answers one question and stops, archiving the classes it
 * loaded. The bot is then measured with it, as the image runs.
 */
final class ClassArchive {
  static final String USE = "-XX:SharedArchiveFile=";

  private ClassArchive() {}

  /** The flags without the archive: for the bare app, which the image does not ship. */
  static List<String> without(List<String> flags) {
    return flags.stream().filter(flag -> !flag.startsWith(USE)).toList();
  }

  /**
   * The flags with the image's archive path replaced by a freshly trained archive in {@code dir}.
   */
  static List<String> trained(List<String> flags, Path dir)
      throws IOException, InterruptedException {
    if (flags.stream().noneMatch(flag -> flag.startsWith(USE))) {
      return flags;
    }
    Path archive = dir.resolve("kommander-support-bot.jsa").toAbsolutePath();
    Files.deleteIfExists(archive);
    List<String> training = new ArrayList<>(without(flags));
    training.add("-XX:ArchiveClassesAtExit=" + archive);
    Path log = dir.resolve("cds-training.log");
    try (AppProcess bot =
        AppProcess.launch(App.BOT, training, Map.of("DATA_DIR", dir.toString()), log)) {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/ask?q=1.4")).build(),
              HttpResponse.BodyHandlers.discarding());
    } // SIGTERM: the JVM writes the archive as it exits
    if (!Files.isRegularFile(archive)) {
      throw new IOException("the training run wrote no class archive; see " + log);
    }
    List<String> trained = new ArrayList<>();
    for (String flag : flags) {
      trained.add(flag.startsWith(USE) ? USE + archive : flag);
    }
    return trained;
  }
}
