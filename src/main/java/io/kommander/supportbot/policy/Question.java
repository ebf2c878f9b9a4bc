package io.kommander.supportbot.policy;

/** A question the policy core can answer, as parsed from what someone typed. */
public sealed interface Question
    permits Question.AboutLine, Question.AboutPair, Question.AboutTopic {

  /** Is this Kommander or Konvoy version supported, which pairs with it, what to upgrade to. */
  record AboutLine(Product product, Version version) implements Question {}

  /** Is this Kommander version supported on this Konvoy version. */
  record AboutPair(Version kommander, Version konvoy) implements Question {}

  /** A question about a whole topic rather than a version. */
  record AboutTopic(Topic topic) implements Question {}

  /** Topics that need no version. */
  enum Topic {
    MATRIX,
    EXPERIMENTAL,
    SECONDARY,
    HELP
  }
}
