package io.kommander.supportbot.http;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.servlet.http.HttpServletResponse;

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

  public static void write(
      String path, HttpServletResponse resp, int status, String code, String message)
      throws IOException {
    if (resp.isCommitted()) {
      return;
    }
    resp.resetBuffer();
    resp.setStatus(status);
    if (path != null && path.startsWith("/api/")) {
      resp.setContentType("application/json;charset=utf-8");
      resp.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + json(message) + "\"}");
    } else {
      resp.setContentType("text/plain;charset=utf-8");
      resp.getWriter().println(message);
    }
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
