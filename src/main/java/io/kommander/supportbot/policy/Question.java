package io.kommander.supportbot.policy;

import java.util.Optional;

/** A question the policy core can answer, as parsed from what someone typed. */
public sealed interface Question
    permits Question.AboutLine,
        Question.AboutPair,
        Question.AboutKubernetes,
        Question.OnKubernetes,
        Question.AboutBps,
        Question.UpgradePath,
        Question.Upcoming,
        Question.AboutTopic {

  /**
   * Is this version supported, under whichever name it was asked, and what to upgrade to.
   *
   * @param named whether the asker named the product (else it is Kommander's numbering)
   * @param cluster the cluster the asker said runs it ("prod on dkp 2.6"), when named
   */
  record AboutLine(Product product, Version version, boolean named, Optional<String> cluster)
      implements Question {
    public AboutLine(Product product, Version version, boolean named) {
      this(product, version, named, Optional.empty());
    }

    public AboutLine(Product product, Version version) {
      this(product, version, true);
    }
  }

  /** Is this Kommander version supported on this Konvoy version. */
  record AboutPair(Version kommander, Version konvoy) implements Question {}

  /** Which lines deploy this Kubernetes minor, and is one of them supported. */
  record AboutKubernetes(Minor kubernetes) implements Question {}

  /** Can this version run on this Kubernetes minor. */
  record OnKubernetes(Product product, Version version, Minor kubernetes) implements Question {}

  /** What a Base Platform Services tag means, and its support through its Kubernetes version. */
  record AboutBps(BpsTag tag) implements Question {}

  /**
   * How to upgrade from a version, to the newest line or to {@code to}.
   *
   * @param direct whether the asker wants to go straight there ("straight to", "skip")
   */
  record UpgradePath(AboutLine from, java.util.Optional<AboutLine> to, boolean direct)
      implements Question {}

  /** What loses support or ships in the next {@code days} days. */
  record Upcoming(int days) implements Question {}

  /** A question about a whole topic rather than a version. */
  record AboutTopic(Topic topic) implements Question {}

  /** Topics that need no version. */
  enum Topic {
    MATRIX,
    /** The newest release: "what is the latest NKP?" */
    NEWEST,
    EXPERIMENTAL,
    SECONDARY,
    HELP
  }
}
