package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Question;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One form of pasted tool output: adds the questions it asks and returns the text without it. */
interface PasteRecognizer {
  String read(String text, List<Question> questions, List<String> notes);

  /**
   * Whether {@code text} has any of {@code words}, in any case: a look before a form's patterns
   * scan a 40,000-character paste that cannot hold it.
   */
  static boolean mentions(String text, String... words) {
    String lower = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(words).anyMatch(lower::contains);
  }
}
