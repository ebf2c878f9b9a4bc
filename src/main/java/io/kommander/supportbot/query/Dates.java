package io.kommander.supportbot.query;

import static io.kommander.supportbot.query.Vocabulary.DATE_FORMAT;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The day a question is about: "2.5 on 2023-06-01" (the first date in a message counts). */
final class Dates {
  private Dates() {}

  /** The day a date-shaped token names, or a note on {@code notes} saying why it names none. */
  static Optional<LocalDate> read(String token, List<String> notes) {
    try {
      return Optional.of(LocalDate.parse(token, DATE_FORMAT));
    } catch (DateTimeParseException e) {
      notes.add(
          "`"
              + QueryParser.shorten(token, 40)
              + "` is not a date: dates look like 2021-06-01 (YYYY-MM-DD).");
      return Optional.empty();
    }
  }

  /** The day already read, or {@code date} if none was; a second, different day gets a note. */
  static Optional<LocalDate> first(Optional<LocalDate> asOf, LocalDate date, List<String> notes) {
    if (asOf.isPresent() && !asOf.get().equals(date)) {
      notes.add("I answered for " + asOf.get() + ", the first date in your message.");
      return asOf;
    }
    return Optional.of(date);
  }
}
