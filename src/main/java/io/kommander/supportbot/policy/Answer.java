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
        Answer.ExperimentalAnswer,
        Answer.SecondaryAnswer,
        Answer.HelpAnswer {

  /**
   * Is {@code product asked} supported on {@code asOf}, and what to upgrade to.
   *
   * @param named whether the asker named the product; if not, the line's own name is not news
   * @param era the era of the line asked about (of the day, when the line is unknown)
   */
  record LineAnswer(
      Product product,
      boolean named,
      Version asked,
      LocalDate asOf,
      Era era,
      Support support,
      Upgrade upgrade)
      implements Answer {
    /** The same answer to a question that named no product. */
    public LineAnswer unnamed() {
      return new LineAnswer(product, false, asked, asOf, era, support, upgrade);
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
      implements Answer {}

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
      implements Answer {}

  /** A Base Platform Services tag explained, and its support through its Kubernetes minor. */
  record BpsAnswer(BpsTag tag, KubernetesAnswer kubernetes) implements Answer {}

  /** Support terms for Experimental components. */
  record ExperimentalAnswer(ExperimentalTerms terms) implements Answer {}

  /** The secondary-support table for platform applications. */
  record SecondaryAnswer(SecondarySupport table) implements Answer {}

  /** How to ask; sent when no question was understood. */
  record HelpAnswer() implements Answer {}
}
