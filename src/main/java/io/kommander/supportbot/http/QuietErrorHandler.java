package io.kommander.supportbot.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error pages (no such path, a request it could not parse) in the server's words: JSON
 * under {@code /api}, plain text elsewhere. Jetty's default page prints the stack trace.
 */
public final class QuietErrorHandler extends ErrorHandler {
  public QuietErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    ErrorReplies.write(
        request.getRequestURI(),
        response,
        code,
        code == 404 ? "not_found" : "error",
        code == 404
            ? "No such page. Try /healthz, /ask?q=2.15 or /api/v1/openapi.yaml."
            : HttpStatus.getMessage(code) + ".");
  }

  /** A request Jetty could not parse at all (bad URI, headers too large): no detail echoed. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
    fields.put("Content-Type", "text/plain;charset=utf-8");
    return ByteBuffer.wrap(
        (HttpStatus.getMessage(status) + ".\n").getBytes(StandardCharsets.UTF_8));
  }
}
