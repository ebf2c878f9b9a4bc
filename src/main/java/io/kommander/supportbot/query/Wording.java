package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Intent;
import io.kommander.supportbot.policy.Question.Concern;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the asker's words ask for beside the versions they name: a severity, coverage, the newest,
 * an order, a pairing, Kubernetes; and, for a platform application, which kind of trouble
 * (configuration, a failure, a bug, the docs). Only words decide here; the policy then answers from
 * its data.
 */
final class Wording {
  private static final Set<String> SEVERITY =
      Set.of(
          "sev",
          "sev1",
          "sev2",
          "sev3",
          "sev4",
          "sev-1",
          "sev-2",
          "severity",
          "severities",
          "p1",
          "p2",
          "s1",
          "s2",
          "priority");
  private static final Set<String> COVERAGE =
      Set.of("cover", "covered", "covers", "coverage", "include", "includes");
  private static final Set<String> ORDER = Set.of("order", "first");

  /** Words that ask for the newest release outright. */
  private static final Set<String> NEWEST = Set.of("newest", "latest", "latets", "last");

  /**
   * Words that ask whether a release is out ("is 2.19 out yet?", "went GA", "disponible"): the
   * newest is said beside it, and it is the main question only while its line is unconfirmed.
   */
  private static final Set<String> OUT =
      Set.of("ga", "released", "shipped", "yet", "available", "disponible", "drops");

  private static final Set<String> COVERAGE_OF_LINES =
      Set.of("patch", "patches", "n-2", "count", "counts", "lines");
  private static final Set<String> PAIRING =
      Set.of("pair", "pairs", "paired", "pairing", "goes", "compatible", "compatibility", "match");
  private static final Set<String> CONFIGURATION =
      Set.of(
          "config",
          "configuration",
          "configure",
          "configuring",
          "dashboard",
          "setting",
          "settings",
          "values",
          "tuning",
          "question");
  private static final Set<String> FAILURE =
      Set.of(
          "crash",
          "crashed",
          "crashing",
          "down",
          "failed",
          "failing",
          "fails",
          "failure",
          "broken",
          "broke",
          "outage",
          "install",
          "error",
          "errors");
  private static final Set<String> BUG = Set.of("bug", "bugs", "fix", "fixes", "upstream", "rca");
  private static final Set<String> DOCS = Set.of("doc", "docs", "documentation");

  /** Words that ask what support an application gets, beside a version of ours. */
  private static final Set<String> SUPPORT_ASKED =
      Set.of("covered", "who", "fixes", "fix", "upstream", "level", "rca", "bug", "docs", "slow");

  private final Set<String> words = new HashSet<>();
  private String previous = "";
  private boolean outNotOf;

  void word(String lower) {
    words.add(lower);
    if (previous.equals("out") && !lower.equals("of")) {
      outNotOf = true;
    }
    previous = lower;
  }

  /** The end of the message: "is 2.19 out?" ends on "out". */
  void end() {
    if (previous.equals("out")) {
      outNotOf = true;
    }
  }

  boolean severity() {
    return any(SEVERITY);
  }

  boolean coverage() {
    return any(COVERAGE);
  }

  boolean order() {
    return any(ORDER);
  }

  /** Whether the newest release is asked for outright ("latest NKP version?"). */
  boolean newest() {
    return any(NEWEST);
  }

  /** Whether a release being out is asked about ("is 2.19 out yet?", "went GA"). */
  boolean out() {
    return any(OUT) || outNotOf;
  }

  boolean pairing() {
    return any(PAIRING);
  }

  /** What the asker's words make the main question, when they make one. */
  Optional<Intent> intent(boolean apps, boolean kubernetes, boolean upgradePath, boolean versions) {
    if (severity()) {
      return Optional.of(Intent.SEVERITY);
    } else if (order() && !upgradePath) {
      return Optional.of(Intent.UPGRADE_ORDER);
    } else if (coverage() && (apps || !versions || any(COVERAGE_OF_LINES))) {
      return Optional.of(apps ? Intent.SECONDARY : Intent.COVERAGE);
    } else if (apps && (!versions || any(SUPPORT_ASKED))) {
      return Optional.of(Intent.SECONDARY);
    } else if (upgradePath) {
      return Optional.empty();
    } else if (any(NEWEST)) {
      return Optional.of(Intent.NEWEST);
    } else if (pairing()) {
      return Optional.of(Intent.PAIRING);
    } else if (kubernetes) {
      return Optional.of(Intent.KUBERNETES);
    }
    return Optional.empty();
  }

  /** Which row of secondary support a question about an application is about. */
  Concern concern() {
    if (any(DOCS)) {
      return Concern.DOCUMENTATION;
    } else if (any(BUG)) {
      return Concern.BUG_FIX;
    } else if (any(FAILURE)) {
      return Concern.FAILURE;
    } else if (any(CONFIGURATION)) {
      return Concern.CONFIGURATION;
    }
    return Concern.ANY;
  }

  private boolean any(Set<String> set) {
    return set.stream().anyMatch(words::contains);
  }
}
