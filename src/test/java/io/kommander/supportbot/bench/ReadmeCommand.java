package io.kommander.supportbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * README's own command for running the bot ({@code java @config/jvm.options -jar ... serve}), read
 * from README so the load harness measures exactly what a newcomer runs.
 */
final class ReadmeCommand {
  private ReadmeCommand() {}

  /** The arguments after {@code java} on README's {@code serve} line. */
  static List<String> serve(Path readme) throws IOException {
    String line =
        Files.readAllLines(readme).stream()
            .map(String::strip)
            .filter(l -> l.startsWith("java ") && l.endsWith(" serve"))
            .findFirst()
            .orElseThrow(() -> new IOException(readme + " has no `java ... serve` line"));
    List<String> argv = Arrays.asList(line.split("\\s+"));
    return List.copyOf(argv.subList(1, argv.size()));
  }
}
