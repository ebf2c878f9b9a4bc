package io.kommander.supportbot;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code LEDGER_DATABASE_URL} taken apart: the driver's URL without credentials, and the user and
 * password beside it, so that no URL the bot holds (and a library may print) carries a password.
 * Accepts the form providers hand out, {@code postgres://user:pass@host:port/db?params} (also
 * {@code postgresql://}, percent-encoded credentials, several {@code host:port} separated by
 * commas), and the driver's own {@code jdbc:postgresql://host/db?user=…&password=…}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db?params}, with no user or password in it
 * @param where {@code host:port/db}, for messages: says which database without any secret
 */
public record DatabaseUrl(
    String jdbcUrl, Optional<String> user, Optional<String> password, String where) {
  private static final String JDBC = "jdbc:postgresql://";
  private static final List<String> SCHEMES = List.of("postgres://", "postgresql://", JDBC);

  /** What is wrong is said without the value, which may hold a password. */
  static final String FORMS =
      "LEDGER_DATABASE_URL must be postgres://USER:PASSWORD@HOST:PORT/DATABASE or"
          + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD";

  public static DatabaseUrl parse(String url) {
    String scheme =
        SCHEMES.stream()
            .filter(s -> url.regionMatches(true, 0, s, 0, s.length()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(FORMS));
    String rest = url.substring(scheme.length());
    int slash = rest.indexOf('/');
    int question = rest.indexOf('?');
    int authorityEnd = slash >= 0 ? slash : question >= 0 ? question : rest.length();
    String authority = rest.substring(0, authorityEnd);
    String path = rest.substring(authorityEnd);
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, false));
      password = colon >= 0 ? Optional.of(decode(userInfo.substring(colon + 1), false)) : password;
    }
    if (authority.isEmpty() || authority.contains(" ")) {
      throw new IllegalArgumentException(FORMS);
    }
    int q = path.indexOf('?');
    String database = q >= 0 ? path.substring(0, q) : path;
    database = database.isEmpty() ? "/" : database; // the driver needs the slash
    boolean jdbc = scheme.equals(JDBC);
    List<String> kept = new ArrayList<>();
    if (q >= 0) {
      for (String param : path.substring(q + 1).split("&")) {
        String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
        String value = param.contains("=") ? decode(param.split("=", 2)[1], jdbc) : "";
        switch (name) {
          case "user" -> user = user.or(() -> Optional.of(value));
          case "password" -> password = password.or(() -> Optional.of(value));
          case "" -> {
            // "a=1&&b=2": nothing between the separators
          }
          default -> kept.add(param);
        }
      }
    }
    return new DatabaseUrl(
        JDBC + authority + database + (kept.isEmpty() ? "" : "?" + String.join("&", kept)),
        user,
        password,
        authority + database);
  }

  /**
   * Percent-decoding. In libpq's URLs (and a URL's user info) {@code +} is a plus; the JDBC driver
   * decodes its query as a form, where {@code +} is a space, and that meaning is kept.
   */
  private static String decode(String text, boolean form) {
    try {
      return URLDecoder.decode(form ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(FORMS + " (with %XX escapes well formed)");
    }
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + where + ", user " + (user.isPresent() ? "set" : "unset") + "]";
  }
}
