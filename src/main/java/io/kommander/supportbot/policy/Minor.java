package io.kommander.supportbot.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code MAJOR.MINOR} release line number, the unit the support policy counts in. */
public record Minor(int major, int minor) implements Comparable<Minor> {
  /** Components above this are typos, not versions; the bound also keeps arithmetic safe. */
  public static final int MAX_COMPONENT = 999;

  private static final Pattern STRICT = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");

  public Minor {
    if (major < 0 || minor < 0 || major > MAX_COMPONENT || minor > MAX_COMPONENT) {
      throw new IllegalArgumentException(
          "version components must be between 0 and " + MAX_COMPONENT + ": " + major + "." + minor);
    }
  }

  /** Parses the strict catalog form {@code 1.4}; free text goes through the query parser. */
  public static Minor parse(String text) {
    Matcher m = STRICT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a MAJOR.MINOR version such as 1.4");
    }
    return new Minor(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  @Override
  public int compareTo(Minor o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
