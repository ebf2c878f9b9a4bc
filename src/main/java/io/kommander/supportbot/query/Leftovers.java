package io.kommander.supportbot.query;

import static io.kommander.supportbot.query.Vocabulary.MATRIX_HINTS;
import static io.kommander.supportbot.query.Vocabulary.NEWEST_WORDS;

import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutTopic;
import io.kommander.supportbot.policy.Question.Topic;
import java.util.List;

/**
 * A message's questions settled: one that asked nothing recognisable gets the newest release or the
 * matrix when its words ask for them, else a note on what was expected; and no more than {@link
 * QueryParser#MAX_QUESTIONS} are answered, with a note on the rest.
 */
final class Leftovers {
  private Leftovers() {}

  static List<Question> settle(
      List<Question> distinct,
      List<String> bareNumbers,
      List<String> words,
      List<String> notes,
      String text) {
    if (distinct.isEmpty()) {
      bareNumbers.forEach(
          n ->
              notes.add(
                  QueryParser.problem(
                      n, "it needs a minor version, like " + QueryParser.shorten(n, 8) + ".4")));
      if (notes.isEmpty() && words.stream().anyMatch(NEWEST_WORDS::contains)) {
        distinct = List.of(new AboutTopic(Topic.NEWEST));
      } else if (notes.isEmpty() && words.stream().anyMatch(MATRIX_HINTS::contains)) {
        distinct = List.of(new AboutTopic(Topic.MATRIX));
      } else if (notes.isEmpty() && !words.isEmpty()) {
        notes.add(
            "I couldn't find a version in \""
                + QueryParser.shorten(text.strip(), 60)
                + "\"; "
                + QueryParser.EXPECTED_NAMED
                + ".");
      }
    }
    if (distinct.size() > QueryParser.MAX_QUESTIONS) {
      notes.add(
          "I answered the first "
              + QueryParser.MAX_QUESTIONS
              + " of "
              + distinct.size()
              + " questions; ask again for the rest.");
      distinct = distinct.subList(0, QueryParser.MAX_QUESTIONS);
    }
    return distinct;
  }
}
