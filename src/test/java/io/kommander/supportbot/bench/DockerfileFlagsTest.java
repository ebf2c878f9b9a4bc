package io.kommander.supportbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark runs the bot with the image's flags: they must read back, and the JVM take them.
 */
class DockerfileFlagsTest {
  final Path dockerfile = Path.of("Dockerfile");

  @Test
  void readsTheEntrypointFlagsWithItsArgumentFileExpanded() throws Exception {
    List<String> flags = DockerfileFlags.read(dockerfile);
    assertThat(flags)
        .contains("-Xmx128m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
        .contains("-XX:SharedArchiveFile=/app/cds/kommander-support-bot.jsa")
        .noneMatch(flag -> flag.startsWith("@") || flag.contains("#") || flag.isBlank());
    assertThat(ClassArchive.without(flags))
        .noneMatch(flag -> flag.startsWith(ClassArchive.USE))
        .hasSize(flags.size() - 1);
  }

  @Test
  void theJvmAcceptsTheArgumentFileAsTheImageUsesIt() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@config/jvm.options");
    command.add("-XX:+PrintFlagsFinal");
    command.add("-version");
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes());
    assertThat(java.waitFor()).as(output).isZero();
    assertThat(output)
        .containsPattern("MaxHeapSize\\s+= 134217728 ")
        .containsPattern("UseSerialGC\\s+= true ");
  }

  @Test
  void readmesRunCommandAppliesTheSameFlagsAsTheImage() throws Exception {
    List<String> readme = ReadmeCommand.serve(Path.of("README.md"));
    assertThat(readme)
        .containsExactly(
            "@config/jvm.options", "-jar", "target/kommander-support-bot.jar", "serve");
    assertThat(ClassArchive.without(DockerfileFlags.read(dockerfile)))
        .isEqualTo(DockerfileFlags.argumentFile(Path.of("config/jvm.options")));
  }
}
