package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.Intent;
import io.kommander.supportbot.policy.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several clusters in one message ("prod on dkp 2.6, staging on nkp 2.13, dev on nkp 2.17.1"): one
 * compact answer each, in the order asked, instead of a full answer each. The summary line before
 * them and the caveats after them are said once.
 */
public final class ClusterPhrases {
  private ClusterPhrases() {}

  /** Compact when the message names two clusters or more, or asks about three versions or more. */
  public static boolean compact(Reply reply) {
    List<LineAnswer> lines = lines(reply.answers());
    long named = lines.stream().filter(a -> a.cluster().isPresent()).count();
    boolean aboutLines = reply.intent() != Intent.KUBERNETES && reply.intent() != Intent.NEWEST;
    return named >= 2 || (lines.size() >= 3 && aboutLines);
  }

  /** "prod on DKP 2.6: expired", or "DKP 2.6: expired" when no cluster was named. */
  public static String headline(LineAnswer a) {
    return name(a) + ": " + Phrases.status(a.support());
  }

  /** The cluster and its version: "prod on DKP 2.6". */
  public static String name(LineAnswer a) {
    return a.cluster().map(c -> c + " on ").orElse("") + Phrases.subject(a);
  }

  /** Until when, and the one thing to do next, each a sentence. */
  public static String details(LineAnswer a, int window) {
    return Phrases.untilWhen(a, window) + UpgradePhrases.nextStep(a).map(s -> " " + s).orElse("");
  }

  /** The caveats the compact answers need, each once. */
  public static List<String> caveats(Reply reply) {
    List<String> out = new ArrayList<>();
    List<LineAnswer> lines = lines(reply.answers());
    if (lines.stream().anyMatch(Caveats::derived)) {
      out.add(ReplyPhrases.DERIVED);
    }
    if (lines.stream().anyMatch(Caveats::approximate)) {
      out.add(CatalogPhrases.APPROXIMATE);
    }
    return out;
  }

  /** In the summary: "prod (DKP 2.6)" when the cluster was named. */
  static String summaryName(LineAnswer a) {
    return a.cluster().map(c -> c + " (" + Phrases.subject(a) + ")").orElse(Phrases.subject(a));
  }

  private static List<LineAnswer> lines(List<Answer> answers) {
    return answers.stream()
        .filter(LineAnswer.class::isInstance)
        .map(LineAnswer.class::cast)
        .toList();
  }

  /** How a line's support ends, for the App Home's list: "ends when NKP 2.18 ships (…)". */
  public static String endsWhen(Optional<Ending> ends) {
    return ends.map(
            e ->
                "ends when "
                    + e.by().release()
                    + " ships"
                    + e.when()
                        .map(d -> " (" + (e.planned() ? "planned for " : "") + d + ")")
                        .orElse(" (not scheduled yet)"))
        .orElse("no end scheduled: no line that would end it is planned yet");
  }
}
