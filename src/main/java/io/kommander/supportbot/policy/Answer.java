package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A structured answer of the policy core; renderers turn it into text, Block Kit or JSON. */
public sealed interface Answer
    permits Answer.LineAnswer,
        Answer.CompatibilityAnswer,
        Answer.MatrixAnswer,
        Answer.KubernetesAnswer,
        Answer.KubernetesFitAnswer,
        Answer.BpsAnswer,
        Answer.UpgradePathAnswer,
        Answer.UpcomingAnswer,
        Answer.ExperimentalAnswer,
        Answer.SecondaryAnswer,
        Answer.HelpAnswer,
        NotOursAnswer,
        PlatformAppsAnswer,
        PrereleaseAnswer,
        UpgradeOrderAnswer,
        NearMissAnswer {

  /** One method per kind of answer: a kind a renderer forgets does not compile. */
  interface Visitor<R> {
    R line(LineAnswer a);

    R compatibility(CompatibilityAnswer a);

    R matrix(MatrixAnswer a);

    R kubernetes(KubernetesAnswer a);

    R kubernetesFit(KubernetesFitAnswer a);

    R bps(BpsAnswer a);

    R upgradePath(UpgradePathAnswer a);

    R upcoming(UpcomingAnswer a);

    R experimental(ExperimentalAnswer a);

    R secondary(SecondaryAnswer a);

    R help(HelpAnswer a);

    R notOurs(NotOursAnswer a);

    R platformApps(PlatformAppsAnswer a);

    R prerelease(PrereleaseAnswer a);

    R upgradeOrder(UpgradeOrderAnswer a);

    R nearMiss(NearMissAnswer a);
  }

  /** Calls the visitor's method for this kind of answer. */
  <R> R accept(Visitor<R> visitor);

  /** This answer as an answer about one line, when it is one. */
  default Optional<LineAnswer> asLine() {
    return Optional.empty();
  }

  /**
   * Is {@code product asked} supported on {@code asOf}, and what to upgrade to.
   *
   * @param named whether the asker named the product; if not, the line's own name is not news
   * @param era the era of the line asked about (of the day, when the line is unknown)
   * @param cluster the cluster the asker said runs it, when named
   */
  record LineAnswer(
      Product product,
      boolean named,
      Version asked,
      LocalDate asOf,
      Era era,
      Support support,
      Upgrade upgrade,
      Optional<String> cluster)
      implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.line(this);
    }

    @Override
    public Optional<LineAnswer> asLine() {
      return Optional.of(this);
    }

    /** The same answer to a question that named no product. */
    public LineAnswer unnamed() {
      return new LineAnswer(product, false, asked, asOf, era, support, upgrade, cluster);
    }

    /** The same answer, about the cluster the asker said runs it. */
    public LineAnswer about(Optional<String> cluster) {
      return new LineAnswer(product, named, asked, asOf, era, support, upgrade, cluster);
    }

    /** The catalog line asked about, when known. */
    public Optional<ReleaseLine> line() {
      return support.catalogLine();
    }

    /** Whether a date this answer states comes from release tags rather than the vendor's docs. */
    public boolean approximate() {
      boolean line = line().map(ReleaseLine::approximate).orElse(false);
      boolean end =
          support instanceof Support.Supported s
              ? s.ends().map(e -> e.by().approximate()).orElse(false)
              : support instanceof Support.Expired e && e.ended().by().approximate();
      return line || end;
    }
  }

  /** Can Kommander {@code kommander} run on Konvoy {@code konvoy}? */
  record CompatibilityAnswer(
      Version kommander,
      Version konvoy,
      Verdict verdict,
      Optional<ReleaseLine> kommanderLine,
      Optional<ReleaseLine> konvoyLine,
      Optional<LineAnswer> pairStatus)
      implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.compatibility(this);
    }
  }

  /** The outcome of a compatibility question. */
  enum Verdict {
    /** Same line, and the line is supported. */
    SUPPORTED,
    /** Same line, but the line is expired or not released. */
    PAIRED_NOT_SUPPORTED,
    /** Different minor lines: the policy prohibits mixing them. */
    MIXED_MINORS,
    /** Neither version is in the catalog. */
    UNKNOWN
  }

  /** Every catalog line's status on {@code asOf}, newest first. */
  record MatrixAnswer(LocalDate asOf, int window, List<LineAnswer> lines) implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.matrix(this);
    }

    public List<LineAnswer> supported() {
      return lines.stream().filter(l -> l.support().isSupported()).toList();
    }
  }

  /**
   * Which lines deploy Kubernetes {@code kubernetes}, and what the supported lines deploy.
   *
   * @param running lines whose Kubernetes range holds the minor, newest first
   * @param supported the lines supported on {@code asOf}, newest first
   */
  record KubernetesAnswer(
      Minor kubernetes, LocalDate asOf, List<LineAnswer> running, List<LineAnswer> supported)
      implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.kubernetes(this);
    }

    /** The newest supported line that deploys the minor. */
    public Optional<LineAnswer> supportedRunning() {
      return running.stream().filter(l -> l.support().isSupported()).findFirst();
    }
  }

  /**
   * Can {@code line} run on Kubernetes {@code kubernetes}?
   *
   * @param fits empty when the catalog does not know the line's Kubernetes
   * @param alternatives the lines that deploy that Kubernetes minor
   */
  record KubernetesFitAnswer(
      LineAnswer line, Minor kubernetes, Optional<Boolean> fits, KubernetesAnswer alternatives)
      implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.kubernetesFit(this);
    }
  }

  /** A Base Platform Services tag explained, and its support through its Kubernetes minor. */
  record BpsAnswer(BpsTag tag, KubernetesAnswer kubernetes) implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.bps(this);
    }
  }

  /**
   * How to get from one version to another (the newest line when none is named), one hop at a time.
   *
   * @param to the target asked about, when one was named
   * @param direct whether the asker wanted to go straight there
   * @param steps the hops in order, each with the line it lands on; empty unless a path exists
   */
  record UpgradePathAnswer(
      LineAnswer from,
      Optional<LineAnswer> to,
      boolean direct,
      List<Step> steps,
      PathOutcome outcome)
      implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.upgradePath(this);
    }

    /** One hop and where it lands, with that line's status and latest patch on the day. */
    public record Step(UpgradeHop hop, LineAnswer landing) {}

    /** The index of the step that first lands on a supported line from an unsupported one. */
    public int backInSupport() {
      if (from.support().isSupported()) {
        return -1;
      }
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).landing().support().isSupported()) {
          return i;
        }
      }
      return -1;
    }

    /** Whether any hop on the path rests on inference rather than a source. */
    public boolean anyInferred() {
      return steps.stream().anyMatch(s -> s.hop().inferred());
    }
  }

  /**
   * What changes between {@code from} and {@code to}: releases (shipped or planned) and the ends of
   * support they bring, soonest first.
   *
   * @param next the first change after {@code to}, when the window holds none
   */
  record UpcomingAnswer(
      LocalDate from,
      LocalDate to,
      List<ReleaseLine> releases,
      List<SupportEnd> endings,
      Optional<ReleaseLine> next)
      implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.upcoming(this);
    }

    public boolean isEmpty() {
      return releases.isEmpty() && endings.isEmpty();
    }
  }

  /** Support terms for Experimental components. */
  record ExperimentalAnswer(ExperimentalTerms terms) implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.experimental(this);
    }
  }

  /** The secondary-support table for platform applications. */
  record SecondaryAnswer(SecondarySupport table) implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.secondary(this);
    }
  }

  /** How to ask; sent when no question was understood. */
  record HelpAnswer() implements Answer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.help(this);
    }
  }
}
