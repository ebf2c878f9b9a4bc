package io.kommander.supportbot.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The core's full answer to one message.
 *
 * @param asOf the day the answers are about
 * @param asOfGiven whether the asker named that day (so renderers say "on DAY" rather than "today")
 * @param era whose policy it was on that day (D2iQ's Kommander, DKP; Nutanix's NKP)
 * @param stale present when the catalog may be out of date for that day
 * @param notes what was not understood or was left out, in plain words
 * @param intent the main thing asked, which the answers lead with
 */
public record Reply(
    LocalDate asOf,
    boolean asOfGiven,
    Era era,
    Optional<Freshness> stale,
    List<Answer> answers,
    List<String> notes,
    PolicySettings settings,
    Intent intent) {
  public Reply {
    answers = List.copyOf(answers);
    notes = List.copyOf(notes);
  }
}
