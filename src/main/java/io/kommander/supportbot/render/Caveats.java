package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesFitAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.Support;

/** Which caveats an answer needs: only answers that state such dates carry them. */
public final class Caveats {
  private Caveats() {}

  /** The answer states an end-of-support date, which is always derived. */
  public static boolean derived(Answer answer) {
    if (answer instanceof CompatibilityAnswer c) {
      return c.pairStatus().isPresent();
    } else if (answer instanceof KubernetesFitAnswer f) {
      return derived(f.line());
    } else if (answer instanceof LineAnswer a) {
      return a.support() instanceof Support.Expired
          || a.support() instanceof Support.Supported s && s.ends().isPresent();
    } else if (answer instanceof Answer.UpcomingAnswer u) {
      return !u.endings().isEmpty();
    }
    return answer instanceof MatrixAnswer;
  }

  /** The answer states a date that comes from release tags. */
  public static boolean approximate(Answer answer) {
    if (answer instanceof LineAnswer a) {
      return a.approximate();
    } else if (answer instanceof CompatibilityAnswer c) {
      return c.pairStatus().map(LineAnswer::approximate).orElse(false);
    } else if (answer instanceof MatrixAnswer m) {
      return m.lines().stream().anyMatch(LineAnswer::approximate);
    } else if (answer instanceof KubernetesFitAnswer f) {
      return f.line().approximate();
    }
    return false;
  }
}
