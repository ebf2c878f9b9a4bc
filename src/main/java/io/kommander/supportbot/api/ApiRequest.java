package io.kommander.supportbot.api;

import io.kommander.supportbot.http.QueryParams;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.query.QueryParser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One API request: the policy service it is answered from, its parameters (bounded by {@link
 * QueryParams}, as on the page), the day it asks about, the path's segments after {@code /api/v1/},
 * and where the bot is published ({@code PUBLIC_URL}, for absolute links). Versions are read the
 * way Slack reads them (the same parser, the same words when they cannot be read).
 */
record ApiRequest(
    HttpServletRequest http,
    PolicyService service,
    QueryParams params,
    LocalDate asOf,
    String[] parts,
    Optional<String> publicUrl) {
  private static final QueryParser PARSER = new QueryParser();

  static ApiRequest of(
      HttpServletRequest http, PolicyService service, String[] parts, Optional<String> publicUrl) {
    QueryParams params = new QueryParams(http, service);
    return new ApiRequest(http, service, params, params.asOfOrToday(), parts, publicUrl);
  }

  /** A version-like parameter ("dkp 2.5"), or null when absent or blank. */
  String param(String name) {
    return params.text(name, QueryParams.MAX_VERSION_TEXT).orElse(null);
  }

  /** An absolute link to {@code path} on {@code PUBLIC_URL}, or {@code path} itself (relative). */
  String link(String path) {
    return publicUrl.orElse("") + path;
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
    if (text.length() > QueryParams.MAX_VERSION_TEXT) {
      throw new ApiError(
          400,
          "bad_version",
          name + ": at most " + QueryParams.MAX_VERSION_TEXT + " characters; " + expected);
    }
    Query q = PARSER.parse(text);
    if (q.questions().size() != 1
        || !(q.questions().get(0) instanceof AboutLine line)
        || !q.notes().isEmpty()) {
      String why = q.notes().isEmpty() ? expected : q.notes().get(0);
      throw new ApiError(400, "bad_version", name + ": " + why);
    }
    return line;
  }
}
