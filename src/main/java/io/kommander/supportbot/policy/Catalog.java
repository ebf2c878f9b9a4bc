package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The release catalog: lines in release order plus the policy's settings and terms.
 *
 * @param version a fingerprint of the source, so caches can tell catalogs apart
 */
public record Catalog(
    PolicySettings settings,
    Review review,
    List<Era> eras,
    List<SkippedVersions> neverReleased,
    List<ReleaseLine> lines,
    List<UpgradeHop> upgrades,
    ExperimentalTerms experimental,
    SecondarySupport secondary,
    String version) {

  public Catalog {
    if (settings == null) {
      throw new CatalogRuleException("policy", "the 'policy' section is missing");
    }
    if (review == null) {
      throw new CatalogRuleException(
          "review", "the 'review' section is missing: when was the catalog last checked?");
    }
    if (eras == null || eras.isEmpty()) {
      throw new CatalogRuleException("eras", "the 'eras' list is missing or empty");
    }
    eras = List.copyOf(eras);
    neverReleased = neverReleased == null ? List.of() : List.copyOf(neverReleased);
    if (lines == null || lines.isEmpty()) {
      throw new CatalogRuleException("lines", "the 'lines' list is missing or empty");
    }
    if (experimental == null) {
      throw new CatalogRuleException("experimental", "the 'experimental' section is missing");
    }
    if (secondary == null) {
      throw new CatalogRuleException("secondary", "the 'secondary' section is missing");
    }
    lines = List.copyOf(lines);
    checkReleaseOrder(lines);
    checkNames(eras, neverReleased, lines);
    upgrades = upgrades == null ? List.of() : List.copyOf(upgrades);
    checkUpgrades(upgrades, lines);
  }

  /** Every hop joins two catalog lines, and its patch floor is a patch of the line it leaves. */
  private static void checkUpgrades(List<UpgradeHop> upgrades, List<ReleaseLine> lines) {
    for (UpgradeHop hop : upgrades) {
      Optional<ReleaseLine> from =
          lines.stream().filter(l -> l.kommander().equals(hop.from())).findFirst();
      for (Minor end : List.of(hop.from(), hop.to())) {
        if (lines.stream().noneMatch(l -> l.kommander().equals(end))) {
          throw new CatalogRuleException(
              "upgrades", "upgrade " + hop.from() + " to " + hop.to() + ": no line " + end);
        }
      }
      Version floor = hop.minPatch();
      if (floor != null
          && (floor.patch().isEmpty()
              || !(floor.line().equals(from.orElseThrow().kommander())
                  || floor.line().equals(from.orElseThrow().konvoy())))) {
        throw new CatalogRuleException(
            "upgrades",
            "upgrade "
                + hop.from()
                + " to "
                + hop.to()
                + ": minPatch "
                + floor
                + " is not a patch of "
                + from.orElseThrow().label());
      }
    }
  }

  /** Every line's name has an era, once each; a never-released number is no catalog line. */
  private static void checkNames(
      List<Era> eras, List<SkippedVersions> neverReleased, List<ReleaseLine> lines) {
    for (int i = 0; i < eras.size(); i++) {
      Product product = eras.get(i).product();
      if (eras.subList(0, i).stream().anyMatch(e -> e.product() == product)) {
        throw new CatalogRuleException("eras", "the era " + product + " is listed twice");
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      ReleaseLine line = lines.get(i);
      if (eras.stream().noneMatch(e -> e.product() == line.product())) {
        throw new CatalogRuleException(
            "product", i, "no era in 'eras' for product " + line.product());
      }
      for (SkippedVersions n : neverReleased) {
        if (n.versions().contains(line.kommander())) {
          throw new CatalogRuleException(
              "kommander", i, line.kommander() + " is also listed under neverReleased");
        }
      }
    }
  }

  /** The era a line's name belongs to (validated to exist). */
  public Era era(Product product) {
    return eras.stream().filter(e -> e.product() == product).findFirst().orElseThrow();
  }

  /** What the catalog knows of a number that never shipped. */
  public Optional<SkippedVersions> neverReleased(Minor minor) {
    return neverReleased.stream().filter(n -> n.versions().contains(minor)).findFirst();
  }

  /** Lines must be listed oldest first, with dates that agree, and planned lines last. */
  private static void checkReleaseOrder(List<ReleaseLine> lines) {
    for (int i = 1; i < lines.size(); i++) {
      ReleaseLine prev = lines.get(i - 1);
      ReleaseLine line = lines.get(i);
      for (Product p : List.of(Product.KOMMANDER, Product.KONVOY)) {
        if (line.minor(p).compareTo(prev.minor(p)) <= 0) {
          throw new CatalogRuleException(
              p.name().toLowerCase(java.util.Locale.ROOT),
              i,
              p.displayName()
                  + " "
                  + line.minor(p)
                  + " must be newer than the line before it ("
                  + prev.minor(p)
                  + "): list lines oldest first, each once");
        }
      }
      if (line.status().compareTo(prev.status()) < 0) {
        throw new CatalogRuleException(
            "status",
            i,
            "a "
                + line.status().name().toLowerCase(java.util.Locale.ROOT)
                + " line cannot follow a "
                + prev.status().name().toLowerCase(java.util.Locale.ROOT)
                + " one ("
                + prev.label()
                + "): released, then reported, then planned");
      }
      Optional<LocalDate> prevDate = prev.shipDate();
      Optional<LocalDate> date = line.shipDate();
      if (prevDate.isPresent() && date.isPresent() && date.get().isBefore(prevDate.get())) {
        throw new CatalogRuleException(
            line.isPlanned() ? "planned" : "released",
            i,
            "date "
                + date.get()
                + " is before the previous line's "
                + prevDate.get()
                + ": release order and dates disagree");
      }
      if (prev.isPlanned() && prevDate.isEmpty() && date.isPresent()) {
        throw new CatalogRuleException(
            "planned",
            i,
            "a scheduled line cannot follow an unscheduled one (" + prev.label() + ")");
      }
      if (prevDate.isPresent() && date.isEmpty() && line.status() == ReleaseStatus.RELEASED) {
        throw new CatalogRuleException(
            "released",
            i,
            "released is missing: only lines older than every dated line may omit it");
      }
    }
  }

  public Optional<ReleaseLine> line(Product product, Minor minor) {
    return lines.stream().filter(l -> l.minor(product).equals(minor)).findFirst();
  }

  /** The first date the catalog can speak for: the earliest dated release. */
  public Optional<LocalDate> historyStart() {
    return lines.stream().map(ReleaseLine::released).filter(d -> d != null).findFirst();
  }
}
