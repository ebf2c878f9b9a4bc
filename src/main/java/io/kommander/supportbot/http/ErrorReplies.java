package io.kommander.supportbot.http;

import io.kommander.supportbot.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the server words a refusal or a failure: JSON {@code {"error","message"}} under {@code /api},
 * one line of plain text elsewhere. Never a stack trace nor a class name.
 */
public final class ErrorReplies {
  private ErrorReplies() {}

  /** A short id that ties a 500 the client saw to the one log line that explains it. */
  public static String newRequestId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /** The JSON shape of a refusal, as openapi.yaml's Error. */
  private record Refusal(String error, String message) {}

  /** A refusal's body and its content type. */
  public record Body(String contentType, String text) {}

  /** The body for {@code path}: JSON under {@code /api/}, a line of text elsewhere. */
  public static Body body(String path, String code, String message) {
    return path != null && path.startsWith("/api/")
        ? new Body("application/json;charset=utf-8", Json.write(new Refusal(code, message)))
        : new Body("text/plain;charset=utf-8", message + "\n");
  }

  public static void write(
      String path, HttpServletResponse resp, int status, String code, String message)
      throws IOException {
    if (resp.isCommitted()) {
      return;
    }
    resp.resetBuffer();
    resp.setStatus(status);
    Body body = body(path, code, message);
    resp.setContentType(body.contentType());
    resp.getWriter().write(body.text());
  }
}
