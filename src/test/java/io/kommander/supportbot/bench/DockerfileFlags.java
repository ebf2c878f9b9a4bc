package io.kommander.supportbot.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM flags the image ships, read from the Dockerfile's {@code ENTRYPOINT} so the benchmark
 * measures what production runs and cannot drift from it.
 */
final class DockerfileFlags {
  private DockerfileFlags() {}

  /** The arguments between {@code java} and {@code -jar} in the exec-form ENTRYPOINT. */
  static List<String> read(Path dockerfile) throws IOException {
    String entrypoint =
        Files.readAllLines(dockerfile).stream()
            .filter(line -> line.startsWith("ENTRYPOINT ["))
            .reduce((first, last) -> last) // the final stage's
            .orElseThrow(() -> new IOException(dockerfile + " has no exec-form ENTRYPOINT"));
    List<String> argv =
        new ObjectMapper()
            .readValue(entrypoint.substring("ENTRYPOINT ".length()), new TypeReference<>() {});
    int jar = argv.indexOf("-jar");
    if (argv.isEmpty() || !argv.get(0).equals("java") || jar < 0) {
      throw new IOException(dockerfile + ": ENTRYPOINT is not [\"java\", ..., \"-jar\", ...]");
    }
    return List.copyOf(argv.subList(1, jar));
  }
}
