package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The core's full answer to one message.
 *
 * @param asOf the day the answers are about
 * @param asOfGiven whether the asker named that day (so renderers say "on DAY" rather than "today")
 * @param notes what was not understood or was left out, in plain words
 */
public record Reply(
    LocalDate asOf,
    boolean asOfGiven,
    List<Answer> answers,
    List<String> notes,
    PolicySettings settings) {
  public Reply {
    answers = List.copyOf(answers);
    notes = List.copyOf(notes);
  }
}
