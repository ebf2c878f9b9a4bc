package io.kommander.supportbot.policy;

/**
 * One direct upgrade from a line to a newer one, as the sources give it.
 *
 * @param from the line upgraded from (Kommander's number: Konvoy 1.8 is line 1.4)
 * @param to the line upgraded to
 * @param minPatch the patch the from-line must be on first; null when any will do
 * @param evidence whether a source states the hop or it is inferred from the pattern
 */
public record UpgradeHop(
    Minor from,
    Minor to,
    Kind kind,
    Version minPatch,
    Evidence evidence,
    String source,
    String note) {

  /** How the hop is made. */
  public enum Kind {
    /** An in-place upgrade. */
    UPGRADE,
    /** Konvoy 1.x clusters are adopted into Cluster API by DKP 2.1, not upgraded in place. */
    ADOPT,
    /** The same platform under a new name: DKP 2.8 to NKP 2.12. */
    RENAME
  }

  /** How sure the hop is. */
  public enum Evidence {
    /** A source states it, or the vendor's CI upgrade matrix tests it. */
    DOCUMENTED,
    /** Follows the one-minor-at-a-time pattern; no source states it. */
    INFERRED
  }

  public UpgradeHop {
    if (from == null || to == null) {
      throw new CatalogRuleException("from", "an upgrade needs 'from' and 'to' lines");
    }
    if (to.compareTo(from) <= 0) {
      throw new CatalogRuleException(
          "to", "an upgrade goes to a newer line: " + from + " to " + to);
    }
    if (evidence == null) {
      throw new CatalogRuleException("evidence", "say whether it is documented or inferred");
    }
    if (source == null || source.isBlank()) {
      throw new CatalogRuleException("source", "name the source (or what the inference rests on)");
    }
    kind = kind == null ? Kind.UPGRADE : kind;
  }

  public boolean inferred() {
    return evidence == Evidence.INFERRED;
  }
}
