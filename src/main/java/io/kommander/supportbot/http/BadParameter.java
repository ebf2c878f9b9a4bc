package io.kommander.supportbot.http;

/**
 * A query parameter the server will not work with: out of its range, too long, malformed or given
 * twice. {@link EdgeFilter} answers it with a 400 in the server's words (JSON under {@code /api});
 * the message names the parameter and what it takes. No stack trace: it is the asker's mistake.
 */
public final class BadParameter extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The API's error code: {@code bad_date} for days, {@code bad_parameter} for the rest. */
  private final String code;

  public BadParameter(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
