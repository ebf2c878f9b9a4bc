package io.kommander.supportbot.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Bolt's place behind {@link SlackEventsServlet} until Slack has answered at start: signed requests
 * get a 503 with {@code Retry-After} (Slack retries events) and why, then, once {@link #open} is
 * called, go to Bolt.
 */
public final class SlackGate extends HttpServlet {
  private final transient AtomicReference<HttpServlet> bolt = new AtomicReference<>();
  private final transient Supplier<String> why;

  /**
   * @param why what the wait is for ("cannot reach Slack: connection refused")
   */
  public SlackGate(Supplier<String> why) {
    this.why = why;
  }

  public void open(HttpServlet bolt) {
    this.bolt.set(bolt);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    HttpServlet to = bolt.get();
    if (to == null) {
      resp.setHeader("Retry-After", "5");
      ErrorReplies.write(
          "/slack/events", resp, 503, "unavailable", "Not connected to Slack yet: " + why.get());
      return;
    }
    to.service(req, resp);
  }
}
