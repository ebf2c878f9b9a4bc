package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The version tokens of one message, each read once: a token that cannot be read is noted once (a
 * log repeats its timestamps' shapes), and one a slip away from a real version ("2.18.O") is read
 * as that version, with a note saying so.
 */
final class VersionTokens {
  private final List<String> notes;
  private final List<String> bareNumbers;
  private final Set<String> unreadable = new HashSet<>();
  private boolean nearMiss;

  VersionTokens(List<String> notes, List<String> bareNumbers) {
    this.notes = notes;
    this.bareNumbers = bareNumbers;
  }

  Optional<Version> read(String token) {
    if (unreadable.contains(token)) {
      return Optional.empty();
    }
    Optional<Version> near = VersionToken.nearMiss(token);
    if (near.isPresent()) {
      nearMiss = true;
      notes.add(
          "`"
              + QueryParser.shorten(token, 40)
              + "` is not a version; I read it as "
              + near.get()
              + ".");
      return near;
    }
    Optional<Version> version = VersionToken.read(token, notes, bareNumbers);
    if (version.isEmpty()) {
      unreadable.add(token);
    }
    return version;
  }

  /** Whether a version was read as the one it was a slip away from. */
  boolean nearMiss() {
    return nearMiss;
  }
}
