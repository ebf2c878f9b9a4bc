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
    List<ReleaseLine> lines,
    ExperimentalTerms experimental,
    SecondarySupport secondary,
    String version) {

  public Catalog {
    if (settings == null) {
      throw new CatalogRuleException("policy", "the 'policy' section is missing");
    }
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
  }

  /** Lines must be listed oldest first, with dates that agree, and planned lines last. */
  private static void checkReleaseOrder(List<ReleaseLine> lines) {
    for (int i = 1; i < lines.size(); i++) {
      ReleaseLine prev = lines.get(i - 1);
      ReleaseLine line = lines.get(i);
      for (Product p : Product.values()) {
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
      if (prev.isPlanned() && !line.isPlanned()) {
        throw new CatalogRuleException(
            "status", i, "a released line cannot follow a planned one (" + prev.label() + ")");
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
      if (prevDate.isPresent() && date.isEmpty() && !line.isPlanned()) {
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
