package io.kommander.supportbot.policy;

import io.kommander.supportbot.policy.Question.AboutLine;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Versions that do not exist under the name asked but are one misplaced dot from one that does:
 * "NKP 2.1.7" (NKP 2.17.1; 2.1 was Kommander's), "DKP 2.81" (DKP 2.8.1). Only for a platform name
 * asked outright, and never for a number that was skipped on purpose (2.9 to 2.11).
 */
final class NearMisses {
  private NearMisses() {}

  static Optional<NearMissAnswer> of(SupportPolicy policy, AboutLine q, LocalDate asOf) {
    Catalog catalog = policy.catalog();
    Minor minor = q.version().line();
    Optional<ReleaseLine> asked = catalog.line(q.product(), minor);
    if (!q.named()
        || asked.filter(l -> belongs(l, q.product())).isPresent()
        || catalog.neverReleased(minor).isPresent()) {
      return Optional.empty();
    }
    for (Version meant : candidates(q.version())) {
      Optional<ReleaseLine> line =
          catalog.line(q.product(), meant.line()).filter(l -> belongs(l, q.product()));
      if (line.isPresent()) {
        Version exact =
            meant.patch().isPresent()
                ? meant
                : line.get().latestPatchOn(q.product(), asOf).map(Patch::version).orElse(meant);
        return Optional.of(
            new NearMissAnswer(
                q.product(),
                q.version(),
                exact,
                policy.line(new AboutLine(q.product(), exact), asOf)));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a line shipped under the name asked: NKP's as NKP, DKP's as DKP; every line has a
   * Kommander and a Konvoy number (Kommander 2.15 is NKP 2.15).
   */
  private static boolean belongs(ReleaseLine line, Product asked) {
    return !asked.platform() || line.product() == asked;
  }

  /** 2.1.7 → 2.17; 2.81 → 2.8.1; 1.85 → 1.8.5; 21.6 → 2.16. */
  private static List<Version> candidates(Version v) {
    int major = v.line().major();
    int minor = v.line().minor();
    if (v.patch().isPresent() && minor < 10 && v.patch().getAsInt() < 10) {
      return List.of(Version.of(new Minor(major, minor * 10 + v.patch().getAsInt())));
    }
    if (v.patch().isEmpty() && minor >= 10 && minor < 100) {
      return List.of(new Version(new Minor(major, minor / 10), OptionalInt.of(minor % 10)));
    }
    if (major >= 10 && major < 100 && minor < 10) {
      return List.of(Version.of(new Minor(major / 10, (major % 10) * 10 + minor)));
    }
    return List.of();
  }
}
