package io.kommander.supportbot.http;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.query.QueryParser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request's query parameters, each read once, bounded before any work is done with it: the one
 * place the page, the images and the API read days, numbers, flags and text. A value out of bounds
 * is a {@link BadParameter} (a 400 that says what the parameter takes), never a value quietly
 * dropped, clamped or passed on to code that would choke on it ({@code from=-999999999-01-01} once
 * drew a billion years and exhausted the heap). A parameter given twice is refused: which one was
 * meant cannot be known.
 */
public final class QueryParams {
  /** The first day any date parameter may name: before every line the catalog knows. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);

  /** How far ahead a date parameter may reach: past every plan the catalog could hold. */
  public static final int YEARS_AHEAD = 5;

  /** The longest number of days a parameter takes (an upcoming window, an alarm). */
  public static final int MAX_DAYS = 999;

  /**
   * Free text (a question, a paste) is read by the parser, whose own cap this is. Jetty's URL limit
   * ({@link BotServer#MAX_URL_BYTES}) is lower still, so on the web this only names the contract.
   */
  public static final int MAX_TEXT = QueryParser.MAX_LENGTH;

  /** A version with its name ("Nutanix Kubernetes Platform 2.16.1"), with room to spare. */
  public static final int MAX_VERSION_TEXT = 100;

  /** Longer than any date, so an absurd value is refused before it is parsed. */
  private static final int MAX_DATE_TEXT = 20;

  private final HttpServletRequest req;
  private final PolicyService service;
  private final LocalDate today;

  /**
   * @param service the policy the request is answered from: its today (which the latest allowed day
   *     counts from) and its catalog's first dated release
   */
  public QueryParams(HttpServletRequest req, PolicyService service) {
    this.req = req;
    this.service = service;
    this.today = service.today();
  }

  /**
   * {@code asOf}, the day asked about, as every page, image and API endpoint reads it: a {@link
   * #day}, and not before the catalog's first dated release (which the catalog cannot speak for).
   * Empty when not given: today.
   */
  public Optional<LocalDate> asOf() {
    Optional<LocalDate> asOf = day("asOf");
    Optional<String> before = asOf.flatMap(service::beforeHistory);
    if (before.isPresent()) {
      throw new BadParameter("before_history", "asOf: " + before.get());
    }
    return asOf;
  }

  /** {@link #asOf()}, or today when not given. */
  public LocalDate asOfOrToday() {
    return asOf().orElse(today);
  }

  /** The last day a date parameter may name. */
  public LocalDate lastDay() {
    return today.plusYears(YEARS_AHEAD);
  }

  /** The value, stripped; empty when absent or blank. Refused when given more than once. */
  public Optional<String> single(String name) {
    String[] values = req.getParameterValues(name);
    if (values == null || values.length == 0) {
      return Optional.empty();
    }
    if (values.length > 1) {
      throw new BadParameter(
          "bad_parameter", name + ": give it once, not " + values.length + " times");
    }
    String value = values[0].strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** A day from {@link #FIRST_DAY} to {@link #lastDay()}; empty when not given. */
  public Optional<LocalDate> day(String name) {
    return day(name, "");
  }

  /**
   * @param alternative what else the parameter may be, for the message (", or all")
   */
  public Optional<LocalDate> day(String name, String alternative) {
    Optional<String> text = single(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    try {
      if (value.length() <= MAX_DATE_TEXT) {
        LocalDate day = LocalDate.parse(value);
        if (!day.isBefore(FIRST_DAY) && !day.isAfter(lastDay())) {
          return Optional.of(day);
        }
      }
    } catch (DateTimeParseException e) {
      // answered below, as a day out of range is
    }
    throw new BadParameter(
        "bad_date",
        name
            + ": '"
            + QueryParser.shorten(value, 40)
            + "' is not a date from "
            + FIRST_DAY
            + " to "
            + lastDay()
            + "; use YYYY-MM-DD, e.g. 2021-06-01"
            + alternative);
  }

  /** A whole number of days from 1 to {@link #MAX_DAYS}; {@code fallback} when not given. */
  public int days(String name, int fallback) {
    return single(name).map(v -> days(name, v)).orElse(fallback);
  }

  /**
   * A comma-separated list of days (each 1 to {@link #MAX_DAYS}), at most {@code max} of them and
   * each once; {@code fallback} when absent, none when given empty.
   */
  public List<Integer> dayList(String name, int max, List<Integer> fallback) {
    String[] values = req.getParameterValues(name);
    if (values == null) {
      return fallback;
    }
    String[] parts = single(name).orElse("").split(",", max + 1);
    if (parts.length > max) {
      throw new BadParameter(
          "bad_parameter", name + ": at most " + max + " values, e.g. ?" + name + "=30,7");
    }
    List<Integer> days = new ArrayList<>();
    for (String part : parts) {
      if (!part.isBlank()) {
        int d = days(name, part);
        if (!days.contains(d)) {
          days.add(d);
        }
      }
    }
    return List.copyOf(days);
  }

  private static int days(String name, String text) {
    String digits = text.strip();
    if (digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int days = digits.isEmpty() ? 0 : Integer.parseInt(digits);
      if (days >= 1 && days <= MAX_DAYS) {
        return days;
      }
    }
    throw new BadParameter(
        "bad_parameter",
        name + ": a whole number of days from 1 to " + MAX_DAYS + ", e.g. ?" + name + "=90");
  }

  /** {@code true} or {@code false}; false when not given. */
  public boolean flag(String name) {
    return switch (single(name).orElse("false")) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadParameter("bad_parameter", name + ": true or false");
    };
  }

  /** Text of at most {@code max} characters; empty when absent or blank. */
  public Optional<String> text(String name, int max) {
    Optional<String> text = single(name);
    if (text.isPresent() && text.get().length() > max) {
      throw new BadParameter(
          "bad_parameter",
          String.format(
              java.util.Locale.ROOT,
              "%s: at most %,d characters (this one has %,d)",
              name,
              max,
              text.get().length()));
    }
    return text;
  }
}
