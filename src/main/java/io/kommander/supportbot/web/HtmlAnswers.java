package io.kommander.supportbot.web;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.Phrases;
import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.render.Standing;
import io.kommander.supportbot.render.TextRenderer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A reply as the page shows it, for the template: each answer's headline with its status as a badge
 * in words, its facts as a list, a suggested question (written `like this` for Slack and the CLI)
 * as a link that asks it, and the caveats in small print. The words are the text renderer's, so the
 * page says what Slack and the CLI say.
 */
final class HtmlAnswers {
  private static final Set<String> CAVEATS =
      Set.of(ReplyPhrases.DERIVED, CatalogPhrases.APPROXIMATE);

  private HtmlAnswers() {}

  /** The template's scope for the reply: summary, answers, notes. */
  static Map<String, Object> of(Reply reply) {
    TextRenderer text = new TextRenderer();
    List<Map<String, Object>> answers = new ArrayList<>();
    for (Answer answer : reply.answers()) {
      answers.add(one(answer, text.lines(answer, reply)));
    }
    Map<String, Object> scope = new HashMap<>();
    ReplyPhrases.summary(reply.answers()).ifPresent(s -> scope.put("summary", s));
    scope.put("answers", answers);
    scope.put("notes", reply.notes());
    return scope;
  }

  private static Map<String, Object> one(Answer answer, List<String> lines) {
    Map<String, Object> out = new HashMap<>();
    String headline = lines.get(0);
    if (answer instanceof LineAnswer a) {
      String words = Phrases.status(a.support());
      int at = headline.indexOf(": " + words);
      if (at > 0) {
        out.put("before", headline.substring(0, at));
        out.put("words", words);
        out.put("css", Standing.of(a.support()).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        out.put("after", headline.substring(at + 2 + words.length()));
      }
    }
    out.put("headline", parts(headline));
    List<Map<String, Object>> facts = new ArrayList<>();
    List<String> small = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String fact = line.strip();
      if (CAVEATS.contains(fact)) {
        small.add(fact);
      } else {
        facts.add(Map.of("parts", parts(fact)));
      }
    }
    out.put("facts", facts);
    out.put("hasFacts", !facts.isEmpty());
    out.put("small", small);
    return out;
  }

  /** Text with its `suggested questions` made links that ask them, without the backticks. */
  static List<Map<String, Object>> parts(String text) {
    List<Map<String, Object>> parts = new ArrayList<>();
    String[] pieces = text.split("`", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (pieces[i].isEmpty()) {
        continue;
      }
      boolean question = i % 2 == 1 && i < pieces.length - 1;
      parts.add(
          question
              ? Map.of(
                  "text",
                  pieces[i],
                  "link",
                  true,
                  "href",
                  "/?q=" + URLEncoder.encode(pieces[i], StandardCharsets.UTF_8))
              : Map.of("text", pieces[i], "link", false));
    }
    return parts;
  }
}
