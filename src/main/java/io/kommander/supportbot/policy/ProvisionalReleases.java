package io.kommander.supportbot.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reviewed catalog plus what upstream shows that it lacks: a new patch joins its line; a new
 * line, or a reported or planned one whose final tag appeared, becomes a released line of
 * confidence {@link Confidence#UPSTREAM} (provisional) dated by its tag. Once a person adds the
 * release to the catalog, the found release changes nothing and so disappears by itself.
 *
 * @param catalog the merged catalog answers come from
 * @param unreviewed the found releases that changed it
 */
public record ProvisionalReleases(Catalog catalog, List<FoundRelease> unreviewed) {

  public static ProvisionalReleases merge(Catalog reviewed, List<FoundRelease> found) {
    Catalog merged = reviewed;
    List<FoundRelease> used = new ArrayList<>();
    Comparator<FoundRelease> byVersion =
        Comparator.comparing((FoundRelease f) -> f.version().line())
            .thenComparingInt(f -> f.version().patch().orElseThrow());
    for (FoundRelease f : found.stream().sorted(byVersion).toList()) {
      Optional<Catalog> next = with(merged, f);
      if (next.isPresent()) {
        merged = next.get();
        used.add(f);
      }
    }
    return new ProvisionalReleases(merged, List.copyOf(used));
  }

  /** The catalog with {@code f} in it, or empty when it already has it or cannot place it. */
  private static Optional<Catalog> with(Catalog c, FoundRelease f) {
    try {
      return placed(c, f);
    } catch (CatalogRuleException e) {
      return Optional
          .empty(); // e.g. a tag dated before its line's release: not placed, not guessed
    }
  }

  private static Optional<Catalog> placed(Catalog c, FoundRelease f) {
    Minor minor = f.version().line();
    if (c.neverReleased(minor).isPresent()) {
      return Optional.empty();
    }
    List<ReleaseLine> lines = new ArrayList<>(c.lines());
    List<UpgradeHop> hops = new ArrayList<>(c.upgrades());
    Optional<ReleaseLine> line = c.line(Product.KOMMANDER, minor);
    if (line.isPresent() && line.get().status() == ReleaseStatus.RELEASED) {
      ReleaseLine l = line.get();
      if (l.patches().stream().anyMatch(p -> p.version().equals(f.version()))) {
        return Optional.empty();
      }
      List<Patch> patches = new ArrayList<>(l.patches());
      patches.add(new Patch(f.version(), f.date()));
      lines.set(lines.indexOf(l), copy(l, patches));
    } else {
      ReleaseLine newest = lines.get(lines.size() - 1);
      if (line.isEmpty() && minor.compareTo(newest.kommander()) <= 0) {
        return Optional.empty(); // an old number the catalog never had: nothing to say about it
      }
      ReleaseLine found = found(line, newest, f);
      int at = line.map(lines::indexOf).orElse(lines.size());
      if (line.isPresent()) {
        lines.set(at, found);
      } else {
        lines.add(found);
      }
      ReleaseLine before = lines.get(at - 1);
      // A reported or planned line before it: the newer release confirms nothing about it, so
      // it is left out of the merge rather than guessed.
      if (before.status() != ReleaseStatus.RELEASED) {
        return Optional.empty();
      }
      if (hops.stream().noneMatch(h -> h.to().equals(minor))) {
        hops.add(
            new UpgradeHop(
                before.kommander(),
                minor,
                UpgradeHop.Kind.UPGRADE,
                null,
                UpgradeHop.Evidence.INFERRED,
                "the one-minor pattern; " + found.source(),
                null));
      }
    }
    return Optional.of(
        new Catalog(
            c.settings(),
            c.review(),
            c.eras(),
            c.neverReleased(),
            lines,
            hops,
            c.experimental(),
            c.secondary(),
            c.version() + "+" + f.version()));
  }

  private static ReleaseLine found(
      Optional<ReleaseLine> known, ReleaseLine newest, FoundRelease f) {
    String source = "upstream tag v" + f.version() + " (not reviewed)";
    return new ReleaseLine(
        f.version().line(),
        null,
        known.map(ReleaseLine::product).orElse(newest.product()),
        ReleaseStatus.RELEASED,
        f.date(),
        null,
        null,
        Confidence.UPSTREAM,
        f.seen(),
        known.flatMap(ReleaseLine::kube).orElse(null),
        List.of(new Patch(f.version(), f.date())),
        known.map(l -> l.source() + "; " + source).orElse(source),
        known.map(ReleaseLine::note).orElse(null));
  }

  private static ReleaseLine copy(ReleaseLine l, List<Patch> patches) {
    return new ReleaseLine(
        l.kommander(),
        l.konvoy(),
        l.product(),
        l.status(),
        l.released(),
        l.releasedBy(),
        l.planned(),
        l.confidence(),
        l.learned(),
        l.kubernetes(),
        patches,
        l.source(),
        l.note());
  }
}
