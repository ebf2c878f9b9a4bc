package io.kommander.supportbot.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error replies (no such path, a request it could not parse, a failure outside the
 * servlets) in the server's words: JSON under {@code /api}, plain text elsewhere. Jetty's default
 * page is HTML and can carry a stack trace.
 */
public final class QuietErrorHandler extends ErrorHandler {
  public QuietErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowOrigin(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback done) {
    ErrorReplies.Body body =
        ErrorReplies.body(
            request.getHttpURI().getPath(),
            switch (code) {
              case 404 -> "not_found";
              case 414, 431 -> "too_long";
              default -> "error";
            },
            switch (code) {
              case 404 -> "No such page. Try /healthz, /ask?q=2.15 or /api/v1/openapi.yaml.";
              case 414, 431 ->
                  "The URL and headers may be at most "
                      + BotServer.MAX_URL_BYTES / 1024
                      + " KiB; ask about long text (a paste) in Slack or with the CLI.";
              default -> HttpStatus.getMessage(code) + ".";
            });
    SecurityHeaders.ALL.forEach(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
    response.write(true, ByteBuffer.wrap(body.text().getBytes(StandardCharsets.UTF_8)), done);
  }
}
