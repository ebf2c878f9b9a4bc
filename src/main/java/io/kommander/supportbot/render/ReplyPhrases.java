package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.ExperimentalTerms;
import io.kommander.supportbot.policy.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words around every answer: the policy and whose it was, the day asked about, the help and its
 * examples, and the caveat that end dates are derived.
 */
public final class ReplyPhrases {
  private ReplyPhrases() {}

  public static final String DERIVED =
      "End-of-support dates are derived from the N-2 policy and release dates; neither D2iQ nor"
          + " Nutanix publishes them.";

  /** "30 and 7 days" for lead times [30, 7]. */
  public static String days(List<Integer> days) {
    List<String> each = days.stream().map(String::valueOf).toList();
    String joined =
        each.size() < 2
            ? String.join("", each)
            : String.join(", ", each.subList(0, each.size() - 1))
                + " and "
                + each.get(each.size() - 1);
    return joined + (days.size() == 1 && days.get(0) == 1 ? " day" : " days");
  }

  /** "N-2" for a window of 3. */
  public static String policyName(int window) {
    return "N-" + (window - 1);
  }

  /** "today (2026-11-25)" or "on 2021-06-01". */
  public static String when(Reply reply) {
    return reply.asOfGiven() ? "on " + reply.asOf() : "today (" + reply.asOf() + ")";
  }

  /** One way to ask, and what it answers. */
  public record Example(String ask, String answers) {}

  public static final List<Example> EXAMPLES =
      List.of(
          new Example("2.15", "is it supported, until when, what to upgrade to"),
          new Example(
              "nkp 2.16.1 dkp 2.8",
              "several versions, under any name: kommander, konvoy, dkp, nkp"),
          new Example("konvoy 1.8", "a Konvoy version and its Kommander pair"),
          new Example("1.2 on konvoy 1.7", "can this Kommander run on this Konvoy"),
          new Example("kubernetes 1.31", "which lines deploy it"),
          new Example("nkp 2.15 on kubernetes 1.30", "can this line run this Kubernetes"),
          new Example("stable-1.29-3.2.0", "a Base Platform Services tag"),
          new Example("2.5 on 2023-06-01", "as of a past or future day"),
          new Example("upgrade path from 2.5", "the hops to the newest line"),
          new Example("upcoming 90", "what ships or loses support in the next 90 days"),
          new Example("matrix", "every line and its status"),
          new Example("experimental", "support for Experimental components"),
          new Example("secondary", "support for platform applications"));

  /** Experimental terms: the headline, then the summary, the services offered and the note. */
  public static String experimentalHeadline(ExperimentalTerms t) {
    return "Experimental components: Severity "
        + t.severity()
        + " support only"
        + (t.production() ? "." : "; never in production.");
  }

  /** The first line of the help. */
  public static final String HELP = "Ask me about Kommander, Konvoy, DKP and NKP versions.";

  /** "N-2: Nutanix supports the newest NKP line and the 2 before it, with all their patches." */
  public static String policyLine(Reply reply) {
    int window = reply.settings().window();
    return policyName(window)
        + ": "
        + reply.era().owner()
        + " supports the newest "
        + reply.era().name()
        + " line and the "
        + (window - 1)
        + " before it, with all their patches.";
  }

  /** Where the era's terms are. */
  public static URI termsUrl(Reply reply) {
    return reply.era().termsUrl() != null ? reply.era().termsUrl() : reply.settings().termsUrl();
  }

  /**
   * With several versions in one message (a team's clusters), one line first: "3 versions: NKP
   * 2.17.1 supported; DKP 2.6 and NKP 2.13 expired." Empty for one version or none.
   */
  public static Optional<String> summary(List<Answer> answers) {
    java.util.Map<String, List<String>> byStatus = new java.util.LinkedHashMap<>();
    int lines = 0;
    boolean clusters = true;
    for (Answer a : answers) {
      if (a instanceof Answer.LineAnswer line && line.line().isPresent()) {
        byStatus
            .computeIfAbsent(Phrases.status(line.support()), k -> new ArrayList<>())
            .add(ClusterPhrases.summaryName(line));
        lines++;
        clusters &= line.cluster().isPresent();
      }
    }
    if (lines < 2) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    byStatus.forEach((status, names) -> parts.add(and(names) + " " + status));
    return Optional.of(
        lines + (clusters ? " clusters: " : " versions: ") + String.join("; ", parts) + ".");
  }

  /** "a", "a and b", "a, b and c". */
  public static String and(List<String> names) {
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " and "
            + names.get(names.size() - 1);
  }
}
