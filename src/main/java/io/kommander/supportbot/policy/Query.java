package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a message asks: questions, the day they are about (today when absent), and notes on parts of
 * the message that were not understood.
 */
public record Query(List<Question> questions, Optional<LocalDate> asOf, List<String> notes) {
  public Query {
    questions = List.copyOf(questions);
    notes = List.copyOf(notes);
  }
}
