package io.kommander.supportbot.policy;

import java.util.Optional;

/**
 * The Kubernetes a line deploys.
 *
 * @param minor the Kubernetes minor the line ships
 * @param min the oldest supported minor, where the sources give a range (else {@code minor})
 * @param max the newest supported minor, where the sources give a range (else {@code minor})
 * @param defaultPatch the default Kubernetes patch, when known
 */
public record Kubernetes(Minor minor, Minor min, Minor max, Version defaultPatch, String source) {
  public Kubernetes {
    if (minor == null) {
      throw new CatalogRuleException("minor", "kubernetes needs its minor, e.g. \"1.27\"");
    }
    min = min == null ? minor : min;
    max = max == null ? minor : max;
    if (min.compareTo(minor) > 0 || max.compareTo(minor) < 0) {
      throw new CatalogRuleException(
          "minor", "kubernetes " + minor + " is outside its own range " + min + "-" + max);
    }
    if (defaultPatch != null && !defaultPatch.line().equals(minor)) {
      throw new CatalogRuleException(
          "defaultPatch", "defaultPatch " + defaultPatch + " is not a " + minor + " patch");
    }
  }

  /** Whether a cluster of Kubernetes {@code k} is in the line's supported range. */
  public boolean runs(Minor k) {
    return min.compareTo(k) <= 0 && max.compareTo(k) >= 0;
  }

  public boolean isRange() {
    return !min.equals(max);
  }

  public Optional<Version> defaultVersion() {
    return Optional.ofNullable(defaultPatch);
  }
}
