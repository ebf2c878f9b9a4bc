package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One Kommander minor line and the Konvoy minor it ships with.
 *
 * @param released GA date; null for old lines whose date was never gathered (they predate every
 *     dated line)
 * @param planned planned GA date of a planned line; null when not scheduled yet
 */
public record ReleaseLine(
    Minor kommander,
    Minor konvoy,
    ReleaseStatus status,
    LocalDate released,
    LocalDate planned,
    LatestPatches latest,
    String source,
    String note) {

  public ReleaseLine {
    require(kommander != null, "kommander", "is missing (a MAJOR.MINOR version such as 1.4)");
    require(konvoy != null, "konvoy", "is missing (a MAJOR.MINOR version such as 1.8)");
    require(status != null, "status", "is missing (released or planned)");
    require(
        status == ReleaseStatus.RELEASED || released == null,
        "released",
        "is set on a planned line; use 'planned' for its date or mark it released");
    require(
        status == ReleaseStatus.PLANNED || planned == null,
        "planned",
        "is set on a released line; use 'released' for its GA date");
    latest = latest == null ? new LatestPatches(null, null) : latest;
    for (Product p : Product.values()) {
      Patch patch = latest.of(p);
      require(
          patch == null
              || patch.version().line().equals(p == Product.KOMMANDER ? kommander : konvoy),
          "latest",
          p.displayName()
              + " patch "
              + (patch == null ? "" : patch.version())
              + " is not in this line");
      require(
          patch == null
              || patch.date() == null
              || released == null
              || !patch.date().isBefore(released),
          "latest",
          p.displayName() + " patch is dated before the line's release");
    }
  }

  private static void require(boolean ok, String field, String problem) {
    if (!ok) {
      throw new CatalogRuleException(field, field + " " + problem);
    }
  }

  public Minor minor(Product product) {
    return product == Product.KOMMANDER ? kommander : konvoy;
  }

  public Optional<Patch> latestPatch(Product product) {
    return Optional.ofNullable(latest.of(product));
  }

  public boolean isPlanned() {
    return status == ReleaseStatus.PLANNED;
  }

  /** The date the line shipped or is planned to ship, when known. */
  public Optional<LocalDate> shipDate() {
    return Optional.ofNullable(isPlanned() ? planned : released);
  }

  /**
   * Whether the line has shipped by {@code date}. A planned line counts from its planned date, so
   * questions about the future are answered from the plan; an old undated line counts always.
   */
  public boolean shippedBy(LocalDate date) {
    if (!isPlanned() && released == null) {
      return true;
    }
    return shipDate().map(d -> !d.isAfter(date)).orElse(false);
  }

  /** "Kommander 1.4 / Konvoy 1.8". */
  public String label() {
    return "Kommander " + kommander + " / Konvoy " + konvoy;
  }
}
