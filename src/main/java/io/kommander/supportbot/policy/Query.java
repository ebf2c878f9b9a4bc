package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a message asks: questions, the day they are about (today when absent), notes on parts of the
 * message that were not understood, and the main thing asked when the words say it (else the
 * questions do).
 */
public record Query(
    List<Question> questions,
    Optional<LocalDate> asOf,
    List<String> notes,
    Optional<Intent> intent) {
  public Query {
    questions = List.copyOf(questions);
    notes = List.copyOf(notes);
  }

  /** A query whose intent follows from its questions. */
  public Query(List<Question> questions, Optional<LocalDate> asOf, List<String> notes) {
    this(questions, asOf, notes, Optional.empty());
  }
}
