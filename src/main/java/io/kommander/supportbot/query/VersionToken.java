package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Version;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one token as a version, in every form people type one, or says why it is not one. */
final class VersionToken {
  private static final Pattern VERSION =
      Pattern.compile("[vV]?(\\d+)\\.(\\d+)(?:\\.(\\d+|[xX*]))?");

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern NO_MINOR = Pattern.compile("\\d++\\.[xX*](?:\\.[xX*\\d]++)?");

  private VersionToken() {}

  /**
   * The version a token names ("1.4", "v2.17.1", "1.4.x"), or empty with a note on why it is not
   * one; a bare number ("3 clusters") is set aside in {@code bareNumbers}, a problem only if the
   * message names nothing else.
   */
  static Optional<Version> read(String token, List<String> notes, List<String> bareNumbers) {
    if (token.startsWith("-")) {
      notes.add(QueryParser.problem(token, "versions are never negative"));
      return Optional.empty();
    }
    if (DIGITS.matcher(token).matches()) {
      bareNumbers.add(token); // prose has numbers ("3 clusters"); only a problem if nothing else
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(token);
    if (!m.matches()) {
      String core = token.substring(leading(token));
      long parts = core.chars().filter(c -> c == '.').count() + 1;
      if (parts > 3 && dottedDigits(core)) {
        notes.add(
            QueryParser.problem(
                token, "it has " + parts + " parts, one more than MAJOR.MINOR.PATCH"));
      } else if (NO_MINOR.matcher(core).matches()) {
        notes.add(
            QueryParser.problem(
                token, "it names no minor line; which one, e.g. " + core.charAt(0) + ".4?"));
      } else {
        notes.add(QueryParser.problem(token, "I can't read it"));
      }
      return Optional.empty();
    }
    int major = QueryParser.number(m.group(1));
    int minor = QueryParser.number(m.group(2));
    String patchText = m.group(3);
    boolean wildcard = patchText != null && !Character.isDigit(patchText.charAt(0));
    int patch = patchText == null || wildcard ? 0 : QueryParser.number(patchText);
    if (major < 0 || minor < 0 || patch < 0) {
      notes.add(QueryParser.problem(token, "a number in it is larger than " + Minor.MAX_COMPONENT));
      return Optional.empty();
    }
    Minor line = new Minor(major, minor);
    return Optional.of(
        patchText == null || wildcard
            ? Version.of(line)
            : new Version(line, OptionalInt.of(patch)));
  }

  /** How many of {@code token}'s first characters are signs or v's ("+v1.2" reads as 1.2). */
  private static int leading(String token) {
    int i = 0;
    while (i < token.length() && "+vV".indexOf(token.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /**
   * Whether {@code core} is numbers joined by single dots ("1.2.3.4"): scanned, not matched by a
   * repeated group, which the JDK's regex engine follows by recursion and which overflowed the
   * stack on 2,000 parts (issue 34).
   */
  static boolean dottedDigits(String core) {
    int i = 0;
    while (true) {
      int end = Scan.digitsEnd(core, i);
      if (end == i) {
        return false;
      }
      if (end == core.length()) {
        return true;
      }
      if (core.charAt(end) != '.') {
        return false;
      }
      i = end + 1;
    }
  }

  /**
   * A version one slip away from a real one: a letter O for a zero ("2.18.O"), or a dot too many
   * between a minor's digits ("2.1.6.1" for 2.16.1). Empty for anything else.
   */
  static Optional<Version> nearMiss(String token) {
    String core = token.substring(leading(token));
    String zeroed = core.replace('O', '0').replace('o', '0');
    if (!zeroed.equals(core) && dottedDigits(zeroed)) {
      return Scan.exactPatch(zeroed).or(() -> Scan.versionAt(zeroed, 0));
    }
    String[] parts = core.split("\\.", -1);
    // Only the platform's numbering (2.12 on) has two-digit minors to split: 1.4.2.1 is no slip.
    if (parts.length == 4
        && dottedDigits(core)
        && parts[0].equals("2")
        && parts[1].length() == 1
        && !parts[1].equals("0")
        && parts[2].length() == 1) {
      return Scan.exactPatch(parts[0] + "." + parts[1] + parts[2] + "." + parts[3]);
    }
    return Optional.empty();
  }
}
