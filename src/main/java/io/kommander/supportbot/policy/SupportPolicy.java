package io.kommander.supportbot.policy;

import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.Answer.Verdict;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The N-2 rules over one catalog: the newest {@code window} shipped lines are supported, and a line
 * loses support the day the line {@code window} places after it ships. Pure and immutable.
 */
public final class SupportPolicy {
  private final Catalog catalog;

  public SupportPolicy(Catalog catalog) {
    this.catalog = catalog;
  }

  public Catalog catalog() {
    return catalog;
  }

  /**
   * Lines shipped by {@code date}, oldest first (a prefix of the catalog, by its ordering rules).
   */
  public List<ReleaseLine> shippedBy(LocalDate date) {
    return catalog.lines().stream().filter(l -> l.shippedBy(date)).toList();
  }

  /** The supported lines on {@code date}, oldest first. */
  public List<ReleaseLine> supportedOn(LocalDate date) {
    List<ReleaseLine> shipped = shippedBy(date);
    return shipped.subList(
        Math.max(0, shipped.size() - catalog.settings().window()), shipped.size());
  }

  /** The release that ends {@code line}'s support, when the catalog lists it. */
  public Optional<Ending> endOf(ReleaseLine line) {
    int successor = catalog.lines().indexOf(line) + catalog.settings().window();
    if (successor >= catalog.lines().size()) {
      return Optional.empty();
    }
    ReleaseLine by = catalog.lines().get(successor);
    return Optional.of(new Ending(by, by.shipDate().orElse(null)));
  }

  public Support support(ReleaseLine line, LocalDate date) {
    if (!line.shippedBy(date)) {
      return new Support.NotYetReleased(line);
    }
    Optional<Ending> ending = endOf(line);
    if (ending.isPresent() && ending.get().by().shippedBy(date)) {
      return new Support.Expired(line, ending.get());
    }
    boolean soon =
        ending
            .flatMap(Ending::when)
            .map(d -> ChronoUnit.DAYS.between(date, d) <= catalog.settings().endsSoonDays())
            .orElse(false);
    return new Support.Supported(line, ending, soon);
  }

  /** Status of one product version on {@code date}, with upgrade advice. */
  public LineAnswer status(Product product, Version asked, LocalDate date) {
    Optional<ReleaseLine> line = catalog.line(product, asked.line());
    Support support =
        line.map(l -> support(l, date)).orElseGet(() -> unknown(product, asked, date));
    return new LineAnswer(product, asked, date, support, upgrade(product, asked, line, date));
  }

  private Support unknown(Product product, Version asked, LocalDate date) {
    ReleaseLine oldest = catalog.lines().get(0);
    if (asked.line().compareTo(oldest.minor(product)) < 0
        && shippedBy(date).size() >= catalog.settings().window()) {
      return new Support.Predates(asked.line(), oldest);
    }
    return new Support.Unknown(
        asked.line(), catalog.lines().stream().map(l -> l.minor(product)).toList());
  }

  private Upgrade upgrade(
      Product product, Version asked, Optional<ReleaseLine> line, LocalDate date) {
    List<ReleaseLine> shipped = shippedBy(date);
    Optional<ReleaseLine> newest =
        shipped.isEmpty() ? Optional.empty() : Optional.of(shipped.get(shipped.size() - 1));
    Optional<ReleaseLine> newer = newest.filter(n -> line.map(l -> !l.equals(n)).orElse(true));
    LatestPatches newerPatches =
        new LatestPatches(
            newer.flatMap(n -> patchOn(n, Product.KOMMANDER, date)).orElse(null),
            newer.flatMap(n -> patchOn(n, Product.KONVOY, date)).orElse(null));
    if (line.isEmpty()) {
      return new Upgrade(Optional.empty(), PatchCheck.NOT_ASKED, newer, newerPatches);
    }
    Optional<Patch> patch = patchOn(line.get(), product, date);
    return new Upgrade(patch, check(asked, patch), newer, newerPatches);
  }

  /** The line's latest patch already out on {@code date}: advice never names a future patch. */
  public static Optional<Patch> patchOn(ReleaseLine line, Product product, LocalDate date) {
    return line.latestPatch(product).filter(p -> p.date() == null || !p.date().isAfter(date));
  }

  private static PatchCheck check(Version asked, Optional<Patch> latest) {
    if (asked.patch().isEmpty()) {
      return PatchCheck.NOT_ASKED;
    }
    if (latest.isEmpty()) {
      return PatchCheck.LATEST_UNKNOWN;
    }
    int have = asked.patch().getAsInt();
    int newest = latest.get().version().patch().orElseThrow();
    return have == newest
        ? PatchCheck.LATEST
        : have < newest ? PatchCheck.BEHIND : PatchCheck.NEWER_THAN_KNOWN;
  }

  /** Kommander on Konvoy: only the paired minors are supported, and only while that line is. */
  public CompatibilityAnswer compatibility(Version kommander, Version konvoy, LocalDate date) {
    Optional<ReleaseLine> kLine = catalog.line(Product.KOMMANDER, kommander.line());
    Optional<ReleaseLine> vLine = catalog.line(Product.KONVOY, konvoy.line());
    boolean paired = kLine.isPresent() && kLine.equals(vLine);
    Verdict verdict;
    Optional<LineAnswer> pairStatus = Optional.empty();
    if (paired) {
      LineAnswer status = status(Product.KOMMANDER, kommander, date);
      pairStatus = Optional.of(status);
      verdict = status.support().isSupported() ? Verdict.SUPPORTED : Verdict.PAIRED_NOT_SUPPORTED;
    } else if (kLine.isPresent() || vLine.isPresent()) {
      verdict = Verdict.MIXED_MINORS;
    } else {
      verdict = Verdict.UNKNOWN;
    }
    return new CompatibilityAnswer(kommander, konvoy, verdict, kLine, vLine, pairStatus);
  }

  /**
   * Support endings on or after {@code from}, soonest first: every dated (or planned-and-dated)
   * release that pushes a line out of the window.
   */
  public List<SupportEnd> endingsFrom(LocalDate from) {
    List<SupportEnd> out = new ArrayList<>();
    List<ReleaseLine> lines = catalog.lines();
    int window = catalog.settings().window();
    for (int i = window; i < lines.size(); i++) {
      ReleaseLine by = lines.get(i);
      Optional<LocalDate> date = by.shipDate();
      if (date.isPresent() && !date.get().isBefore(from)) {
        out.add(new SupportEnd(lines.get(i - window), new Ending(by, date.get())));
      }
    }
    return out;
  }

  /** Every catalog line's status on {@code date}, newest first. */
  public MatrixAnswer matrix(LocalDate date) {
    List<LineAnswer> rows = new ArrayList<>();
    for (ReleaseLine line : catalog.lines()) {
      rows.add(0, status(Product.KOMMANDER, Version.of(line.kommander()), date));
    }
    return new MatrixAnswer(date, catalog.settings().window(), rows);
  }
}
