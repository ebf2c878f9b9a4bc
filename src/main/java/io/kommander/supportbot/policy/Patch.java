package io.kommander.supportbot.policy;

import java.time.LocalDate;

/** A patch release of one product, with its date when known. */
public record Patch(Version version, LocalDate date) {
  public Patch {
    if (version == null || version.patch().isEmpty()) {
      throw new IllegalArgumentException("a patch needs a MAJOR.MINOR.PATCH version");
    }
  }
}
