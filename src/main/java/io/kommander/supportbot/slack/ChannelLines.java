package io.kommander.supportbot.slack;

import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.slack.blocks.BlockKitRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lines a subscription command names ("nkp 2.16", "kommander 1.4 and konvoy 1.8"), read with
 * the same parser as questions and kept as Kommander minors, which every name of a line shares.
 */
public final class ChannelLines {
  private static final Set<String> EVERY_LINE = Set.of("all", "every line", "everything", "*");
  static final String EXPECTED =
      "Name lines like `nkp 2.16` or `kommander 1.4`, or nothing for every line.";

  /** What was read: Kommander minors (empty: every line), or why nothing can be. */
  public record Read(List<String> lines, Optional<String> problem) {
    static Read problem(String why) {
      return new Read(List.of(), Optional.of(why));
    }
  }

  private final SlackAnswers answers;

  public ChannelLines(SlackAnswers answers) {
    this.answers = answers;
  }

  /**
   * @param subscribing whether the lines are to be subscribed to: a line whose support has ended
   *     will be announced no more, so subscribing to it is refused with the reason
   */
  public Read read(String text, boolean subscribing) {
    if (text.isBlank() || EVERY_LINE.contains(text.strip().toLowerCase(java.util.Locale.ROOT))) {
      return new Read(List.of(), Optional.empty());
    }
    PolicyService service = answers.policy();
    List<Question> questions = answers.parse(text).questions();
    if (questions.isEmpty()) {
      return Read.problem(
          "I found no line in \""
              + BlockKitRenderer.escape(QueryParser.shorten(text, 60))
              + "\". "
              + EXPECTED);
    }
    List<String> out = new ArrayList<>();
    for (Question q : questions) {
      Optional<ReleaseLine> line;
      String asked;
      if (q instanceof Question.AboutLine l) {
        line = service.catalog().line(l.product(), l.version().line());
        asked = l.product().displayName() + " " + l.version().line();
      } else if (q instanceof Question.AboutPair p) {
        line = service.catalog().line(Product.KOMMANDER, p.kommander().line());
        asked = "Kommander " + p.kommander().line();
      } else {
        return Read.problem(EXPECTED);
      }
      if (line.isEmpty()) {
        return Read.problem(asked + " is not a line I know. " + EXPECTED);
      }
      if (subscribing
          && service.policy().support(line.get(), service.today()) instanceof Support.Expired) {
        return Read.problem(
            line.get().label() + "'s support has ended: there is nothing more to announce for it.");
      }
      String minor = line.get().kommander().toString();
      if (!out.contains(minor)) {
        out.add(minor);
      }
    }
    return new Read(out, Optional.empty());
  }

  /** A line as people name it today ("NKP 2.16"); "every line" for {@link Subscriptions#ALL}. */
  public String label(String line) {
    if (Subscriptions.ALL.equals(line)) {
      return "every line";
    }
    return answers
        .policy()
        .catalog()
        .line(Product.KOMMANDER, Minor.parse(line))
        .map(ReleaseLine::label)
        .orElse("Kommander " + line);
  }

  public String labels(List<String> lines) {
    return ReplyPhrases.and(lines.stream().map(this::label).toList());
  }
}
