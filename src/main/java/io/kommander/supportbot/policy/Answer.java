package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A structured answer of the policy core; renderers turn it into text, Block Kit or JSON. */
public sealed interface Answer
    permits Answer.LineAnswer,
        Answer.CompatibilityAnswer,
        Answer.MatrixAnswer,
        Answer.ExperimentalAnswer,
        Answer.SecondaryAnswer,
        Answer.HelpAnswer {

  /** Is {@code product asked} supported on {@code asOf}, and what to upgrade to. */
  record LineAnswer(
      Product product, Version asked, LocalDate asOf, Support support, Upgrade upgrade)
      implements Answer {
    /** The catalog line asked about, when known. */
    public Optional<ReleaseLine> line() {
      if (support instanceof Support.Supported s) {
        return Optional.of(s.line());
      } else if (support instanceof Support.Expired e) {
        return Optional.of(e.line());
      } else if (support instanceof Support.NotYetReleased n) {
        return Optional.of(n.line());
      }
      return Optional.empty();
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

  /** Support terms for Experimental components. */
  record ExperimentalAnswer(ExperimentalTerms terms) implements Answer {}

  /** The secondary-support table for platform applications. */
  record SecondaryAnswer(SecondarySupport table) implements Answer {}

  /** How to ask; sent when no question was understood. */
  record HelpAnswer() implements Answer {}
}
