package io.kommander.supportbot.policy;

import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesFitAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.Answer.UpcomingAnswer;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer;
import io.kommander.supportbot.policy.Answer.Verdict;
import io.kommander.supportbot.policy.Question.AboutLine;
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
  private final UpgradePaths paths;
  private final Upstream upstream;

  public SupportPolicy(Catalog catalog) {
    this(catalog, Upstream.NONE);
  }

  /**
   * @param upstream what watching upstream says about {@code catalog}, for {@link #freshness}
   */
  public SupportPolicy(Catalog catalog, Upstream upstream) {
    this.catalog = catalog;
    this.paths = new UpgradePaths(catalog);
    this.upstream = upstream;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** What watching upstream says about the catalog: answers change with it. */
  public Upstream upstream() {
    return upstream;
  }

  /**
   * Lines shipped by {@code date}, oldest first (a prefix of the catalog, by its ordering rules).
   */
  public List<ReleaseLine> shippedBy(LocalDate date) {
    return catalog.lines().stream().filter(l -> l.shippedBy(date)).toList();
  }

  /** The lines surely supported on {@code date}, oldest first. */
  public List<ReleaseLine> supportedOn(LocalDate date) {
    return catalog.lines().stream().filter(l -> support(l, date).isSupported()).toList();
  }

  /** The release that ends {@code line}'s support, when the catalog lists it. */
  public Optional<Ending> endOf(ReleaseLine line) {
    int successor = catalog.lines().indexOf(line) + catalog.settings().window();
    if (successor >= catalog.lines().size()) {
      return Optional.empty();
    }
    return Optional.of(Ending.of(catalog.lines().get(successor)));
  }

  /**
   * Where {@code line} stands on {@code date}. What may have happened counts against support: a
   * line whose ending release may have shipped is {@link Support.InDoubt}, never supported.
   */
  public Support support(ReleaseLine line, LocalDate date) {
    switch (line.shipping(date)) {
      case NOT:
        return new Support.NotYetReleased(line);
      case MAYBE:
        return new Support.Unconfirmed(line);
      case SHIPPED:
        break;
    }
    Optional<Ending> ending = endOf(line);
    Shipping end = ending.map(e -> e.by().shipping(date)).orElse(Shipping.NOT);
    if (end == Shipping.SHIPPED) {
      return new Support.Expired(line, ending.get());
    } else if (end == Shipping.MAYBE) {
      return new Support.InDoubt(line, ending.get());
    }
    boolean soon =
        ending
            .flatMap(Ending::when)
            .map(d -> ChronoUnit.DAYS.between(date, d) <= catalog.settings().endsSoonDays())
            .orElse(false);
    List<ReleaseLine> lines = catalog.lines();
    int after = lines.size() - 1 - lines.indexOf(line);
    return new Support.Supported(
        line,
        ending,
        soon,
        lines.get(lines.size() - 1),
        catalog.settings().window() - after,
        catalog.settings().window());
  }

  /** Status of one product version on {@code date}, with upgrade advice. */
  public LineAnswer status(Product product, Version asked, LocalDate date) {
    Optional<ReleaseLine> line = catalog.line(product, asked.line());
    Support support =
        line.map(l -> support(l, date)).orElseGet(() -> unknown(product, asked, date));
    Era era = catalog.era(line.map(ReleaseLine::product).orElse(eraOn(date).product()));
    return new LineAnswer(
        product,
        true,
        asked,
        date,
        era,
        support,
        upgrade(product, asked, line, date),
        Optional.empty());
  }

  private Support unknown(Product product, Version asked, LocalDate date) {
    Minor minor = asked.line();
    Optional<SkippedVersions> skipped = catalog.neverReleased(minor);
    if (skipped.isPresent()) {
      Optional<ReleaseLine> next =
          catalog.lines().stream().filter(l -> l.kommander().compareTo(minor) > 0).findFirst();
      return new Support.NeverReleased(minor, skipped.get(), next);
    }
    ReleaseLine oldest = catalog.lines().get(0);
    if (minor.compareTo(oldest.minor(product)) < 0
        && shippedBy(date).size() >= catalog.settings().window()) {
      return new Support.Predates(minor, oldest);
    }
    ReleaseLine newest = catalog.lines().get(catalog.lines().size() - 1);
    return new Support.Unknown(
        minor,
        catalog.lines().stream().map(l -> l.minor(product)).toList(),
        Optional.of(newest).filter(n -> minor.compareTo(n.minor(product)) > 0));
  }

  private Upgrade upgrade(
      Product product, Version asked, Optional<ReleaseLine> line, LocalDate date) {
    Optional<ReleaseLine> newest = newestShipped(date);
    Optional<ReleaseLine> newer =
        newest.filter(n -> line.map(l -> n.kommander().compareTo(l.kommander()) > 0).orElse(true));
    LatestPatches newerPatches =
        newer
            .map(n -> LatestPatches.of(n, date))
            .orElse(new LatestPatches(Optional.empty(), Optional.empty()));
    if (line.isEmpty()) {
      return new Upgrade(
          Optional.empty(),
          PatchCheck.NOT_ASKED,
          newer,
          newerPatches,
          Optional.empty(),
          0,
          Optional.empty());
    }
    Optional<List<UpgradeHop>> path = newer.flatMap(n -> paths.path(line.get(), n));
    Optional<ReleaseLine> next = path.flatMap(p -> catalog.line(Product.KOMMANDER, p.get(0).to()));
    Optional<Patch> patch = line.get().latestPatchOn(product, date);
    return new Upgrade(
        patch,
        PatchCheck.of(asked, line.get().latestPatch(product), patch),
        newer,
        newerPatches,
        next,
        path.map(List::size).orElse(0),
        path.map(p -> p.get(0)));
  }

  /** The status answer to a question, worded as asked (with or without a product name). */
  public LineAnswer line(AboutLine q, LocalDate date) {
    LineAnswer a = status(q.product(), q.version(), date).about(q.cluster());
    return q.named() ? a : a.unnamed();
  }

  /** How to get from {@code from} to {@code to} (the newest line when absent), hop by hop. */
  public UpgradePathAnswer upgradePath(
      AboutLine from, Optional<AboutLine> to, boolean direct, LocalDate date) {
    return paths.answer(this, from, to, direct, date);
  }

  /** The newest line shipped by {@code date}. */
  public Optional<ReleaseLine> newestShipped(LocalDate date) {
    List<ReleaseLine> shipped = shippedBy(date);
    return shipped.isEmpty() ? Optional.empty() : Optional.of(shipped.get(shipped.size() - 1));
  }

  /** Whose policy it was on {@code date}: the era of the newest line out by then. */
  public Era eraOn(LocalDate date) {
    return catalog.era(newestShipped(date).orElse(catalog.lines().get(0)).product());
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
   * release that pushes a line out of the window, dated by when it surely had. A reported release
   * ends nothing here: it is not announced on the strength of one report.
   */
  public List<SupportEnd> endingsFrom(LocalDate from) {
    List<SupportEnd> out = new ArrayList<>();
    List<ReleaseLine> lines = catalog.lines();
    int window = catalog.settings().window();
    for (int i = window; i < lines.size(); i++) {
      Ending ending = Ending.of(lines.get(i));
      if (ending.when().filter(d -> !d.isBefore(from)).isPresent() && !ending.by().isReported()) {
        out.add(new SupportEnd(lines.get(i - window), ending));
      }
    }
    return out;
  }

  /** Releases and ends of support after {@code date}, up to {@code days} days on. */
  public UpcomingAnswer upcoming(LocalDate date, int days) {
    LocalDate to = date.plusDays(days);
    List<ReleaseLine> releases = new ArrayList<>();
    Optional<ReleaseLine> next = Optional.empty();
    for (ReleaseLine line : catalog.lines()) {
      Optional<LocalDate> ships = line.shipDate().filter(d -> d.isAfter(date));
      if (ships.isPresent() && !ships.get().isAfter(to)) {
        releases.add(line);
      } else if (ships.isPresent() && next.isEmpty()) {
        next = Optional.of(line);
      }
    }
    List<SupportEnd> endings =
        endingsFrom(date.plusDays(1)).stream().filter(e -> !e.ending().date().isAfter(to)).toList();
    return new UpcomingAnswer(
        date, to, releases, endings, releases.isEmpty() ? next : Optional.empty());
  }

  /** Every catalog line's status on {@code date}, newest first. */
  public MatrixAnswer matrix(LocalDate date) {
    List<LineAnswer> rows = new ArrayList<>();
    for (ReleaseLine line : catalog.lines()) {
      rows.add(0, lineStatus(line, date));
    }
    return new MatrixAnswer(date, catalog.settings().window(), rows);
  }

  /** Which lines deploy Kubernetes {@code minor}, and what the supported lines deploy. */
  public KubernetesAnswer kubernetes(Minor minor, LocalDate date) {
    List<LineAnswer> running = new ArrayList<>();
    for (ReleaseLine line : catalog.lines()) {
      if (line.kube().map(k -> k.runs(minor)).orElse(false)) {
        running.add(0, lineStatus(line, date));
      }
    }
    List<LineAnswer> supported = new ArrayList<>();
    supportedOn(date).forEach(l -> supported.add(0, lineStatus(l, date)));
    return new KubernetesAnswer(minor, date, running, supported);
  }

  /** Can {@code asked} run on Kubernetes {@code minor}: only within the line's own range. */
  public KubernetesFitAnswer onKubernetes(
      Product product, Version asked, Minor minor, LocalDate date) {
    LineAnswer line = status(product, asked, date);
    Optional<Boolean> fits = line.line().flatMap(ReleaseLine::kube).map(k -> k.runs(minor));
    return new KubernetesFitAnswer(line, minor, fits, kubernetes(minor, date));
  }

  /** A line's status under its own name. */
  LineAnswer lineStatus(ReleaseLine line, LocalDate date) {
    return status(line.product(), Version.of(line.kommander()), date);
  }

  /** Whether the catalog may be out of date for {@code date}: see {@link Freshness}. */
  public Freshness freshness(LocalDate date) {
    return Freshness.of(catalog, date, supportedOn(date), upstream);
  }
}
