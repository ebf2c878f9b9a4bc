package io.kommander.supportbot.policy;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as asked about: a line, and a patch when one was given ({@code 1.4} or {@code 1.4.2}).
 */
public record Version(Minor line, OptionalInt patch) {
  private static final Pattern STRICT =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,3}))?");

  public Version {
    if (line == null || patch == null) {
      throw new IllegalArgumentException("a version needs a line");
    }
    if (patch.isPresent() && (patch.getAsInt() < 0 || patch.getAsInt() > Minor.MAX_COMPONENT)) {
      throw new IllegalArgumentException("patch out of range: " + patch.getAsInt());
    }
  }

  public static Version of(Minor line) {
    return new Version(line, OptionalInt.empty());
  }

  public static Version of(int major, int minor, int patch) {
    return new Version(new Minor(major, minor), OptionalInt.of(patch));
  }

  /** Parses the strict catalog form {@code 1.4} or {@code 1.4.2}. */
  public static Version parse(String text) {
    Matcher m = STRICT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a version such as 1.4 or 1.4.2");
    }
    Minor line = new Minor(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    return m.group(3) == null
        ? of(line)
        : new Version(line, OptionalInt.of(Integer.parseInt(m.group(3))));
  }

  @Override
  public String toString() {
    return patch.isPresent() ? line + "." + patch.getAsInt() : line.toString();
  }
}
