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
 *     dated line). With {@code releasedBy}, the first day of the window GA lies in; on a reported
 *     line, the day it was reported to have shipped
 * @param releasedBy the last day of the window GA lies in, when only a window is known
 * @param planned planned GA date of a planned line; null when not scheduled yet
 * @param confidence how sure the line's dates are
 * @param learned the day the catalog learned of the line, when that was long after it shipped: a
 *     loss of support it reveals is announced late, once
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
    LocalDate releasedBy,
    LocalDate planned,
    Confidence confidence,
    LocalDate learned,
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
    require(status != null, "status", "is missing (released, reported or planned)");
    require(
        status != ReleaseStatus.PLANNED || released == null,
        "released",
        "is set on a planned line; use 'planned' for its date or mark it released");
    require(
        status == ReleaseStatus.PLANNED || planned == null,
        "planned",
        "is set on a released line; use 'released' for its GA date");
    require(
        releasedBy == null || status == ReleaseStatus.RELEASED && released != null,
        "releasedBy",
        "needs a released line with 'released', the first day of the GA window");
    require(
        releasedBy == null || releasedBy.isAfter(released),
        "releasedBy",
        "must be after 'released' (" + released + "): GA lies between the two");
    confidence =
        confidence == null
            ? (releasedBy != null ? Confidence.WINDOW : Confidence.EXACT)
            : confidence;
    require(
        (confidence == Confidence.WINDOW) == (releasedBy != null),
        "confidence",
        "window needs 'releasedBy' (and 'releasedBy' means a window)");
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

  public boolean isReported() {
    return status == ReleaseStatus.REPORTED;
  }

  /** Dates from release tags (reviewed or not): GA was the same day or a few weeks later. */
  public boolean approximate() {
    return confidence == Confidence.APPROXIMATE || confidence == Confidence.UPSTREAM;
  }

  /** Found upstream and not yet reviewed: answers say so. */
  public boolean provisional() {
    return confidence == Confidence.UPSTREAM;
  }

  /** GA is known only as a window, {@code released} to {@code releasedBy}. */
  public boolean windowed() {
    return releasedBy != null;
  }

  /** The date the line shipped (the first possible day, for a window) or is planned to ship. */
  public Optional<LocalDate> shipDate() {
    return Optional.ofNullable(isPlanned() ? planned : released);
  }

  /** The day by which the line had surely shipped, if it did: a window's last day. */
  public Optional<LocalDate> shippedNoLaterThan() {
    return windowed() ? Optional.of(releasedBy) : shipDate();
  }

  /**
   * Whether the line had shipped on {@code date}. A planned line counts from its planned date, so
   * questions about the future are answered from the plan; an old undated line counts always.
   * Inside a GA window, or once a reported line's day has come, the answer is {@link
   * Shipping#MAYBE}.
   */
  public Shipping shipping(LocalDate date) {
    if (status == ReleaseStatus.RELEASED && released == null) {
      return Shipping.SHIPPED;
    }
    Optional<LocalDate> first = shipDate();
    if (first.isEmpty() && !isReported() || first.isPresent() && first.get().isAfter(date)) {
      return Shipping.NOT;
    }
    if (isReported() || windowed() && releasedBy.isAfter(date)) {
      return Shipping.MAYBE;
    }
    return Shipping.SHIPPED;
  }

  /** Whether the line had surely shipped by {@code date}. */
  public boolean shippedBy(LocalDate date) {
    return shipping(date) == Shipping.SHIPPED;
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
