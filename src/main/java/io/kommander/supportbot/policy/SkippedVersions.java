package io.kommander.supportbot.policy;

import java.util.List;

/** Version numbers that were skipped or abandoned, with what happened instead. */
public record SkippedVersions(List<Minor> versions, String note, String source) {
  public SkippedVersions {
    if (versions == null || versions.isEmpty()) {
      throw new CatalogRuleException("versions", "list the versions that were never released");
    }
    if (note == null || note.isBlank()) {
      throw new CatalogRuleException("note", "say what came instead of the versions");
    }
    versions = List.copyOf(versions);
  }
}
