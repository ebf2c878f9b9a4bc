package io.kommander.supportbot.policy;

import java.util.List;
import java.util.Optional;

/**
 * What support platform applications get, for the concern asked about: the secondary-support rows
 * (severities), and the line they run on when one was named.
 *
 * @param apps the applications named, none when asked about platform applications in general
 */
public record PlatformAppsAnswer(
    List<String> apps,
    Question.Concern concern,
    SecondarySupport table,
    Optional<Answer.LineAnswer> line)
    implements Answer {
  public PlatformAppsAnswer {
    apps = List.copyOf(apps);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.platformApps(this);
  }

  /** The rows that answer the concern: its own, or all of them. */
  public List<SecondarySupport.Type> rows() {
    String want =
        switch (concern) {
          case CONFIGURATION -> "configuration";
          case FAILURE -> "failure";
          case BUG_FIX -> "bug";
          case DOCUMENTATION -> "documentation";
          case ANY -> "";
        };
    List<SecondarySupport.Type> rows =
        table.types().stream()
            .filter(t -> t.type().toLowerCase(java.util.Locale.ROOT).contains(want))
            .toList();
    return rows.isEmpty() ? table.types() : rows;
  }
}
