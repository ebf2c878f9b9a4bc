package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Question.UpgradePath;
import java.util.List;
import java.util.Optional;

/** The versions of a message that asks for a way up, joined into one upgrade question. */
final class UpgradeQuestions {
  private UpgradeQuestions() {}

  /**
   * From the version after "from" (else the first), to the version after "to" (else the newest
   * line): "skip 2.16 and go from 2.15 to 2.17". Going straight there, the lines in between are the
   * ones to skip, not questions.
   *
   * @param originIndex the question read after "from", -1 when none
   * @param targetIndex the question read after "to", -1 when none
   */
  static void join(List<Question> questions, int originIndex, int targetIndex, boolean direct) {
    int start =
        originIndex >= 0 && questions.get(originIndex) instanceof AboutLine ? originIndex : -1;
    for (int i = 0; i < questions.size() && start < 0; i++) {
      start = questions.get(i) instanceof AboutLine ? i : -1;
    }
    if (start < 0) {
      return;
    }
    AboutLine origin = (AboutLine) questions.get(start);
    Optional<AboutLine> target =
        targetIndex > start && questions.get(targetIndex) instanceof AboutLine t
            ? Optional.of(t)
            : Optional.empty();
    target.ifPresent(t -> questions.remove(targetIndex));
    questions.set(start, new UpgradePath(origin, target, direct));
    if (direct && target.isPresent()) {
      questions.removeIf(q -> q instanceof AboutLine);
    }
  }
}
