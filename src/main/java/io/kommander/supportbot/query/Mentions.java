package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutOtherProduct;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names in a message that are not ours (platform applications, the node's parts, other products,
 * our neighbours) and the versions that belong to them: a version right after such a name is its
 * own ("cert-manager v1.17.2", "Rancher 2.8", "EKS 1.29"), never read as ours.
 */
final class Mentions {
  /** How many words after a name its version may come ("Tanzu Kubernetes Grid 2.5"). */
  private static final int REACH = 3;

  /** Tools named in passing ("docker hub", "helm list"): only answered with a version of theirs. */
  private static final Set<String> ONLY_WITH_A_VERSION = Set.of("docker", "helm");

  private final Names names;
  private final Set<String> apps = new LinkedHashSet<>();
  private final Set<Names.Named> others = new LinkedHashSet<>();
  private Names.Named owner;
  private int reach;
  private String previous = "";

  Mentions(Names names) {
    this.names = names;
  }

  /**
   * What {@code lower} (or it and the word before, "prism central") names, recorded; empty for
   * words of no one's.
   */
  Optional<Names.Named> name(String lower) {
    Optional<Names.Named> named = names.thing(previous + " " + lower).or(() -> names.thing(lower));
    previous = lower;
    named.ifPresent(
        n -> {
          owner = n;
          reach = REACH;
          if (n.kind() == Names.Kind.PLATFORM_APP) {
            apps.add(n.id());
          } else if ((n.kind() == Names.Kind.OTHER_PRODUCT || n.kind() == Names.Kind.NEIGHBOUR)
              && !ONLY_WITH_A_VERSION.contains(n.id())) {
            others.add(n);
          }
        });
    return named;
  }

  /** A word that names nothing: the last name's reach shrinks. */
  void word() {
    reach = Math.max(0, reach - 1);
  }

  /** Our product, a separator: versions after it are no longer the last name's. */
  void end() {
    reach = 0;
  }

  /** Whether a version read now belongs to the last name; if so it is that name's, noted. */
  boolean claims() {
    if (reach == 0 || owner == null) {
      return false;
    }
    if (ONLY_WITH_A_VERSION.contains(owner.id())) {
      others.add(owner);
    }
    return true;
  }

  /** The platform applications named, by their vocabulary ids. */
  Set<String> apps() {
    return apps;
  }

  /** A question for each other product or neighbour named. */
  void ask(List<Question> questions) {
    others.forEach(
        n ->
            questions.add(
                new AboutOtherProduct(n.id(), n.name(), n.kind() == Names.Kind.NEIGHBOUR)));
  }

  boolean anyOthers() {
    return !others.isEmpty();
  }
}
