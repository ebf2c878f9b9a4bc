package io.kommander.supportbot.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags the image ships, read from the Dockerfile's {@code ENTRYPOINT} (and the argument
 * files it names) so the benchmark measures what production runs and cannot drift from it.
 */
final class DockerfileFlags {
  /** The image's working directory, where the repository's {@code config/} is copied. */
  private static final String IMAGE_HOME = "/app/";

  private DockerfileFlags() {}

  /**
   * The arguments between {@code java} and {@code -jar} in the exec-form ENTRYPOINT, with each
   * {@code @/app/FILE} argument file expanded from this checkout's {@code FILE}.
   */
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
    List<String> flags = new ArrayList<>();
    for (String arg : argv.subList(1, jar)) {
      if (arg.startsWith("@" + IMAGE_HOME)) {
        flags.addAll(argumentFile(Path.of(arg.substring(1 + IMAGE_HOME.length()))));
      } else {
        flags.add(arg);
      }
    }
    return List.copyOf(flags);
  }

  /** The java launcher's @-file: arguments separated by white space, # to the end of a line. */
  static List<String> argumentFile(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(line -> line.replaceFirst("#.*", "").strip())
        .filter(line -> !line.isEmpty())
        .flatMap(line -> Arrays.stream(line.split("\\s+")))
        .toList();
  }
}
