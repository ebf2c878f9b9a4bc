package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.LatestPatches;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Reply;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A reply as a workflow step's outputs, for a workflow to branch on: the first version's {@code
 * status} in words, whether it is {@code supported}, the day support {@code ends_on} (empty when
 * not dated), the {@code newest_line} with its latest patch, and the whole {@code answer} as text.
 */
public final class StepOutputs {
  private StepOutputs() {}

  /** The outputs, or empty when the reply answers no version (the step then fails with why). */
  public static Optional<Map<String, Object>> of(Reply reply, PolicyService service) {
    Optional<LineAnswer> first = reply.answers().stream().flatMap(StepOutputs::line).findFirst();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    LineAnswer a = first.get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", Phrases.status(a.support()));
    out.put("supported", a.support().isSupported());
    out.put(
        "ends_on",
        a.support().endOfSupport().flatMap(Ending::when).map(LocalDate::toString).orElse(""));
    out.put(
        "newest_line",
        service
            .policy()
            .newestShipped(reply.asOf())
            .map(n -> UpgradePhrases.newest(n, LatestPatches.of(n, reply.asOf()), n.product()))
            .orElse(""));
    out.put("answer", new TextRenderer().render(reply));
    return Optional.of(out);
  }

  /** The line a kind of answer is about: a line's, or the pairing's line. */
  private static java.util.stream.Stream<LineAnswer> line(Answer answer) {
    if (answer instanceof LineAnswer a && a.line().isPresent()) {
      return java.util.stream.Stream.of(a);
    } else if (answer instanceof Answer.CompatibilityAnswer c) {
      return c.pairStatus().stream();
    }
    return java.util.stream.Stream.empty();
  }
}
