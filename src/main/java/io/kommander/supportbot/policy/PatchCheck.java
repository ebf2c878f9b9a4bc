package io.kommander.supportbot.policy;

import java.util.Optional;

/** How the patch someone asked about compares with the line's latest known patch. */
public enum PatchCheck {
  /** No patch was given, or the line is unknown. */
  NOT_ASKED,
  /** The asked patch is the latest known. */
  LATEST,
  /** A newer patch exists: features and fixes arrive in patches. */
  BEHIND,
  /** The catalog knows this patch, but it was not out on the day asked about. */
  NOT_OUT_YET,
  /** Newer than any patch the catalog knows: a typo, or the catalog needs an update. */
  NEWER_THAN_KNOWN,
  /** The catalog has no patch data for this line. */
  LATEST_UNKNOWN;

  /**
   * How the asked patch compares with the latest out on the day; a patch the catalog knows, but
   * dated later, is not "newer than known" but not out yet.
   */
  static PatchCheck of(Version asked, Optional<Patch> known, Optional<Patch> out) {
    if (asked.patch().isEmpty()) {
      return PatchCheck.NOT_ASKED;
    }
    if (out.isEmpty()) {
      return PatchCheck.LATEST_UNKNOWN;
    }
    int have = asked.patch().getAsInt();
    int newest = out.get().version().patch().orElseThrow();
    if (have == newest) {
      return PatchCheck.LATEST;
    }
    if (have < newest) {
      return PatchCheck.BEHIND;
    }
    return have <= known.orElseThrow().version().patch().orElseThrow()
        ? PatchCheck.NOT_OUT_YET
        : PatchCheck.NEWER_THAN_KNOWN;
  }
}
