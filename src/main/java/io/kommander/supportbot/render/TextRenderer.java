package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.ExperimentalAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.Answer.SecondaryAnswer;
import io.kommander.supportbot.policy.ExperimentalTerms;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.SecondarySupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a reply as plain text: the CLI's output and the {@code text} fallback of Slack messages
 * (notifications and screen readers show only this).
 */
public final class TextRenderer {

  public String render(Reply reply) {
    int window = reply.settings().window();
    List<String> out = new ArrayList<>();
    for (Answer answer : reply.answers()) {
      if (!out.isEmpty()) {
        out.add("");
      }
      out.addAll(render(answer, reply, window));
    }
    reply.notes().forEach(n -> out.add("Note: " + n));
    out.add("");
    out.add(footer(reply));
    return String.join("\n", out);
  }

  /** The policy and terms line closing every reply. */
  public static String footer(Reply reply) {
    int window = reply.settings().window();
    return Phrases.policyName(window)
        + ": the newest Kommander line and the "
        + (window - 1)
        + " before it are supported, with all their patches. Terms: "
        + reply.settings().termsUrl();
  }

  private List<String> render(Answer answer, Reply reply, int window) {
    List<String> out = new ArrayList<>();
    if (answer instanceof LineAnswer a) {
      out.add(
          Phrases.subject(a)
              + ": "
              + Phrases.status(a.support())
              + (reply.asOfGiven() ? " " + Phrases.when(reply) : ""));
      out.add("  " + Phrases.untilWhen(a, window));
      Phrases.upgrade(a).forEach(u -> out.add("  " + u));
    } else if (answer instanceof CompatibilityAnswer c) {
      List<String> lines = Phrases.compatibility(c, window);
      out.add(lines.get(0) + (reply.asOfGiven() ? " (" + Phrases.when(reply) + ")" : ""));
      lines.subList(1, lines.size()).forEach(l -> out.add("  " + l));
    } else if (answer instanceof MatrixAnswer m) {
      out.add(
          "Support matrix "
              + Phrases.when(reply)
              + ": "
              + Phrases.policyName(window)
              + ", the newest "
              + window
              + " lines are supported.");
      for (LineAnswer a : m.lines()) {
        String patch = a.upgrade().linePatch().map(p -> ", latest patch " + p.version()).orElse("");
        out.add(
            "  "
                + a.line().orElseThrow().label()
                + ": "
                + Phrases.status(a.support())
                + patch
                + ". "
                + Phrases.untilWhen(a, window));
      }
    } else if (answer instanceof ExperimentalAnswer e) {
      out.addAll(experimental(e.terms()));
    } else if (answer instanceof SecondaryAnswer s) {
      out.addAll(secondary(s.table()));
    } else {
      out.add("Ask me about Kommander and Konvoy versions. Examples:");
      Phrases.EXAMPLES.forEach(x -> out.add("  " + x));
    }
    if (answer instanceof LineAnswer
        || answer instanceof CompatibilityAnswer
        || answer instanceof MatrixAnswer) {
      if (mentionsDerivedDate(answer)) {
        out.add("  " + Phrases.DERIVED);
      }
    }
    return out;
  }

  /** Only answers that state an end date need the caveat. */
  static boolean mentionsDerivedDate(Answer answer) {
    return !(answer instanceof CompatibilityAnswer c && c.pairStatus().isEmpty());
  }

  public static List<String> experimental(ExperimentalTerms t) {
    List<String> out = new ArrayList<>();
    out.add(
        "Experimental components: Severity "
            + t.severity()
            + " support only"
            + (t.production() ? "." : "; never in production."));
    out.add("  " + t.summary());
    out.add("  Offered:");
    t.services().forEach(s -> out.add("  - " + s));
    if (t.note() != null) {
      out.add("  " + t.note());
    }
    return out;
  }

  public static List<String> secondary(SecondarySupport table) {
    List<String> out = new ArrayList<>();
    out.add("Secondary support: " + table.appliesTo());
    for (SecondarySupport.Type type : table.types()) {
      out.add("  " + type.type() + ": " + type.support() + ".");
      type.scope().forEach(s -> out.add("    - " + s));
    }
    return out;
  }
}
