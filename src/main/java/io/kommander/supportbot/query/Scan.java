package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Plain scanning for what pasted output says, in one pass and without backtracking: each helper
 * moves forward through the text, so reading a paste costs time in proportion to its length,
 * whatever it holds. Numbers are read with a bound ({@link Minor#MAX_COMPONENT}), never parsed
 * whole, so a run of digits cannot overflow.
 */
final class Scan {
  private Scan() {}

  /**
   * {@code text} lower-cased one character at a time, so every index into it is an index into
   * {@code text} ({@link String#toLowerCase} may change the length).
   */
  static String lower(String text) {
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  /** Where the line that holds index {@code i} ends: its newline, or the end of the text. */
  static int lineEnd(String s, int i) {
    int end = s.indexOf('\n', i);
    return end < 0 ? s.length() : end;
  }

  /** Whether the line starting at {@code i} is indented (a YAML block's member). */
  static boolean indented(CharSequence s, int i) {
    return i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t');
  }

  /** The first index at or after {@code i} that is not a space or a tab. */
  static int skipBlanks(CharSequence s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The first index at or after {@code i} that is not whitespace (newlines included). */
  static int skipWhitespace(CharSequence s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the run of digits at {@code i} ({@code i} itself when there is none). */
  static int digitsEnd(CharSequence s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** The digits from {@code start} to {@code end} as a number, or -1 when out of range. */
  static int number(CharSequence s, int start, int end) {
    if (end <= start || end - start > 3) {
      return -1;
    }
    int n = 0;
    for (int i = start; i < end; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n <= Minor.MAX_COMPONENT ? n : -1;
  }

  /**
   * The version at {@code i}: an optional {@code v}, then {@code MAJOR.MINOR} and an optional
   * {@code .PATCH}; anything may follow it ("v1.29.6-eks", "1.30.2+k3s1"). Empty when no version
   * starts there or a number in it is out of range.
   */
  static Optional<Version> versionAt(CharSequence s, int i) {
    if (i < s.length() && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
      i++;
    }
    int majorEnd = digitsEnd(s, i);
    if (majorEnd == i || majorEnd >= s.length() || s.charAt(majorEnd) != '.') {
      return Optional.empty();
    }
    int minorEnd = digitsEnd(s, majorEnd + 1);
    int major = number(s, i, majorEnd);
    int minor = number(s, majorEnd + 1, minorEnd);
    if (major < 0 || minor < 0) {
      return Optional.empty();
    }
    Minor line = new Minor(major, minor);
    if (minorEnd < s.length() && s.charAt(minorEnd) == '.') {
      int patchEnd = digitsEnd(s, minorEnd + 1);
      int patch = number(s, minorEnd + 1, patchEnd);
      if (patchEnd > minorEnd + 1) {
        return patch < 0 ? Optional.empty() : Optional.of(new Version(line, OptionalInt.of(patch)));
      }
    }
    return Optional.of(Version.of(line));
  }

  /** The Kubernetes minor of the version at {@code i} ({@code v1.29.6}), when one starts there. */
  static Optional<Minor> minorAt(CharSequence s, int i) {
    return versionAt(s, i).map(Version::line);
  }

  /** The whole of {@code s} as {@code MAJOR.MINOR.PATCH} (optional {@code v}), nothing after. */
  static Optional<Version> exactPatch(String s) {
    int i = s.startsWith("v") || s.startsWith("V") ? 1 : 0;
    int majorEnd = digitsEnd(s, i);
    int minorEnd =
        majorEnd < s.length() && s.charAt(majorEnd) == '.' ? digitsEnd(s, majorEnd + 1) : -1;
    boolean whole =
        minorEnd > majorEnd + 1
            && minorEnd < s.length()
            && s.charAt(minorEnd) == '.'
            && digitsEnd(s, minorEnd + 1) == s.length()
            && s.length() > minorEnd + 1;
    return whole ? versionAt(s, 0) : Optional.empty();
  }

  /**
   * The text with some spans blanked out: what a recognizer read is taken out, so the reader does
   * not read it again. Spans may overlap and come in any order.
   */
  static final class Cuts {
    private final String text;
    private final List<int[]> spans = new ArrayList<>();

    Cuts(String text) {
      this.text = text;
    }

    void cut(int start, int end) {
      if (end > start) {
        spans.add(new int[] {start, end});
      }
    }

    boolean isEmpty() {
      return spans.isEmpty();
    }

    /** The text with each span (merged where they overlap) replaced by one space. */
    String rest() {
      if (spans.isEmpty()) {
        return text;
      }
      spans.sort((a, b) -> Integer.compare(a[0], b[0]));
      StringBuilder out = new StringBuilder(text.length());
      int at = 0;
      int i = 0;
      while (i < spans.size()) {
        int start = spans.get(i)[0];
        int end = spans.get(i)[1];
        for (i++; i < spans.size() && spans.get(i)[0] <= end; i++) {
          end = Math.max(end, spans.get(i)[1]);
        }
        out.append(text, at, start).append(' ');
        at = end;
      }
      return out.append(text, at, text.length()).toString();
    }
  }
}
