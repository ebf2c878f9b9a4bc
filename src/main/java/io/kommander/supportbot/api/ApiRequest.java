package io.kommander.supportbot.api;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.query.QueryParser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One API request: the policy service it is answered from, the day it asks about, the path's
 * segments after {@code /api/v1/}, and its parameters read the way Slack reads them (the same
 * parser, the same words when they cannot be read).
 */
record ApiRequest(HttpServletRequest http, PolicyService service, LocalDate asOf, String[] parts) {
  private static final QueryParser PARSER = new QueryParser();

  static ApiRequest of(HttpServletRequest http, PolicyService service, String[] parts)
      throws ApiError {
    return new ApiRequest(http, service, asOf(http.getParameter("asOf"), service), parts);
  }

  /** A parameter, or null when absent or blank. */
  String param(String name) {
    String value = http.getParameter(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** The policy's window (3 under N-2), for the models that show it. */
  int window() {
    return service.catalog().settings().window();
  }

  /** A version with nothing around it: "1.4", "v2.17.1". */
  io.kommander.supportbot.policy.Version version(String text, String name) throws ApiError {
    AboutLine line = line(text, name, QueryParser.EXPECTED);
    if (text.strip().contains(" ")) {
      throw new ApiError(400, "bad_version", name + ": " + QueryParser.EXPECTED);
    }
    return line.version();
  }

  /** A version with an optional name before it: "2.5", "dkp 2.5", "konvoy 1.8". */
  AboutLine named(String text, String name) throws ApiError {
    return line(text, name, QueryParser.EXPECTED_NAMED);
  }

  private static AboutLine line(String text, String name, String expected) throws ApiError {
    Query q = PARSER.parse(text);
    if (q.questions().size() != 1
        || !(q.questions().get(0) instanceof AboutLine line)
        || !q.notes().isEmpty()) {
      String why = q.notes().isEmpty() ? expected : q.notes().get(0);
      throw new ApiError(400, "bad_version", name + ": " + why);
    }
    return line;
  }

  /** A number of days, 1 to 999; {@code fallback} when not given. */
  static int days(String text, int fallback, String name) throws ApiError {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int days = Integer.parseInt(text.strip());
      if (days >= 1 && days <= 999) {
        return days;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiError(
        400,
        "bad_parameter",
        name + ": a whole number of days from 1 to 999, e.g. ?" + name + "=90");
  }

  private static LocalDate asOf(String text, PolicyService service) throws ApiError {
    if (text == null || text.isBlank()) {
      return service.today();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ApiError(
          400,
          "bad_date",
          "asOf: '"
              + QueryParser.shorten(text, 40)
              + "' is not a date; use YYYY-MM-DD, e.g. 2021-06-01");
    }
    Optional<String> before = service.beforeHistory(date);
    if (before.isPresent()) {
      throw new ApiError(400, "before_history", "asOf: " + before.get());
    }
    return date;
  }
}
