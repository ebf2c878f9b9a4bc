package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One release line: a Kommander minor and the Konvoy minor it ships with (the same number from 2.0
 * on, and one platform version from 2.2).
 *
 * @param product the name the line shipped under: Kommander (the paired era), DKP or NKP
 * @param released GA date; null for old lines whose date was never gathered (they predate every
 *     dated line)
 * @param planned planned GA date of a planned line; null when not scheduled yet
 * @param confidence how sure the line's dates are
 * @param kubernetes the Kubernetes the line deploys, when known
 * @param patches every known patch, oldest first; a patch belongs to Kommander or Konvoy by its
 *     minor
 */
public record ReleaseLine(
    Minor kommander,
    Minor konvoy,
    Product product,
    ReleaseStatus status,
    LocalDate released,
    LocalDate planned,
    Confidence confidence,
    Kubernetes kubernetes,
    List<Patch> patches,
    String source,
    String note) {

  private static final Comparator<Patch> BY_VERSION =
      Comparator.comparing((Patch p) -> p.version().line())
          .thenComparingInt(p -> p.version().patch().orElseThrow());

  public ReleaseLine {
    product = product == null ? Product.KOMMANDER : product;
    require(product != Product.KONVOY, "product", "must be kommander, dkp or nkp");
    require(kommander != null, "kommander", "is missing (a MAJOR.MINOR version such as 1.4)");
    konvoy = konvoy == null && product.platform() ? kommander : konvoy;
    require(konvoy != null, "konvoy", "is missing (a MAJOR.MINOR version such as 1.8)");
    require(
        !product.platform() || konvoy.equals(kommander),
        "konvoy",
        "must equal kommander on a " + product.displayName() + " line: one version for both");
    require(status != null, "status", "is missing (released or planned)");
    require(
        status == ReleaseStatus.RELEASED || released == null,
        "released",
        "is set on a planned line; use 'planned' for its date or mark it released");
    require(
        status == ReleaseStatus.PLANNED || planned == null,
        "planned",
        "is set on a released line; use 'released' for its GA date");
    confidence = confidence == null ? Confidence.EXACT : confidence;
    patches = (patches == null ? List.<Patch>of() : patches).stream().sorted(BY_VERSION).toList();
    for (int i = 0; i < patches.size(); i++) {
      Patch patch = patches.get(i);
      Minor minor = patch.version().line();
      require(
          minor.equals(kommander) || minor.equals(konvoy),
          "patches",
          "patch " + patch.version() + " is in neither " + kommander + " nor " + konvoy);
      require(
          patch.date() == null || released == null || !patch.date().isBefore(released),
          "patches",
          "patch " + patch.version() + " is dated before the line's release (" + released + ")");
      require(
          i == 0 || !patches.get(i - 1).version().equals(patch.version()),
          "patches",
          "patch " + patch.version() + " is listed twice");
    }
  }

  private static void require(boolean ok, String field, String problem) {
    if (!ok) {
      throw new CatalogRuleException(field, field + " " + problem);
    }
  }

  /** The line's number under a name: Konvoy 1.x counted apart, every other name as Kommander. */
  public Minor minor(Product name) {
    return name == Product.KONVOY ? konvoy : kommander;
  }

  /** The known patches of the product's side of the line, oldest first. */
  public List<Patch> patches(Product name) {
    Minor minor = minor(name);
    return patches.stream().filter(p -> p.version().line().equals(minor)).toList();
  }

  /** The newest known patch, whatever its date. */
  public Optional<Patch> latestPatch(Product name) {
    List<Patch> own = patches(name);
    return own.isEmpty() ? Optional.empty() : Optional.of(own.get(own.size() - 1));
  }

  /** The newest patch already out on {@code date}: advice never names a future patch. */
  public Optional<Patch> latestPatchOn(Product name, LocalDate date) {
    Optional<Patch> out = Optional.empty();
    for (Patch p : patches(name)) {
      if (p.date() == null || !p.date().isAfter(date)) {
        out = Optional.of(p);
      }
    }
    return out;
  }

  public Optional<Kubernetes> kube() {
    return Optional.ofNullable(kubernetes);
  }

  public boolean isPlanned() {
    return status == ReleaseStatus.PLANNED;
  }

  public boolean approximate() {
    return confidence == Confidence.APPROXIMATE;
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

  /** The line as its users knew it: "Kommander 1.4 / Konvoy 1.8", "DKP 2.4", "NKP 2.15". */
  public String label() {
    return product.platform()
        ? product.displayName() + " " + kommander
        : "Kommander " + kommander + " / Konvoy " + konvoy;
  }

  /** The release in a sentence: "Kommander 2.1 and Konvoy 2.1", "DKP 2.5". */
  public String release() {
    return product.platform() ? label() : "Kommander " + kommander + " and Konvoy " + konvoy;
  }

  /** One product's side of the line: "Konvoy 1.8", or the platform's name for both. */
  public String name(Product side) {
    return product.platform()
        ? product.displayName() + " " + kommander
        : (side == Product.KONVOY ? "Konvoy " + konvoy : "Kommander " + kommander);
  }
}
