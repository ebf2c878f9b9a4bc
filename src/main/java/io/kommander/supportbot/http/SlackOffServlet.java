package io.kommander.supportbot.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /slack/events} while Slack is not configured: 503 naming the variables to set. */
public final class SlackOffServlet extends HttpServlet {
  private final String reason;

  public SlackOffServlet(String reason) {
    this.reason = reason;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setStatus(503);
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().println(reason);
  }
}
