package io.kommander.supportbot.http;

import java.io.IOException;
import java.time.Clock;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Cheap checks before Bolt reads a byte of the body: a body over the limit (or of unknown length)
 * is refused, and so is a request without Slack's signature headers or with a timestamp outside the
 * 5-minute window (a replay). Bolt then verifies the signature itself.
 */
public final class SlackRequestGuard implements Filter {
  /** Slack's largest payloads (modal submissions) are far below this. */
  public static final long MAX_BODY_BYTES = 256 * 1024;

  static final long WINDOW_SECONDS = 5 * 60;

  private final Clock clock;

  public SlackRequestGuard(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse resp = (HttpServletResponse) response;
    if ("POST".equals(req.getMethod())) {
      long length = req.getContentLengthLong();
      if (length < 0) {
        refuse(resp, 411, "Content-Length required");
        return;
      }
      if (length > MAX_BODY_BYTES) {
        refuse(resp, 413, "Request body over " + MAX_BODY_BYTES + " bytes");
        return;
      }
      if (!freshlySigned(req)) {
        refuse(resp, 401, "Missing, stale or malformed Slack signature headers");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  @Override
  public void init(javax.servlet.FilterConfig config) {
    // nothing to set up (servlet 3.1 has no default methods)
  }

  @Override
  public void destroy() {
    // nothing to release
  }

  private boolean freshlySigned(HttpServletRequest req) {
    String signature = req.getHeader("X-Slack-Signature");
    String timestamp = req.getHeader("X-Slack-Request-Timestamp");
    if (signature == null || !signature.startsWith("v0=") || timestamp == null) {
      return false;
    }
    try {
      long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp.strip());
      return Math.abs(age) <= WINDOW_SECONDS; // Slack's window, both ways
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void refuse(HttpServletResponse resp, int status, String why) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().println(why);
  }
}
