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
        Question.AboutTopic,
        Question.AboutOtherProduct,
        Question.AboutApps,
        Question.AboutPrerelease,
        Question.UpgradeOrder {

  /** One method per kind of question: the core answers each, and forgets none. */
  interface Visitor<R> {
    R aboutLine(AboutLine q);

    R aboutPair(AboutPair q);

    R aboutKubernetes(AboutKubernetes q);

    R onKubernetes(OnKubernetes q);

    R aboutBps(AboutBps q);

    R upgradePath(UpgradePath q);

    R upcoming(Upcoming q);

    R aboutTopic(AboutTopic q);

    R aboutOtherProduct(AboutOtherProduct q);

    R aboutApps(AboutApps q);

    R aboutPrerelease(AboutPrerelease q);

    R upgradeOrder(UpgradeOrder q);
  }

  /** Calls the visitor's method for this kind of question. */
  <R> R accept(Visitor<R> visitor);

  /**
   * Is this version supported, under whichever name it was asked, and what to upgrade to.
   *
   * @param named whether the asker named the product (else it is Kommander's numbering)
   * @param cluster the cluster the asker said runs it ("prod on dkp 2.6"), when named
   */
  record AboutLine(Product product, Version version, boolean named, Optional<String> cluster)
      implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.aboutLine(this);
    }

    public AboutLine(Product product, Version version, boolean named) {
      this(product, version, named, Optional.empty());
    }

    public AboutLine(Product product, Version version) {
      this(product, version, true);
    }
  }

  /** Is this Kommander version supported on this Konvoy version. */
  record AboutPair(Version kommander, Version konvoy) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.aboutPair(this);
    }
  }

  /** Which lines deploy this Kubernetes minor, and is one of them supported. */
  record AboutKubernetes(Minor kubernetes) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.aboutKubernetes(this);
    }
  }

  /** Can this version run on this Kubernetes minor. */
  record OnKubernetes(Product product, Version version, Minor kubernetes) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.onKubernetes(this);
    }
  }

  /** What a Base Platform Services tag means, and its support through its Kubernetes version. */
  record AboutBps(BpsTag tag) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.aboutBps(this);
    }
  }

  /**
   * How to upgrade from a version, to the newest line or to {@code to}.
   *
   * @param direct whether the asker wants to go straight there ("straight to", "skip")
   */
  record UpgradePath(AboutLine from, java.util.Optional<AboutLine> to, boolean direct)
      implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.upgradePath(this);
    }
  }

  /** What loses support or ships in the next {@code days} days. */
  record Upcoming(int days) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.upcoming(this);
    }
  }

  /** A question about a whole topic rather than a version. */
  record AboutTopic(Topic topic) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.aboutTopic(this);
    }
  }

  /**
   * A product this bot does not cover ("Rancher 2.8", "OpenShift 4.14"), or a neighbour of ours
   * from the same vendors (Kaptain, AI Navigator, Nutanix AI): said once, never answered as ours.
   */
  record AboutOtherProduct(String id, String name, boolean neighbour) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.aboutOtherProduct(this);
    }
  }

  /**
   * What support platform applications get ("is cert-manager covered", "sev 2 for a grafana config
   * question"): the seed's secondary support, for the concern asked about.
   *
   * @param apps the applications named (vocabulary ids), none when asked about them all
   */
  record AboutApps(java.util.List<String> apps, Concern concern) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.aboutApps(this);
    }

    public AboutApps {
      apps = java.util.List.copyOf(apps);
    }
  }

  /** What a question about a platform application is about: the secondary-support row. */
  enum Concern {
    CONFIGURATION,
    FAILURE,
    BUG_FIX,
    DOCUMENTATION,
    /** Nothing in particular: every row. */
    ANY
  }

  /**
   * A pre-release build ({@code 2.18.0-rc.3}, {@code v2.19.0-dev.34}): never a release, never
   * supported; its line's standing is said beside it.
   */
  record AboutPrerelease(Product product, Version version, String build) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.aboutPrerelease(this);
    }
  }

  /** Which of several clusters to upgrade first: each with its version, ordered by urgency. */
  record UpgradeOrder(java.util.List<AboutLine> clusters) implements Question {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.upgradeOrder(this);
    }

    public UpgradeOrder {
      clusters = java.util.List.copyOf(clusters);
    }
  }

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
