package io.kommander.supportbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline app, bare Bolt on Bolt's own Jetty 9.4 server, lives in its own Maven project
 * ({@code src/bench/bare-bolt}) so that Jetty 9.4 never meets the bot's Jetty 12 on a classpath.
 * Built once per harness run with the same Maven that runs the harness.
 */
final class BareBolt {
  static final Path PROJECT = Path.of("src/bench/bare-bolt");
  static final String MAIN = "io.kommander.barebolt.BareBoltApp";

  private BareBolt() {}

  /** Its classes and dependencies, building the project first. */
  static synchronized String classpath() throws IOException, InterruptedException {
    Path listed = PROJECT.resolve("target/classpath.txt");
    if (!Files.exists(listed)) {
      Process build =
          new ProcessBuilder(
                  List.of(
                      "mvn", "-B", "-q", "-f", PROJECT.resolve("pom.xml").toString(), "package"))
              .inheritIO()
              .start();
      if (build.waitFor() != 0) {
        throw new IllegalStateException("building " + PROJECT + " failed");
      }
    }
    return PROJECT.resolve("target/classes")
        + java.io.File.pathSeparator
        + Files.readString(listed);
  }
}
