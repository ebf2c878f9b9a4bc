package io.kommander.supportbot.policy;

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
  LATEST_UNKNOWN
}
