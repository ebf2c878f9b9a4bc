package io.kommander.supportbot.http;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
