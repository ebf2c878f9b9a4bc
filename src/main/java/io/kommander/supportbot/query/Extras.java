package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutApps;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Question.AboutTopic;
import io.kommander.supportbot.policy.Question.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * What a message asks beyond its versions, added once every token is read: other products first
 * (said once, then the rest), platform applications' support, the newest release, the order to
 * upgrade clusters in, what changes soon.
 */
final class Extras {
  private Extras() {}

  /**
   * @param pastedApps platform applications a paste listed: asked about only when the words ask
   *     about support ("can this be a sev 2?", "are they covered?")
   * @param target the index of the upgrade's target ("going to 2.18.0"), -1 when none
   * @param path whether the versions became an upgrade path
   * @return whether platform applications are asked about
   */
  static boolean add(
      List<Question> questions,
      Mentions mentions,
      java.util.Set<String> pastedApps,
      Wording wording,
      int target,
      boolean path) {
    List<Question> others = new ArrayList<>();
    mentions.ask(others);
    questions.addAll(0, others);
    boolean experimental = questions.contains(new AboutTopic(Topic.EXPERIMENTAL));
    boolean support = wording.severity() || wording.coverage();
    java.util.Set<String> apps = new java.util.LinkedHashSet<>(mentions.apps());
    if (support) {
      apps.addAll(pastedApps);
    }
    boolean askedApps = !apps.isEmpty();
    if (askedApps
        || (wording.severity() && !experimental)
        || (wording.coverage() && questions.stream().noneMatch(q -> q instanceof AboutLine))) {
      if (others.isEmpty() || askedApps) {
        questions.add(new AboutApps(List.copyOf(apps), wording.concern()));
      }
    }
    boolean versions = questions.stream().anyMatch(q -> q instanceof AboutLine);
    if ((wording.out() || (wording.newest() && !versions))
        && !wording.severity()
        && !questions.contains(new AboutTopic(Topic.NEWEST))) {
      questions.add(new AboutTopic(Topic.NEWEST));
    }
    if (wording.order() && !path) {
      List<AboutLine> clusters = new ArrayList<>();
      for (int i = 0; i < questions.size(); i++) {
        if (i != target && questions.get(i) instanceof AboutLine l) {
          clusters.add(l);
        }
      }
      if (!clusters.isEmpty()) {
        questions.removeAll(clusters);
        questions.add(0, new Question.UpgradeOrder(clusters));
      }
    }
    return askedApps;
  }

  /** The days of an "upcoming" question: the first bare number, else the default. */
  static int upcomingDays(List<String> bareNumbers, List<String> notes) {
    if (bareNumbers.isEmpty()) {
      return QueryParser.UPCOMING_DAYS;
    }
    int asked = QueryParser.number(bareNumbers.remove(0));
    if (asked >= 1) {
      return asked;
    }
    notes.add(
        "I looked "
            + QueryParser.UPCOMING_DAYS
            + " days ahead; ask for 1 to "
            + Minor.MAX_COMPONENT
            + " days, e.g. `upcoming 90`.");
    return QueryParser.UPCOMING_DAYS;
  }
}
