package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Question;
import java.util.List;

/** One form of pasted tool output: adds the questions it asks and returns the text without it. */
interface PasteRecognizer {
  String read(String text, List<Question> questions, List<String> notes);
}
