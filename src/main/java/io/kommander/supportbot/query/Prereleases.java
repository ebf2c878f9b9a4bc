package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Version;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pre-release build's tag ({@code v2.18.0-rc.3}, {@code 2.17.2-dev}): never a release. */
final class Prereleases {
  /** Linear: bounded numbers, then a possessive tail. */
  private static final Pattern BUILD =
      Pattern.compile(
          "[vV]?+(\\d{1,3}+\\.\\d{1,3}+\\.\\d{1,3}+)-(?:rc|dev|beta|alpha|vanguard|pre)[\\w.\\-]*+",
          Pattern.CASE_INSENSITIVE);

  private Prereleases() {}

  /** A build read from a token. */
  record Build(Version version, String name) {}

  static Optional<Build> read(String token) {
    if (token.indexOf('-') < 0) {
      return Optional.empty(); // every pre-release tag has its dash; most tokens have none
    }
    Matcher m = BUILD.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = token.charAt(0) == 'v' || token.charAt(0) == 'V' ? token.substring(1) : token;
    return Scan.exactPatch(m.group(1)).map(v -> new Build(v, name));
  }
}
