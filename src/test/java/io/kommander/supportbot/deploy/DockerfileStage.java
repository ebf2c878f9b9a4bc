package io.kommander.supportbot.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions of a Dockerfile's final stage, continuation lines joined and comments dropped:
 * what {@link ImageReplayTest} replays without a Docker engine.
 */
record DockerfileStage(List<Instruction> instructions) {
  /** One instruction: its keyword in upper case and the rest of its (joined) line. */
  record Instruction(String keyword, String arguments) {}

  static DockerfileStage last(Path dockerfile) throws IOException {
    List<Instruction> all = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(dockerfile)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue; // a comment inside a continued RUN is dropped too, as Docker does
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String joined = pending.toString().strip();
      pending.setLength(0);
      if (joined.isEmpty()) {
        continue;
      }
      int space = joined.indexOf(' ');
      all.add(
          new Instruction(
              joined.substring(0, space < 0 ? joined.length() : space).toUpperCase(Locale.ROOT),
              space < 0 ? "" : joined.substring(space + 1).strip()));
    }
    int from = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).keyword().equals("FROM")) {
        from = i;
      }
    }
    if (from < 0) {
      throw new IOException(dockerfile + " has no FROM");
    }
    return new DockerfileStage(List.copyOf(all.subList(from + 1, all.size())));
  }
}
